// Topic lifecycles, digest-to-digest changes and news links (core/insights.h), on synthetic corpora with
// known answers and on the seed corpus.
#include <string>
#include <vector>

#include "core/insights.h"
#include "core/text.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using Ids = std::vector<std::string>;

// Topics of the test taxonomy, by index.
constexpr TopicIndex kLm = 0, kDiffusion = 1, kRl = 2, kVision = 3, kGeneral = 4;

// `n` papers of one topic for a digest: ids "<tag>-<topic>-1".., each with a unique title.
std::vector<ojson> batch(const std::string& tag, const std::string& topic, int n, int first = 1) {
    std::vector<ojson> out;
    for (int i = first; i < first + n; ++i) {
        std::string id = tag + "-" + topic + "-" + std::to_string(i);
        out.push_back(paperJson(id, "Synthetic paper " + id, {"Ann Author"}, {topic}));
    }
    return out;
}

std::vector<ojson> concat(std::initializer_list<std::vector<ojson>> parts) {
    std::vector<ojson> out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

// Four digest months with gaps (2022-03, -04 and -06 have no digest); 10 distinct papers each:
//   2022-01: lm 2, diffusion 4, rl 2, general 2
//   2022-02: lm 2, diffusion 4 (d1 again from 2022-01 + 3 new), rl 2, general 2
//   2022-05: lm 2, diffusion 2, general 6
//   2022-07: two digests: a = lm 2, diffusion 2, general 2; b = vision 2, general 2, and a's first lm paper again
// With the default window of 4: earlier half = 2022-01, 2022-02; newer half = 2022-05, 2022-07.
//   lm        0.2 0.2 | 0.2 0.2 -> steady
//   diffusion 0.4 0.4 | 0.2 0.2 -> fading (the share halves)
//   rl        0.2 0.2 | 0   0   -> dormant
//   vision    0   0   | 0   0.2 -> new (first seen in the newer half)
//   general   0.2 0.2 | 0.6 0.4 -> rising
const Loaded& gapCorpus() {
    static const Loaded loaded = [] {
        ojson jan = digestJson("2022-01-a", "2022-01",
                               concat({batch("jan", "language-models", 2), batch("jan", "diffusion", 4), batch("jan", "rl", 2),
                                       batch("jan", "general", 2)}));
        ojson feb = digestJson("2022-02-a", "2022-02",
                               concat({batch("jan", "diffusion", 1), batch("feb", "language-models", 2),
                                       batch("feb", "diffusion", 3, 2), batch("feb", "rl", 2), batch("feb", "general", 2)}));
        ojson may = digestJson("2022-05-a", "2022-05",
                               concat({batch("may", "language-models", 2), batch("may", "diffusion", 2), batch("may", "general", 6)}));
        ojson julA = digestJson("2022-07-a", "2022-07",
                                concat({batch("jul", "language-models", 2), batch("jul", "diffusion", 2), batch("jul", "general", 2)}));
        ojson julB = digestJson("2022-07-b", "2022-07",
                                concat({batch("jul", "vision", 2), batch("jul", "general", 2, 3), batch("jul", "language-models", 1)}));
        Loaded l = loadSynthetic({julB, may, jan, julA, feb});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.digests.size() == 5);
        REQUIRE(l.corpus.papers.size() == 39);  // 41 entries: jan-diffusion-1 and jul-language-models-1 recur
        return l;
    }();
    return loaded;
}

