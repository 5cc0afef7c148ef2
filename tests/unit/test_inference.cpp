// Keyword topic inference (core/topic_inference.h): scoring, boundaries, the "general" fallback, and how
// well inference agrees with the curated topics of the seed corpus.
#include <string>
#include <vector>

#include "core/text.h"
#include "core/topic_inference.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using Ids = std::vector<std::string>;

const std::vector<Topic>& topics() {
    static const std::vector<Topic> t = testTopics();
    return t;
}

Ids inferred(std::string_view title, std::string_view body = "", int maxTopics = 3) {
    std::vector<std::string> ids;
    TopicMask mask = inferTopics(topics(), foldForSearch(title), foldForSearch(body), maxTopics);
    for (TopicIndex t = 0; t < topics().size(); ++t)
        if (mask >> t & 1) ids.push_back(topics()[t].id);
    return ids;
}

int score(std::string_view topicId, std::string_view title, std::string_view body = "") {
    for (const TopicScore& s : scoreTopics(topics(), foldForSearch(title), foldForSearch(body)))
        if (topics()[s.topic].id == topicId) return s.score;
    return 0;
}

}  // namespace

TEST_SUITE("inference") {

TEST_CASE("a title hit counts 3, a body hit 1; Chinese keywords count too") {
    CHECK(score("diffusion", "Denoising Diffusion Models") == 6);
    CHECK(score("diffusion", "", "denoising diffusion") == 2);
    CHECK(score("diffusion", "Diffusion", "扩散模型的扩散过程") == 5);
    CHECK(score("diffusion", "扩散模型") == 3);
    CHECK(score("vision", "Nothing", "nothing") == 0);
    auto scores = scoreTopics(topics(), foldForSearch("GPT and diffusion"), foldForSearch("language model, language model"));
    REQUIRE(scores.size() == 2);
    CHECK(topics()[scores[0].topic].id == "language-models");  // 3 (gpt) + 2 (body) = 5
    CHECK(scores[0].score == 5);
    CHECK(topics()[scores[1].topic].id == "diffusion");
    CHECK(scores[1].score == 3);
}

TEST_CASE("English keywords must start at a word boundary; Chinese keywords match anywhere") {
    CHECK(score("rl", "World models for the real world") == 0);   // "rl" inside "world"
    CHECK(score("rl", "RL agents") == 3);
    CHECK(score("rl", "Deep-RL") == 3);
    CHECK(score("rl", "rlhf") == 3);                              // only the start is a boundary
    CHECK(score("language-models", "ChatGPT") == 0);               // "gpt" inside a word
    CHECK(score("language-models", "GPT-3") == 3);
    CHECK(score("language-models", "ＧＰＴ－３") == 3);          // folded
    CHECK(score("language-models", "Large Language Models") == 3);
    CHECK(score("diffusion", "的扩散") == 3);
    CHECK(score("diffusion", "", "扩散扩散") == 2);
    CHECK(score("language-models", "", "llmllm") == 1);            // the second one is inside a word
}

TEST_CASE("up to 3 topics, best first, each at least half the best score") {
    CHECK(inferred("Diffusion for RL") == Ids{"diffusion", "rl"});
    CHECK(inferred("Diffusion image synthesis", "diffusion diffusion diffusion reward") == Ids{"diffusion", "vision"});
    // vision (3) is less than half of diffusion (9): dropped.
    CHECK(inferred("Denoising diffusion with diffusion priors for images") == Ids{"diffusion"});
    CHECK(inferred("GPT diffusion RL image") == Ids{"language-models", "diffusion", "rl"});
    CHECK(inferred("GPT diffusion RL image", "", 2).size() == 2);
    CHECK(inferred("GPT diffusion RL image", "", 1).size() == 1);
    // After the first pick, a topic needs a score of at least 2 (a single body hit is not enough).
    CHECK(inferred("", "diffusion reward") == Ids{"diffusion"});
    CHECK(inferred("", "diffusion diffusion reward reward") == Ids{"diffusion", "rl"});
}

TEST_CASE("general is never picked by score, only when nothing else matches") {
    CHECK(inferred("A note", "nothing to see") == Ids{"general"});
    CHECK(inferred("") == Ids{"general"});
    // "machine learning" scores for general, which still sets the bar: vision is under half of it.
    CHECK(inferred("Machine learning", "image") == Ids{"general"});
    CHECK(inferred("Machine learning", "image image") == Ids{"vision"});
    CHECK(inferred("神经网络与强化学习") == Ids{"rl"});
    // Without a "general" topic and without any hit, nothing is inferred.
    std::vector<Topic> noGeneral(topics().begin(), topics().end() - 1);
    CHECK(inferTopics(noGeneral, "nothing", "") == 0);
    CHECK(inferTopics(noGeneral, foldForSearch("diffusion"), "") == (TopicMask(1) << 1));
}

TEST_CASE("a paper without topics gets inferred topics from all its appearances; a tagged paper keeps its own") {
    ojson a = digestJson("2022-01-a", "2022-01",
                         {paperJson("untagged", "A Study", {"A"}, {}, {{"summary", "我们提出一种新的扩散模型。"}, {"title_zh", "去噪研究"}}),
                          paperJson("tagged", "Diffusion Everywhere", {"B"}, {"vision"}, {{"summary", "扩散"}}),
                          paperJson("empty-list", "Reward shaping", {"C"}, {}, {{"summary", "强化学习"}})});
    a["papers"][2]["topics"] = ojson::array();
    ojson b = digestJson("2022-02-b", "2022-02", {paperJson("untagged", "A Study", {"A"}, {}, {{"why", "扩散"}})});
    Loaded l = loadSynthetic({a, b});
    const Corpus& c = l.corpus;
    REQUIRE(countErrors(l.diagnostics) == 0);
    CHECK(formatted(l.diagnostics) ==
          Ids{"digests/2022-01-a.json:45:17: /papers/2/topics: warning: empty topic list; topics will be inferred from the text"});

    const Paper* untagged = c.findPaper("untagged");
    REQUIRE(untagged);
    CHECK(untagged->topicsInferred);
    CHECK(topicIds(c, untagged->topics) == Ids{"diffusion"});
    std::string title, body;
    paperInferenceText(c, *untagged, title, body);
    CHECK(title == "a study 去噪研究");
    CHECK(contains(body, "我们提出一种新的扩散模型。"));
    CHECK(contains(body, "扩散"));
    CHECK(scoreTopics(c.topics, title, body).front().score == 3 + 1 + 1);  // 去噪 in the Chinese title; 扩散 twice in bodies

    const Paper* tagged = c.findPaper("tagged");
    REQUIRE(tagged);
    CHECK_FALSE(tagged->topicsInferred);
    CHECK(topicIds(c, tagged->topics) == Ids{"vision"});

    const Paper* empty = c.findPaper("empty-list");
    REQUIRE(empty);
    CHECK(empty->topicsInferred);
    CHECK(topicIds(c, empty->topics) == Ids{"rl"});

    // measureInference only judges curated papers.
    InferenceAgreement agreement = measureInference(c);
    CHECK(agreement.papers == 1);
    CHECK(agreement.exact == 0);
    CHECK(agreement.firstCorrect == 0);
    CHECK(agreement.curatedTotal == 1);
}

TEST_CASE("measureInference: first-topic-correct is about the best topic inference picked") {
    // "general" scores best (machine learning in the title) but is never picked by score; vision is picked
    // and is the curated topic, so the best inferred topic is correct.
    ojson d = digestJson("2022-01-a", "2022-01",
                         {paperJson("p", "Machine learning", {"A"}, {"vision"}, {{"summary", "image image"}}),
                          paperJson("q", "Nothing in particular", {"B"}, {"general"})});
    Loaded l = loadSynthetic({d});
    InferenceAgreement a = measureInference(l.corpus);
    CHECK(a.papers == 2);
    CHECK(a.exact == 2);
    CHECK(a.firstCorrect == 2);
    CHECK(a.overlap == 2);
    CHECK(a.precision() == 1.0);
    CHECK(a.recall() == 1.0);
    CHECK(InferenceAgreement{}.precision() == 0);
}

TEST_CASE("measureInference on the seed corpus: inference mostly agrees with the curated topics") {
    InferenceAgreement a = measureInference(seed().corpus);
    auto pct = [&](size_t n) { return 100.0 * double(n) / double(a.papers); };
    MESSAGE("seed inference: " << a.papers << " curated papers; exact " << a.exact << " (" << pct(a.exact)
                               << "%), first topic correct " << a.firstCorrect << " (" << pct(a.firstCorrect) << "%), overlap "
                               << a.overlap << " (" << pct(a.overlap) << "%), precision " << a.precision() << ", recall "
                               << a.recall());
    CHECK(a.papers == 75);
    CHECK(pct(a.firstCorrect) >= 80.0);
    CHECK(pct(a.overlap) >= 90.0);
    CHECK(pct(a.exact) >= 30.0);
    CHECK(a.precision() >= 0.75);
    CHECK(a.recall() >= 0.6);
    CHECK(a.exact <= a.firstCorrect);
    CHECK(a.firstCorrect <= a.overlap);
    CHECK(a.truePositives <= a.inferredTotal);
    CHECK(a.curatedTotal >= a.papers);
}

TEST_CASE("seed corpus: every taxonomy topic has keywords in both languages, folded") {
    for (const Topic& t : seed().corpus.topics) {
        CAPTURE(t.id);
        CHECK(t.keywordsEn.size() >= 10);
        CHECK(t.keywordsZh.size() >= 10);
        for (const std::string& k : t.keywordsEn) CHECK(k == foldForSearch(k));
    }
}

}  // TEST_SUITE
