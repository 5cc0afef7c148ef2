// Full-text search (core/search_index.h): query parsing, Chinese substrings, English word prefixes,
// folding, AND / phrases / exclusion, authors and ids, relevance - on a synthetic corpus and on the seed.
#include <algorithm>
#include <string>
#include <vector>

#include "core/paper_filter.h"
#include "core/search_index.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

// A corpus whose every answer is known.
const Loaded& searchCorpus() {
    static const Loaded loaded = [] {
        ojson d1 = digestJson("2022-01-a", "2022-01",
                              {paperJson("ddpm", "Denoising Diffusion Probabilistic Models", {"Jonathan Ho", "Ajay Jain"}, {"diffusion"},
                                         {{"summary", "一种扩散模型,通过逐步去噪生成图像。"}}),
                               paperJson("score", "Score-Based Generative Modeling", {"Yang Song"}, {"diffusion"},
                                         {{"summary", "基于分数的扩散模型生成图像。"}}),
                               paperJson("world-models", "World Models", {"David Ha", "Jürgen Schmidhuber"}, {"rl"},
                                         {{"summary", "An agent learns a world model and dreams."}}),
                               paperJson("deep-rl", "Deep RL at Scale", {"Ann Rl-Expert"}, {"rl"}, {{"summary", "强化学习的规模化。"}}),
                               paperJson("gpt3", "Language Models are Few-Shot Learners", {"Tom B. Brown"}, {"language-models"},
                                         {{"summary", "GPT-3 是一个大模型。"}})});
        ojson d2 = digestJson("2022-03-b", "2022-03",
                              {paperJson("arxiv:2205.06175", "A Generalist Agent", {"Scott Reed", "Konrad Żołna"}, {"rl"},
                                         {{"summary", "Diffusion is not used here; diffusion-free agent."}, {"title_zh", "通用智能体"}}),
                               paperJson("scaling-llm", "Scaling Large Language Models", {"Jane Doe"}, {"language-models"}),
                               paperJson("large-models", "Large Models", {"John Roe"}, {"language-models"},
                                         {{"summary", "Large models of language are big."}}),
                               paperJson("ddpm", "Denoising Diffusion Probabilistic Models", {"Jonathan Ho"}, {"diffusion"},
                                         {{"why", "经典论文"}})});
        return loadSynthetic({d1, d2});
    }();
    return loaded;
}

const SearchIndex& searchIndex() {
    static const SearchIndex index(searchCorpus().corpus);
    return index;
}

// Ids of the papers matching `query`, sorted.
std::vector<std::string> find(const std::string& query) {
    return sorted(paperIds(searchCorpus().corpus, searchIndex().match(parseSearchQuery(query))));
}

std::vector<std::string> ranked(const Corpus& c, const SearchIndex& index, const std::string& query) {
    SearchQuery q = parseSearchQuery(query);
    std::vector<PaperIndex> papers = index.match(q);
    sortPapers(c, index, q, SortOrder::Relevance, papers);
    return paperIds(c, papers);
}

const SearchIndex& seedIndex() {
    static const SearchIndex index(seed().corpus);
    return index;
}