// A 10-paper month next to a 37-paper month: counts and shares disagree.
//   2022-03 (10): vision 3, lm 2, rl 1, general 4
//   2022-04 (37): vision 4, lm 8, rl 10, general 15
// vision: 3 -> 4 papers but 0.30 -> 0.11 of the month; lm: 2 -> 8 papers, 0.20 -> 0.22; rl: 0.10 -> 0.27.
const Loaded& unevenCorpus() {
    static const Loaded loaded = [] {
        ojson mar = digestJson("2022-03-monthly", "2022-03",
                               concat({batch("mar", "vision", 3), batch("mar", "language-models", 2), batch("mar", "rl", 1),
                                       batch("mar", "general", 4)}));
        ojson apr = digestJson("2022-04-weekly", "2022-04",
                               concat({batch("apr", "vision", 4), batch("apr", "language-models", 8), batch("apr", "rl", 10),
                                       batch("apr", "general", 15)}));
        Loaded l = loadSynthetic({apr, mar});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.papers.size() == 47);
        return l;
    }();
    return loaded;
}

std::string monthText(MonthNumber m) { return m < 0 ? "-" : formatMonth(m); }

// "topic:kind:previous->current" per entry, in the order compareWithPreviousDigest returns them.
Ids changeSummary(const Corpus& c, const MonthChange& change) {
    Ids out;
    for (const TopicChange& t : change.topics)
        out.push_back(c.topics[t.topic].id + ":" + changeKindName(t.kind) + ":" + std::to_string(t.previous) + "->" +
                      std::to_string(t.current));
    return out;
}

const TopicChange* changeOf(const MonthChange& change, TopicIndex topic) {
    for (const TopicChange& t : change.topics)
        if (t.topic == topic) return &t;
    return nullptr;
}

Ids trends(const Corpus& c, const std::vector<TopicLifecycle>& lives) {
    Ids out;
    for (const TopicLifecycle& l : lives) out.push_back(c.topics[l.topic].id + ":" + trendName(l.trend));
    return out;
}

TopicIndex seedTopic(const std::string& id) {
    auto it = seed().corpus.topicById.find(id);
    REQUIRE_MESSAGE(it != seed().corpus.topicById.end(), "no seed topic " << id);
    return it->second;
}

}  // namespace

TEST_CASE("trendName and changeKindName spell every value") {
    CHECK(std::string(trendName(Trend::Rising)) == "rising");
    CHECK(std::string(trendName(Trend::Steady)) == "steady");
    CHECK(std::string(trendName(Trend::Fading)) == "fading");
    CHECK(std::string(trendName(Trend::New)) == "new");
    CHECK(std::string(trendName(Trend::Dormant)) == "dormant");
    CHECK(std::string(changeKindName(ChangeKind::New)) == "new");
    CHECK(std::string(changeKindName(ChangeKind::Growing)) == "growing");
    CHECK(std::string(changeKindName(ChangeKind::Steady)) == "steady");
    CHECK(std::string(changeKindName(ChangeKind::Shrinking)) == "shrinking");
    CHECK(std::string(changeKindName(ChangeKind::Absent)) == "absent");
}

TEST_CASE("digestMonths: months with a digest, sorted and unique, gaps left out") {
    const Corpus& c = gapCorpus().corpus;
    std::vector<MonthNumber> months = digestMonths(c);
    REQUIRE(months.size() == 4);
    CHECK(months[0] == month("2022-01"));
    CHECK(months[1] == month("2022-02"));
    CHECK(months[2] == month("2022-05"));
    CHECK(months[3] == month("2022-07"));  // two digests, one month

    std::vector<MonthNumber> seedMonths = digestMonths(seed().corpus);
    Ids seedText;
    for (MonthNumber m : seedMonths) seedText.push_back(formatMonth(m));
    CHECK(seedText == Ids{"2021-11", "2021-12", "2022-04", "2022-06", "2023-03"});

    Loaded empty = loadSynthetic({});
    CHECK(digestMonths(empty.corpus).empty());
}

TEST_CASE("topicLifecycles: new, fading, dormant, steady and rising on a corpus with gaps") {
    const Corpus& c = gapCorpus().corpus;
    auto lives = topicLifecycles(c);  // window 4 = every digest month
    REQUIRE(lives.size() == c.topics.size());
    for (TopicIndex t = 0; t < lives.size(); ++t) CHECK(lives[t].topic == t);
    CHECK(trends(c, lives) == Ids{"language-models:steady", "diffusion:fading", "rl:dormant", "vision:new", "general:rising"});

    SUBCASE("language models: equal shares everywhere -> steady; the peak is the first of equal shares") {
        const TopicLifecycle& l = lives[kLm];
        CHECK(l.total == 8);  // jul-language-models-1 appears in both July digests: one paper
        CHECK(monthText(l.firstMonth) == "2022-01");
        CHECK(monthText(l.latestMonth) == "2022-07");
        CHECK(monthText(l.peakMonth) == "2022-01");
        CHECK(l.peakCount == 2);
        CHECK(l.earlierShare == doctest::Approx(0.2));
        CHECK(l.recentShare == doctest::Approx(0.2));
    }
    SUBCASE("diffusion: the share halves -> fading") {
        const TopicLifecycle& l = lives[kDiffusion];
        CHECK(l.total == 11);  // jan-diffusion-1 recurs in February
        CHECK(monthText(l.firstMonth) == "2022-01");
        CHECK(monthText(l.latestMonth) == "2022-07");
        CHECK(monthText(l.peakMonth) == "2022-01");
        CHECK(l.peakCount == 4);
        CHECK(l.earlierShare == doctest::Approx(0.4));
        CHECK(l.recentShare == doctest::Approx(0.2));
    }
    SUBCASE("rl: absent from the newer half -> dormant") {
        const TopicLifecycle& l = lives[kRl];
        CHECK(l.total == 4);
        CHECK(monthText(l.firstMonth) == "2022-01");
        CHECK(monthText(l.latestMonth) == "2022-02");
        CHECK(l.recentShare == 0);
        CHECK(l.earlierShare == doctest::Approx(0.2));
    }
    SUBCASE("vision: only in the last digest month -> new") {
        const TopicLifecycle& l = lives[kVision];
        CHECK(l.total == 2);
        CHECK(monthText(l.firstMonth) == "2022-07");
        CHECK(monthText(l.peakMonth) == "2022-07");
        CHECK(monthText(l.latestMonth) == "2022-07");
        CHECK(l.peakCount == 2);
        CHECK(l.earlierShare == 0);
        CHECK(l.recentShare == doctest::Approx(0.1));  // 0 in May, 0.2 in July
    }
    SUBCASE("general: 0.2 -> 0.5 of the papers -> rising; the peak is May's 6 of 10") {
        const TopicLifecycle& l = lives[kGeneral];
        CHECK(l.total == 14);
        CHECK(monthText(l.peakMonth) == "2022-05");
        CHECK(l.peakCount == 6);
        CHECK(l.earlierShare == doctest::Approx(0.2));
        CHECK(l.recentShare == doctest::Approx(0.5));
    }
}

TEST_CASE("topicLifecycles: the window picks which digest months are judged") {
    const Corpus& c = gapCorpus().corpus;
    // Window 2: 2022-05 vs 2022-07. Diffusion holds 0.2, general falls 0.6 -> 0.4, vision is still new.
    CHECK(trends(c, topicLifecycles(c, 2)) ==
          Ids{"language-models:steady", "diffusion:steady", "rl:dormant", "vision:new", "general:fading"});
    // Windows below 2 act as 2, windows beyond the corpus as the whole corpus.
    CHECK(trends(c, topicLifecycles(c, 0)) == trends(c, topicLifecycles(c, 2)));
    CHECK(trends(c, topicLifecycles(c, 1)) == trends(c, topicLifecycles(c, 2)));
    CHECK(trends(c, topicLifecycles(c, 99)) == trends(c, topicLifecycles(c, 4)));
    // Window 3: 2022-02 | 2022-05, 2022-07 (the newer half gets the middle month).
    auto three = topicLifecycles(c, 3);
    CHECK(three[kDiffusion].earlierShare == doctest::Approx(0.4));
    CHECK(three[kDiffusion].recentShare == doctest::Approx(0.2));
    CHECK(three[kGeneral].recentShare == doctest::Approx(0.5));
    CHECK(trends(c, three) == Ids{"language-models:steady", "diffusion:fading", "rl:dormant", "vision:new", "general:rising"});
    // Totals, first, peak and latest do not depend on the window.
    for (size_t w : {2, 3, 4}) {
        auto lives = topicLifecycles(c, w);
        auto base = topicLifecycles(c, 4);
        for (TopicIndex t = 0; t < lives.size(); ++t) {
            CHECK(lives[t].total == base[t].total);
            CHECK(lives[t].firstMonth == base[t].firstMonth);
            CHECK(lives[t].peakMonth == base[t].peakMonth);
            CHECK(lives[t].peakCount == base[t].peakCount);
            CHECK(lives[t].latestMonth == base[t].latestMonth);
        }
    }
}