std::vector<std::string> findSeed(const std::string& query) {
    return sorted(paperIds(seed().corpus, seedIndex().match(parseSearchQuery(query))));
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_SUITE("search") {

TEST_CASE("parseSearchQuery: terms, quoted phrases, exclusions, folding") {
    SearchQuery q = parseSearchQuery("  Diffusion  扩散 \"Large   Language\" -agent -\"world model\" ");
    CHECK(q.include == std::vector<std::string>{"diffusion", "扩散", "large language"});
    CHECK(q.exclude == std::vector<std::string>{"agent", "world model"});
    CHECK_FALSE(q.empty());
    CHECK(parseSearchQuery("").empty());
    CHECK(parseSearchQuery("   \t ").empty());
    CHECK(parseSearchQuery("\"\"").empty());
    CHECK(parseSearchQuery("ＧＰＴ－３").include == std::vector<std::string>{"gpt-3"});
    CHECK(parseSearchQuery("Żołna").include == std::vector<std::string>{"zolna"});
    // An unterminated quote runs to the end; a lone '-' is a term, not an exclusion.
    CHECK(parseSearchQuery("\"large lang").include == std::vector<std::string>{"large lang"});
    CHECK(parseSearchQuery("a - b").include == std::vector<std::string>{"a", "-", "b"});
    CHECK(parseSearchQuery("pre-training").include == std::vector<std::string>{"pre-training"});
    // Full-width quotes fold to ASCII quotes.
    CHECK(parseSearchQuery("＂world model＂").include == std::vector<std::string>{"world model"});
}

TEST_CASE("an empty query matches every paper") {
    CHECK(find("").size() == 8);
    CHECK(searchIndex().paperCount() == 8);
    CHECK(searchIndex().memoryBytes() > 0);
}

TEST_CASE("Chinese: exact substring anywhere, including papers whose only Chinese text is the summary") {
    CHECK(find("扩散") == Ids{"ddpm", "score"});
    CHECK(find("扩散模型") == Ids{"ddpm", "score"});
    CHECK(find("散模") == Ids{"ddpm", "score"});    // across the word 扩散|模型
    CHECK(find("扩") == Ids{"ddpm", "score"});      // a single character
    CHECK(find("模型扩散").empty());                  // all bigrams occur, but not in this order
    CHECK(find("强化学习") == Ids{"deep-rl"});
    CHECK(find("去噪") == Ids{"ddpm"});
    CHECK(find("通用智能体") == Ids{"arxiv:2205.06175"});  // title_zh
    CHECK(find("经典论文") == Ids{"ddpm"});                // the "why" of the second appearance
    CHECK(find("大模型") == Ids{"gpt3"});
    CHECK(find("不存在的词").empty());
}

TEST_CASE("English: a term matches at the start of a word (prefix), never inside one") {
    CHECK(find("diffusion") == Ids{"arxiv:2205.06175", "ddpm"});
    CHECK(find("diffus") == Ids{"arxiv:2205.06175", "ddpm"});
    CHECK(find("iffusion").empty());
    CHECK(find("rl") == Ids{"deep-rl"});            // "world" does not count
    CHECK(find("orld").empty());
    CHECK(find("world") == Ids{"world-models"});
    CHECK(find("model") == Ids{"ddpm", "gpt3", "large-models", "scaling-llm", "score", "world-models"});  // "Modeling" too
    CHECK(find("models") == Ids{"ddpm", "gpt3", "large-models", "scaling-llm", "world-models"});
    CHECK(find("gpt-3") == Ids{"gpt3"});
    CHECK(find("gpt") == Ids{"gpt3"});
    CHECK(find("pt-3").empty());
    CHECK(find("few-shot") == Ids{"gpt3"});
    CHECK(find("shot") == Ids{"gpt3"});             // "-" separates words
    CHECK(find("zzz").empty());
}

TEST_CASE("matching is case-, width- and accent-insensitive") {
    CHECK(find("ＤＩＦＦＵＳＩＯＮ") == find("diffusion"));
    CHECK(find("DIFFUSION") == find("diffusion"));
    CHECK(find("Diffusion") == find("diffusion"));
    CHECK(find("ｗｏｒｌｄ") == Ids{"world-models"});
    CHECK(find("schmidhuber") == Ids{"world-models"});
    CHECK(find("jurgen") == Ids{"world-models"});
    CHECK(find("JÜRGEN") == Ids{"world-models"});
}

TEST_CASE("several terms must all match (AND)") {
    CHECK(find("diffusion 扩散") == Ids{"ddpm"});
    CHECK(find("diffusion agent") == Ids{"arxiv:2205.06175"});
    CHECK(find("large language") == Ids{"large-models", "scaling-llm"});
    CHECK(find("world 扩散").empty());
    CHECK(find("models 图像") == Ids{"ddpm"});  // "Modeling" does not start with "models"
}

TEST_CASE("a quoted phrase must occur as written") {
    CHECK(find("\"large language\"") == Ids{"scaling-llm"});
    CHECK(find("\"language models\"") == Ids{"gpt3", "scaling-llm"});
    CHECK(find("\"models language\"").empty());
    CHECK(find("\"world model\"") == Ids{"world-models"});
    CHECK(find("\"gpt-3 是一个\"") == Ids{"gpt3"});
    CHECK(find("\"arge language\"").empty());
}

TEST_CASE("-term excludes papers that match it") {
    CHECK(find("diffusion -agent") == Ids{"ddpm"});
    CHECK(find("-扩散").size() == 6);
    CHECK(find("扩散 -去噪") == Ids{"score"});
    CHECK(find("models -\"large language\"") == Ids{"ddpm", "gpt3", "large-models", "world-models"});
    CHECK(find("-rl") == Ids{"arxiv:2205.06175", "ddpm", "gpt3", "large-models", "scaling-llm", "score", "world-models"});
}

TEST_CASE("authors and ids are searchable") {
    CHECK(find("zolna") == Ids{"arxiv:2205.06175"});
    CHECK(find("Żołna") == Ids{"arxiv:2205.06175"});
    CHECK(find("konrad") == Ids{"arxiv:2205.06175"});
    CHECK(find("\"scott reed\"") == Ids{"arxiv:2205.06175"});
    CHECK(find("brown") == Ids{"gpt3"});
    CHECK(find("ho") == Ids{"ddpm"});
    CHECK(find("2205.06175") == Ids{"arxiv:2205.06175"});
    CHECK(find("arxiv:2205.06175") == Ids{"arxiv:2205.06175"});
    CHECK(find("2205") == Ids{"arxiv:2205.06175"});
    CHECK(find("06175") == Ids{"arxiv:2205.06175"});
    CHECK(find("ddpm") == Ids{"ddpm"});
    CHECK(find("arxiv:2205.06176").empty());
}

TEST_CASE("punctuation-only terms are verified against every paper") {
    CHECK(find(",") == Ids{"ddpm"});
    CHECK(find("!").empty());
    CHECK(find("。") == Ids{"ddpm", "deep-rl", "gpt3", "score"});
}

TEST_CASE("relevance: title hits outrank author/id hits, which outrank body hits") {
    const Corpus& c = searchCorpus().corpus;
    CHECK(ranked(c, searchIndex(), "diffusion") == Ids{"ddpm", "arxiv:2205.06175"});
    CHECK(ranked(c, searchIndex(), "agent") == Ids{"arxiv:2205.06175", "world-models"});
    SearchQuery q = parseSearchQuery("diffusion");
    const Paper* ddpm = c.findPaper("ddpm");
    const Paper* gato = c.findPaper("arxiv:2205.06175");
    REQUIRE(ddpm);
    REQUIRE(gato);
    double title = searchIndex().relevance(PaperIndex(ddpm - c.papers.data()), q);
    double body = searchIndex().relevance(PaperIndex(gato - c.papers.data()), q);
    CHECK(title >= 10);
    CHECK(body > 0);
    CHECK(body < 6);
    // An author hit scores between the two.
    const Paper* world = c.findPaper("world-models");
    REQUIRE(world);
    double author = searchIndex().relevance(PaperIndex(world - c.papers.data()), parseSearchQuery("schmidhuber"));
    CHECK(author >= 6);
    CHECK(author < 10);
    CHECK(searchIndex().relevance(PaperIndex(world - c.papers.data()), q) == 0);
}

TEST_CASE("matches() answers for one folded term") {
    const Corpus& c = searchCorpus().corpus;
    PaperIndex world = PaperIndex(c.findPaper("world-models") - c.papers.data());
    CHECK(searchIndex().matches(world, "world"));
    CHECK(searchIndex().matches(world, "dream"));
    CHECK_FALSE(searchIndex().matches(world, "rl"));
    CHECK_FALSE(searchIndex().matches(world, "orld"));
}

TEST_CASE("seed corpus: 扩散 finds the five diffusion papers, diffusion the three with the English word") {
    CHECK(findSeed("扩散") == Ids{"arxiv:2110.02037", "arxiv:2205.09991", "arxiv:2205.11487", "arxiv:2302.09778",
                                 "arxiv:2303.01469"});
    CHECK(findSeed("diffusion") == Ids{"arxiv:2110.02037", "arxiv:2205.09991", "arxiv:2205.11487"});
    CHECK(findSeed("diffus") == findSeed("diffusion"));
    CHECK(findSeed("ＤＩＦＦＵＳＩＯＮ") == findSeed("diffusion"));
    CHECK(findSeed("扩散 diffusion") == findSeed("diffusion"));
    CHECK(findSeed("扩散 -diffusion") == Ids{"arxiv:2302.09778", "arxiv:2303.01469"});
    // The paper whose Chinese title holds the term ranks first.
    CHECK(ranked(seed().corpus, seedIndex(), "扩散").front() == "arxiv:2205.09991");
}

TEST_CASE("seed corpus: word boundaries, authors, ids, phrases") {
    CHECK(findSeed("rl") == Ids{"arxiv:2110.12543", "arxiv:2112.09605", "arxiv:2205.06175", "arxiv:2205.09991", "arxiv:2302.09210",
                               "arxiv:2302.13971"});
    CHECK(findSeed("zolna") == Ids{"arxiv:2205.06175"});
    CHECK(findSeed("Żołna") == Ids{"arxiv:2205.06175"});
    CHECK(findSeed("2205.06175") == Ids{"arxiv:2205.06175"});
    CHECK(findSeed("arxiv:2302.13971") == Ids{"arxiv:2302.13971"});
    CHECK(findSeed("levine") == Ids{"arxiv:2110.12543", "arxiv:2112.04716", "arxiv:2112.05090", "arxiv:2112.09605",
                                   "arxiv:2205.09991", "arxiv:2303.03378"});
    CHECK(findSeed("强化学习") == Ids{"arxiv:2109.04504", "arxiv:2110.12543", "arxiv:2112.09605"});
    CHECK(findSeed("\"language model\"").size() == 9);
    CHECK(findSeed("gopher").size() >= 1);
    CHECK(ranked(seed().corpus, seedIndex(), "gopher").front() == "arxiv:2112.11446");
    CHECK(ranked(seed().corpus, seedIndex(), "llama").front() == "arxiv:2302.13971");
    CHECK(findSeed("").size() == 75);
}

}  // TEST_SUITE