TEST_CASE("topicLifecycles: shares, not counts, decide (a 37-paper month next to a 10-paper month)") {
    const Corpus& c = unevenCorpus().corpus;
    auto lives = topicLifecycles(c, 2);
    // vision gains a paper (3 -> 4) yet fades: 0.30 -> 0.11 of its month.
    CHECK(lives[kVision].trend == Trend::Fading);
    CHECK(lives[kVision].earlierShare == doctest::Approx(0.3));
    CHECK(lives[kVision].recentShare == doctest::Approx(4.0 / 37));
    // Its peak is the month with the larger share, not the larger count.
    CHECK(monthText(lives[kVision].peakMonth) == "2022-03");
    CHECK(lives[kVision].peakCount == 3);
    // lm quadruples its count (2 -> 8) but its share barely moves: steady.
    CHECK(lives[kLm].trend == Trend::Steady);
    CHECK(lives[kLm].recentShare == doctest::Approx(8.0 / 37));
    CHECK(monthText(lives[kLm].peakMonth) == "2022-04");
    CHECK(lives[kLm].peakCount == 8);
    CHECK(lives[kRl].trend == Trend::Rising);
    CHECK(lives[kGeneral].trend == Trend::Steady);
    // diffusion never appears: no months, no papers, dormant.
    CHECK(lives[kDiffusion].total == 0);
    CHECK(lives[kDiffusion].firstMonth == -1);
    CHECK(lives[kDiffusion].peakMonth == -1);
    CHECK(lives[kDiffusion].latestMonth == -1);
    CHECK(lives[kDiffusion].peakCount == 0);
    CHECK(lives[kDiffusion].trend == Trend::Dormant);
}

TEST_CASE("topicLifecycles: a single digest makes every topic it has new; an empty corpus has no months") {
    Loaded one = loadSynthetic({digestJson("2022-09-only", "2022-09", concat({batch("sep", "rl", 2), batch("sep", "vision", 1)}))});
    REQUIRE_MESSAGE(one.diagnostics.empty(), dump(one.diagnostics));
    auto lives = topicLifecycles(one.corpus);
    REQUIRE(lives.size() == 5);
    CHECK(lives[kRl].trend == Trend::New);
    CHECK(lives[kVision].trend == Trend::New);
    CHECK(lives[kRl].recentShare == doctest::Approx(2.0 / 3));
    CHECK(lives[kLm].trend == Trend::Dormant);
    CHECK(lives[kLm].firstMonth == -1);

    Loaded empty = loadSynthetic({});
    auto none = topicLifecycles(empty.corpus);
    REQUIRE(none.size() == 5);
    for (const TopicLifecycle& l : none) {
        CHECK(l.total == 0);
        CHECK(l.firstMonth == -1);
        CHECK(l.trend == Trend::Dormant);
    }
}

TEST_CASE("topicLifecycles on the seed corpus") {
    const Corpus& c = seed().corpus;
    auto lives = topicLifecycles(c);
    REQUIRE(lives.size() == c.topics.size());
    auto life = [&](const std::string& id) { return lives[seedTopic(id)]; };

    // Totals are distinct papers: the retrieval paper listed twice in the 2021-12 digest counts once.
    CHECK(life("language-models").total == 13);
    CHECK(life("retrieval").total == 4);
    CHECK(life("graphs").total == 2);
    uint32_t sum = 0;
    for (const TopicLifecycle& l : lives) sum += l.total;
    uint32_t expected = 0;
    for (const Paper& p : c.papers) expected += __builtin_popcountll(p.topics);
    CHECK(sum == expected);

    // Peak by share: vision's 9 papers of 36 in 2021-12; language models' 6 of 10 in 2023-03.
    CHECK(monthText(life("vision").peakMonth) == "2021-12");
    CHECK(life("vision").peakCount == 9);
    CHECK(monthText(life("language-models").peakMonth) == "2023-03");
    CHECK(life("language-models").peakCount == 6);
    CHECK(monthText(life("graphs").firstMonth) == "2022-04");
    CHECK(monthText(life("graphs").latestMonth) == "2022-06");
    CHECK(monthText(life("science").latestMonth) == "2021-12");

    // Window 4 = 2021-12, 2022-04 | 2022-06, 2023-03.
    CHECK(life("language-models").trend == Trend::Rising);
    CHECK(life("vision").trend == Trend::Fading);
    CHECK(life("nlp-tasks").trend == Trend::Fading);
    CHECK(life("science").trend == Trend::Dormant);
    CHECK(life("robustness").trend == Trend::Dormant);
    CHECK(life("scaling-pretraining").trend == Trend::Steady);
    CHECK(life("graphs").trend == Trend::Steady);
    // With all 5 digest months, graphs (first seen 2022-04, in the newer half) is new.
    CHECK(topicLifecycles(c, 5)[seedTopic("graphs")].trend == Trend::New);
    for (const TopicLifecycle& l : lives) CHECK_MESSAGE(l.total > 0, c.topics[l.topic].id);
}

TEST_CASE("compareWithPreviousDigest compares with the previous digest month, not the previous calendar month") {
    const Corpus& c = gapCorpus().corpus;

    SUBCASE("2022-05 against 2022-02 (no digest in 2022-03 or 2022-04)") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-05"));
        CHECK(monthText(ch.month) == "2022-05");
        CHECK(monthText(ch.previousMonth) == "2022-02");
        CHECK(ch.papers == 10);
        CHECK(ch.previousPapers == 10);
        // new, growing, steady, shrinking, absent; vision is in neither month and not listed.
        CHECK(changeSummary(c, ch) ==
              Ids{"general:growing:2->6", "language-models:steady:2->2", "diffusion:shrinking:4->2", "rl:absent:2->0"});
        // An absent topic lists last month's papers, the others this month's.
        CHECK(sorted(paperIds(c, changeOf(ch, kRl)->papers)) == Ids{"feb-rl-1", "feb-rl-2"});
        CHECK(sorted(paperIds(c, changeOf(ch, kDiffusion)->papers)) == Ids{"may-diffusion-1", "may-diffusion-2"});
        CHECK(changeOf(ch, kVision) == nullptr);
    }
    SUBCASE("2022-07 (two digests, one month) against 2022-05") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-07"));
        CHECK(monthText(ch.previousMonth) == "2022-05");
        CHECK(ch.papers == 10);  // 11 entries, one paper in both July digests
        CHECK(changeSummary(c, ch) ==
              Ids{"vision:new:0->2", "language-models:steady:2->2", "diffusion:steady:2->2", "general:shrinking:6->4"});
        CHECK(sorted(paperIds(c, changeOf(ch, kVision)->papers)) == Ids{"jul-vision-1", "jul-vision-2"});
        CHECK(sorted(paperIds(c, changeOf(ch, kLm)->papers)) == Ids{"jul-language-models-1", "jul-language-models-2"});
    }
    SUBCASE("the first digest month: everything is new, largest first") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-01"));
        CHECK(monthText(ch.month) == "2022-01");
        CHECK(ch.previousMonth == -1);
        CHECK(ch.previousPapers == 0);
        CHECK(changeSummary(c, ch) ==
              Ids{"diffusion:new:0->4", "language-models:new:0->2", "rl:new:0->2", "general:new:0->2"});
    }
    SUBCASE("a month without a digest gives an empty change") {
        for (const char* m : {"2022-03", "2022-06", "2021-12", "2023-01"}) {
            MonthChange ch = compareWithPreviousDigest(c, month(m));
            CHECK(ch.month == -1);
            CHECK(ch.previousMonth == -1);
            CHECK(ch.papers == 0);
            CHECK(ch.topics.empty());
        }
    }
}

TEST_CASE("compareWithPreviousDigest judges shares, not counts") {
    const Corpus& c = unevenCorpus().corpus;
    MonthChange ch = compareWithPreviousDigest(c, month("2022-04"));
    CHECK(monthText(ch.previousMonth) == "2022-03");
    CHECK(ch.papers == 37);
    CHECK(ch.previousPapers == 10);
    CHECK(changeSummary(c, ch) ==
          Ids{"rl:growing:1->10", "general:steady:4->15", "language-models:steady:2->8", "vision:shrinking:3->4"});
}

TEST_CASE("compareWithPreviousDigest on the seed corpus") {
    const Corpus& c = seed().corpus;
    SUBCASE("2022-06 vs 2022-04: retrieval and prompting-instruction are new") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-06"));
        CHECK(monthText(ch.previousMonth) == "2022-04");
        CHECK(ch.papers == 10);
        CHECK(ch.previousPapers == 10);
        Ids fresh, gone;
        for (const TopicChange& t : ch.topics) {
            if (t.kind == ChangeKind::New) fresh.push_back(c.topics[t.topic].id);
            if (t.kind == ChangeKind::Absent) gone.push_back(c.topics[t.topic].id);
        }
        CHECK(sorted(fresh) == Ids{"prompting-instruction", "retrieval"});
        CHECK(sorted(gone) == Ids{"general", "robotics-embodied", "robustness", "safety-ethics"});
        const TopicChange* retrieval = changeOf(ch, seedTopic("retrieval"));
        REQUIRE(retrieval);
        CHECK(paperIds(c, retrieval->papers) == Ids{"arxiv:2205.01230"});
        const TopicChange* prompting = changeOf(ch, seedTopic("prompting-instruction"));
        REQUIRE(prompting);
        CHECK(paperIds(c, prompting->papers) == Ids{"arxiv:2205.11916"});
        const TopicChange* lm = changeOf(ch, seedTopic("language-models"));
        REQUIRE(lm);
        CHECK(lm->kind == ChangeKind::Growing);
        CHECK(lm->previous == 1);
        CHECK(lm->current == 2);
        // Kinds come in order: new, growing, steady, shrinking, absent.
        for (size_t i = 1; i < ch.topics.size(); ++i) CHECK(ch.topics[i - 1].kind <= ch.topics[i].kind);
    }
    SUBCASE("2022-04 vs 2021-12: a 36-paper month before a 10-paper one") {
        MonthChange ch = compareWithPreviousDigest(c, month("2022-04"));
        CHECK(monthText(ch.previousMonth) == "2021-12");
        CHECK(ch.previousPapers == 36);  // 37 entries, the retrieval paper twice
        const TopicChange* vision = changeOf(ch, seedTopic("vision"));
        REQUIRE(vision);
        CHECK(vision->kind == ChangeKind::Shrinking);  // 9/36 -> 1/10
        const TopicChange* cm = changeOf(ch, seedTopic("continual-meta"));
        REQUIRE(cm);
        CHECK(cm->kind == ChangeKind::Growing);  // 5 -> 2 papers, yet 0.14 -> 0.2 of the month
        CHECK(cm->previous == 5);
        CHECK(cm->current == 2);
    }
    SUBCASE("2021-11, the first digest: no previous month") {
        MonthChange ch = compareWithPreviousDigest(c, month("2021-11"));
        CHECK(ch.previousMonth == -1);
        for (const TopicChange& t : ch.topics) CHECK(t.kind == ChangeKind::New);
    }
}

TEST_CASE("linkNews: papers by arXiv id or full title, topics by clear keyword hits") {
    ojson d1 = digestJson("2022-01-news", "2022-01",
                          {paperJson("arxiv:2201.00001", "Denoising Diffusion Probabilistic Fields", {"Ann Author"}, {"diffusion"}),
                           paperJson("gato", "Gato", {"Bob Builder"}, {"rl"}),
                           paperJson("rewarding-vision-agents", "Rewarding Vision Agents", {"Cy Coder"}, {"rl", "vision"})});
    d1["news"] = ojson::array({
        {{"text", "新论文 2201.00001 值得一读。"}},                                                  // arXiv id
        {{"text", "We read DENOISING diffusion probabilistic fields today."}},                     // title, any case
        {{"text", "Gato 又来了。"}},                                                                // title too short
        {{"text", "一篇新论文"}, {"links", ojson::array({{{"label", "arXiv"}, {"url", "https://arxiv.org/abs/2201.00001"}}})}},
        {{"text", "machine learning, machine learning, machine learning"}},                       // "general" never counts
        {{"text", "An image."}},                                                                   // one hit: not clear
        {{"text", "强化学习 and reward; rewarding vision agents and vision"}},
    });
    ojson d2 = digestJson("2022-02-news", "2022-02", {paperJson("other", "Some Other Paper Title", {"Dee Dee"}, {"vision"})});
    d2["news"] = ojson::array({{{"text", "Denoising Diffusion Probabilistic Fields, again, and 2201.00001"}}});
    Loaded l = loadSynthetic({d2, d1});
    REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
    const Corpus& c = l.corpus;
    REQUIRE(c.digests[0].id == "2022-01-news");

    auto links = linkNews(c, SearchIndex(c));
    REQUIRE(links.size() == 8);
    for (size_t i = 0; i < 7; ++i) {
        CHECK(links[i].digest == 0);
        CHECK(links[i].item == i);
    }
    CHECK(links[7].digest == 1);
    CHECK(links[7].item == 0);

    const Ids arxiv{"arxiv:2201.00001"};
    CHECK(paperIds(c, links[0].papers) == arxiv);
    CHECK(paperIds(c, links[1].papers) == arxiv);
    CHECK(topicIds(c, links[1].topics) == Ids{"diffusion"});  // "denoising" + "diffusion"
    CHECK(links[2].papers.empty());
    CHECK(paperIds(c, links[3].papers) == arxiv);             // through the link's URL
    CHECK(links[4].papers.empty());
    CHECK(links[4].topics == 0);
    CHECK(links[5].topics == 0);
    CHECK(paperIds(c, links[6].papers) == Ids{"rewarding-vision-agents"});
    CHECK(topicIds(c, links[6].topics) == Ids{"rl", "vision"});
    CHECK(paperIds(c, links[7].papers) == arxiv);  // title and id both: listed once
}

TEST_CASE("linkNews on the seed corpus: no news item names a paper; four point to a topic") {
    const Corpus& c = seed().corpus;
    auto links = linkNews(c, SearchIndex(c));
    // 6 news items in 2021-11, 3 in 2022-06, none elsewhere.
    REQUIRE(links.size() == 9);
    Ids got;
    for (const NewsLink& l : links) {
        CHECK(l.item < c.digests[l.digest].news.size());
        CHECK_MESSAGE(l.papers.empty(), c.digests[l.digest].id << " #" << l.item);
        std::string topics;
        for (const std::string& t : topicIds(c, l.topics)) topics += (topics.empty() ? "" : ",") + t;
        got.push_back(c.digests[l.digest].id + "#" + std::to_string(l.item) + ":" + topics);
    }
    CHECK(got == Ids{
                     "2021-11-deephub-ten-papers#0:",
                     "2021-11-deephub-ten-papers#1:reinforcement-learning",  // MuJoCo, twice
                     "2021-11-deephub-ten-papers#2:scaling-pretraining",  // a 530B-parameter model: 万亿 twice, 规模
                     "2021-11-deephub-ten-papers#3:",  // the State of AI report (www.stateof.ai)
                     "2021-11-deephub-ten-papers#4:vision",  // Scenic: 计算机视觉, Vision Transformer
                     "2021-11-deephub-ten-papers#5:",
                     "2022-06-zeta-alpha-trends#0:speech-audio",  // Neutone: 音频
                     "2022-06-zeta-alpha-trends#1:",
                     "2022-06-zeta-alpha-trends#2:",
                 });
    // The stateof.ai item: its link is there, and it still names no paper.
    const Digest& d = c.digests[links[3].digest];
    REQUIRE(d.news[3].links.size() == 1);
    CHECK(d.news[3].links[0].url == "https://www.stateof.ai");
}

TEST_CASE("linkNews: a digest's Chinese title names its paper; titles read from the index match titles folded anew") {
    ojson d1 = digestJson("2022-03-zh", "2022-03",
                          {paperJson("arxiv:2203.00002", "Scaling Laws For Sparse Mixture Models", {"Ann Author"}, {"language-models"},
                                     {{"title_zh", "稀疏混合专家模型的规模定律研究"}}),
                           paperJson("two-spaces", "  Tabs\tand   Spaces In   A Long Title ", {"Bob Builder"}, {"rl"}),
                           paperJson("short-zh", "Another Rather Long English Title", {"Cy Coder"}, {"vision"},
                                     {{"title_zh", "短标题"}})});
    d1["news"] = ojson::array({
        {{"text", "本月最受关注：稀疏混合专家模型的规模定律研究，值得细读。"}},  // the Chinese title (14 code points)
        {{"text", "tabs and spaces in a long title, folded"}},                     // the title's spacing folded
        {{"text", "短标题 too short to count"}},
    });
    Loaded l = loadSynthetic({d1});
    REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
    const Corpus& c = l.corpus;
    const SearchIndex index(c);
    for (PaperIndex p = 0; p < c.papers.size(); ++p) {  // the index's zone starts with the title as folding writes it
        std::string_view zone = index.foldedTitles(p);
        CHECK(zone.substr(0, zone.find(" \x1f")) == foldForSearch(c.papers[p].title));
    }
    auto links = linkNews(c, index);
    REQUIRE(links.size() == 3);
    CHECK(paperIds(c, links[0].papers) == Ids{"arxiv:2203.00002"});
    CHECK(paperIds(c, links[1].papers) == Ids{"two-spaces"});
    CHECK(links[2].papers.empty());
    // Without a usable index (another corpus's, here an empty one) every title is folded here: the same links.
    auto folded = linkNews(c, SearchIndex{});
    REQUIRE(folded.size() == links.size());
    for (size_t i = 0; i < links.size(); ++i) CHECK(folded[i].papers == links[i].papers);
}

TEST_CASE("linkNews on the seed corpus: the index's titles and titles folded anew give the same links") {
    const Corpus& c = seed().corpus;
    const SearchIndex index(c);
    for (PaperIndex p = 0; p < c.papers.size(); ++p) {
        std::string_view zone = index.foldedTitles(p);
        CHECK(zone.substr(0, zone.find(" \x1f")) == foldForSearch(c.papers[p].title));
    }
    auto fromIndex = linkNews(c, index), foldedAnew = linkNews(c, SearchIndex{});
    REQUIRE(fromIndex.size() == foldedAnew.size());
    for (size_t i = 0; i < fromIndex.size(); ++i) {
        CHECK(fromIndex[i].papers == foldedAnew[i].papers);
        CHECK(fromIndex[i].topics == foldedAnew[i].topics);
    }
}
