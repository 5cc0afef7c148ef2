// The bilingual glossary (core/glossary.h): parsing and positioned diagnostics, the bundled file, query
// expansion (quoted terms, exclusions, multi-word terms, prefix and substring semantics) and its matching.
#include <algorithm>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "core/glossary.h"
#include "core/paper_filter.h"
#include "core/reader_data.h"
#include "core/search_index.h"
#include "core/text.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

const char* kSmallGlossary = R"({
  "format": 1,
  "entries": [
    {"en": ["diffusion"], "zh": ["扩散"]},
    {"en": ["diffusion model"], "zh": ["扩散模型"]},
    {"en": ["continual learning", "lifelong learning"], "zh": ["持续学习", "连续学习"]},
    {"en": ["robot", "robotics"], "zh": ["机器人"]},
    {"en": ["reinforcement learning", "rl"], "zh": ["强化学习"]},
    {"en": ["large language model", "llm"], "zh": ["大模型", "大语言模型"]}
  ]
})";

Glossary smallGlossary() {
    std::vector<Diagnostic> diagnostics;
    Glossary g = parseGlossary("glossary.json", kSmallGlossary, diagnostics);
    REQUIRE_MESSAGE(diagnostics.empty(), dump(diagnostics));
    return g;
}

std::vector<Diagnostic> problems(const std::string& text) {
    std::vector<Diagnostic> diagnostics;
    parseGlossary("data/glossary.json", text, diagnostics);
    return diagnostics;
}

// A corpus where each paper says one thing in one language.
struct Fixture {
    Corpus corpus;
    SearchIndex index;
};

const Fixture& fixture() {
    static const Fixture f = [] {
        ojson d = digestJson(
            "2022-01-a", "2022-01",
            {paperJson("p1", "Denoising Diffusion Models", {"Ann A"}, {"diffusion"}),
             paperJson("p2", "Score Matching", {"Bob B"}, {"diffusion"}, {{"summary", "一种扩散模型,逐步去噪。"}}),
             paperJson("p3", "Learning Without Forgetting", {"Cat C"}, {"general"}, {{"summary", "持续学习的一种方法。"}}),
             paperJson("p4", "Continual Learning at Scale", {"Dan D"}, {"general"}),
             paperJson("p5", "Lifelong Learning Agents", {"Eve E"}, {"rl"}),
             paperJson("p6", "Continual Pretraining", {"Fay F"}, {"general"}, {{"summary", "Learning rates matter."}}),
             paperJson("p7", "Robotics Transformer", {"Gus G"}, {"rl"}),
             paperJson("p8", "RT-2", {"Hal H"}, {"rl"}, {{"summary", "机器人通过视觉语言模型行动。"}}),
             paperJson("p9", "Protein Folding", {"Ivy I"}, {"general"})});
        Loaded l = loadSynthetic({d});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        Fixture out;
        out.corpus = std::move(l.corpus);
        out.corpus.glossary = smallGlossary();
        out.index = SearchIndex(out.corpus);
        return out;
    }();
    return f;
}

std::vector<std::string> find(const std::string& query, bool expand = true) {
    const Fixture& f = fixture();
    SearchQuery q = expand ? expandSearchQuery(query, f.corpus.glossary) : parseSearchQuery(query);
    std::vector<std::string> ids;
    for (PaperIndex p : f.index.match(q)) ids.push_back(f.corpus.papers[p].id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

using Ids = std::vector<std::string>;

// Brute force: a paper matches when every group has an alternative whose terms all occur, and no excluded
// term or variant occurs.
bool bruteForceMatch(const SearchIndex& index, PaperIndex p, const SearchQuery& q) {
    std::vector<bool> covered(q.include.size(), false);
    for (const SearchQuery::Expansion& x : q.expansions) {
        if (x.excluded) {
            for (const std::string& v : x.variants)
                if (index.matches(p, v)) return false;
            continue;
        }
        bool all = true;
        for (size_t i = x.first; i < x.first + x.count; ++i) {
            all = all && index.matches(p, q.include[i]);
            covered[i] = true;
        }
        bool any = all || std::any_of(x.variants.begin(), x.variants.end(), [&](const std::string& v) { return index.matches(p, v); });
        if (!any) return false;
    }
    for (size_t i = 0; i < q.include.size(); ++i)
        if (!covered[i] && !index.matches(p, q.include[i])) return false;
    for (const std::string& t : q.exclude)
        if (index.matches(p, t)) return false;
    return true;
}

}  // namespace

TEST_SUITE("glossary") {

TEST_CASE("parseGlossary: entries, folding, look-up by any variant, plurals, multi-word length") {
    Glossary g = smallGlossary();
    REQUIRE(g.size() == 6);
    CHECK(g.entries()[2].en == std::vector<std::string>{"continual learning", "lifelong learning"});
    CHECK(g.lookup("continual learning") == std::vector<uint32_t>{2});
    CHECK(g.lookup("连续学习") == std::vector<uint32_t>{2});
    CHECK(g.lookup("diffusion models") == std::vector<uint32_t>{1});  // plural of a variant
    CHECK(g.lookup("llm") == std::vector<uint32_t>{5});
    CHECK(g.lookup("continual").empty());
    CHECK(g.maxWords() == 3);
    std::vector<Diagnostic> d;
    Glossary upper = parseGlossary("g.json", R"({"format": 1, "entries": [{"en": ["LLM", "Ｌａｒｇｅ Model"], "zh": ["大模型"]}]})", d);
    CHECK(d.empty());
    CHECK(upper.lookup("llm") == std::vector<uint32_t>{0});
    CHECK(upper.lookup("large model") == std::vector<uint32_t>{0});
    CHECK(upper.entries()[0].en[0] == "LLM");  // kept as written for display
}

TEST_CASE("parseGlossary: bad files give positioned diagnostics and keep the good entries") {
    SUBCASE("not JSON") {
        auto d = problems("{\n  \"format\": 1,\n  \"entries\": [\n");
        REQUIRE(d.size() == 1);
        CHECK(d[0].file == "data/glossary.json");
        CHECK(d[0].severity == Severity::Error);
        CHECK(d[0].line == 4);
    }
    SUBCASE("entries not an array") {
        auto d = problems("{\"format\": 1, \"entries\": {}}");
        REQUIRE(d.size() == 1);
        CHECK(d[0].pointer == "/entries");
        CHECK(d[0].column == 26);
    }
    SUBCASE("missing format and an unsupported one") {
        CHECK(problems("{\"entries\": []}").at(0).message.find("format") != std::string::npos);
        auto d = problems("{\"format\": 2, \"entries\": []}");
        REQUIRE(d.size() == 1);
        CHECK(d[0].pointer == "/format");
        CHECK(contains(d[0].message, "unsupported format 2"));
    }
    SUBCASE("a Latin term under zh, a Chinese term under en, an empty list, a missing list") {
        std::vector<Diagnostic> d;
        Glossary g = parseGlossary("data/glossary.json", R"({
  "format": 1,
  "entries": [
    {"en": ["diffusion"], "zh": ["diffusion"]},
    {"en": ["扩散"], "zh": ["扩散"]},
    {"en": [], "zh": ["扩散"]},
    {"en": ["retrieval"]},
    {"en": ["robot"], "zh": ["机器人"], "typo": 1},
    {"en": ["agent", "agent"], "zh": ["智能体"]}
  ]
})", d);
        std::vector<std::string> lines = formatted(d);
        INFO(dump(d));
        CHECK(countErrors(d) == 4);
        CHECK(countWarnings(d) == 2);  // the unknown member and the duplicate variant
        auto at = [&](const std::string& pointer) {
            return std::find_if(d.begin(), d.end(), [&](const Diagnostic& x) { return x.pointer == pointer; });
        };
        REQUIRE(at("/entries/0/zh/0") != d.end());
        CHECK(at("/entries/0/zh/0")->line == 4);
        CHECK(at("/entries/0/zh/0")->column == 34);
        CHECK(contains(at("/entries/0/zh/0")->message, "expected a Chinese term"));
        REQUIRE(at("/entries/1/en/0") != d.end());
        CHECK(at("/entries/1/en/0")->line == 5);
        REQUIRE(at("/entries/2/en") != d.end());
        CHECK(contains(at("/entries/2/en")->message, "at least one variant"));
        REQUIRE(at("/entries/3") != d.end());
        CHECK(contains(at("/entries/3")->message, "zh"));
        REQUIRE(at("/entries/4/typo") != d.end());
        CHECK(at("/entries/4/typo")->severity == Severity::Warning);
        REQUIRE(at("/entries/5/en/1") != d.end());
        // The good entries stay: robot (despite the typo) and agent (once).
        REQUIRE(g.size() == 2);
        CHECK(g.entries()[1].en == std::vector<std::string>{"agent"});
    }
}

TEST_CASE("the bundled glossary: valid, several hundred entries, loaded with the seed corpus") {
    const SeedCorpus& s = seed();
    CHECK_MESSAGE(s.diagnostics.empty(), dump(s.diagnostics));
    CHECK(s.corpus.glossary.size() >= 300);
    for (const char* term : {"扩散", "diffusion", "持续学习", "continual learning", "lifelong learning", "机器人", "robot",
                             "强化学习", "reinforcement learning", "大模型", "llm", "检索", "retrieval"})
        CHECK_MESSAGE(!s.corpus.glossary.lookup(foldForSearch(term)).empty(), term);
    // Without the file: no glossary, and no error.
    std::vector<Diagnostic> d;
    CorpusInput input = splitCorpusFiles({{"data/topics.json", readText(dataDir() + "/topics.json")}});
    CHECK(input.glossary.name.empty());
    Corpus c = loadCorpus(input, d);
    CHECK(c.glossary.empty());
    CHECK(countErrors(d) == 0);
}

TEST_CASE("expandSearchQuery: what is added, and what is not") {
    const Glossary& g = fixture().corpus.glossary;
    SearchQuery q = expandSearchQuery("diffusion", g);
    REQUIRE(q.expansions.size() == 1);
    CHECK(q.expansions[0].term == "diffusion");
    CHECK(q.expansions[0].variants == std::vector<std::string>{"扩散"});  // the typed term itself is not repeated
    CHECK(q.include == std::vector<std::string>{"diffusion"});

    CHECK(expandSearchQuery("\"diffusion\"", g).expansions.empty());  // quoted: exact
    CHECK(expandSearchQuery("protein", g).expansions.empty());
    CHECK(expandSearchQuery("diffusion", Glossary{}).expansions.empty());

    SearchQuery multi = expandSearchQuery("continual learning", g);
    REQUIRE(multi.expansions.size() == 1);
    CHECK(multi.expansions[0].first == 0);
    CHECK(multi.expansions[0].count == 2);
    CHECK(multi.expansions[0].term == "continual learning");
    CHECK(multi.expansions[0].shown == std::vector<std::string>{"持续学习", "连续学习", "lifelong learning"});
    CHECK(multi.include == std::vector<std::string>{"continual", "learning"});

    SearchQuery excluded = expandSearchQuery("learning -扩散", g);
    REQUIRE(excluded.expansions.size() == 1);
    CHECK(excluded.expansions[0].excluded);
    CHECK(excluded.expansions[0].variants == std::vector<std::string>{"diffusion"});

    SearchQuery llm = expandSearchQuery("LLM", g);
    REQUIRE(llm.expansions.size() == 1);
    // Shortest first; 大语言模型 does not contain 大模型, so both stay.
    CHECK(llm.expansions[0].variants == std::vector<std::string>{"大模型", "大语言模型", "large language model"});
}

TEST_CASE("expandSearchQuery: a Chinese compound made of glossary terms is taken as those terms") {
    std::vector<Diagnostic> diagnostics;
    const Glossary g = parseGlossary("glossary.json", R"({"format": 1, "entries": [
        {"en": ["video"], "zh": ["视频"]}, {"en": ["understanding"], "zh": ["理解"]},
        {"en": ["image"], "zh": ["图像"]}, {"en": ["image generation"], "zh": ["图像生成"]},
        {"en": ["generation"], "zh": ["生成"]}, {"en": ["model"], "zh": ["模型"]}]})", diagnostics);
    REQUIRE(diagnostics.empty());
    SearchQuery q = expandSearchQuery("视频理解", g);
    CHECK(q.include == std::vector<std::string>{"视频", "理解"});
    REQUIRE(q.expansions.size() == 2);
    CHECK(q.expansions[0].variants == std::vector<std::string>{"video"});
    CHECK(q.expansions[1].variants == std::vector<std::string>{"understanding"});
    // The same groups as its English counterpart, so both find the same papers.
    SearchQuery en = expandSearchQuery("video understanding", g);
    REQUIRE(en.expansions.size() == 2);
    CHECK(en.expansions[0].variants == std::vector<std::string>{"视频"});
    // A compound the glossary lists whole stays whole; the fewest pieces win (图像生成 + 模型, not 图像 + 生成 + 模型).
    CHECK(expandSearchQuery("图像生成", g).include == std::vector<std::string>{"图像生成"});
    CHECK(expandSearchQuery("图像生成模型", g).include == std::vector<std::string>{"图像生成", "模型"});
    // Not spelled wholly from glossary terms, quoted, excluded, or without a glossary: kept as typed.
    CHECK(expandSearchQuery("视频剪辑", g).include == std::vector<std::string>{"视频剪辑"});
    CHECK(expandSearchQuery("\"视频理解\"", g).include == std::vector<std::string>{"视频理解"});
    SearchQuery excluded = expandSearchQuery("-视频理解", g);
    CHECK(excluded.exclude == std::vector<std::string>{"视频理解"});
    CHECK(excluded.expansions.empty());
    CHECK(expandSearchQuery("视频理解", Glossary{}).include == std::vector<std::string>{"视频理解"});
}

TEST_CASE("expanded matching: counterparts found, semantics of each variant kept") {
    CHECK(find("diffusion", false) == Ids{"p1"});
    CHECK(find("diffusion") == Ids{"p1", "p2"});
    CHECK(find("扩散") == Ids{"p1", "p2"});
    CHECK(find("\"扩散\"") == Ids{"p2"});
    // A multi-word term as a unit: the typed words anywhere (scattered), or any variant.
    CHECK(find("continual learning", false) == Ids{"p4", "p6"});
    CHECK(find("continual learning") == Ids{"p3", "p4", "p5", "p6"});
    CHECK(find("持续学习") == Ids{"p3", "p4", "p5"});  // the phrase, not scattered words
    // Latin variants keep word-prefix semantics: 机器人 -> robot finds "Robotics".
    CHECK(find("机器人") == Ids{"p7", "p8"});
    CHECK(find("robot") == Ids{"p7", "p8"});
    // Exclusion removes the counterparts too.
    CHECK(find("-diffusion", false).size() == 8);
    CHECK(find("-diffusion") == Ids{"p3", "p4", "p5", "p6", "p7", "p8", "p9"});
    // Expanded and plain terms combine with AND.
    CHECK(find("机器人 rt") == Ids{"p8"});
}

TEST_CASE("expanded matching agrees with brute force, and scores with relevance()") {
    const Fixture& f = fixture();
    for (const char* text : {"diffusion", "扩散 -robot", "continual learning", "learning -持续学习", "robot 视觉", "llm",
                             "\"continual learning\"", "rl", "-机器人 -扩散", "continual learning diffusion"}) {
        INFO(std::string(text));
        SearchQuery q = expandSearchQuery(text, f.corpus.glossary);
        SearchIndex::Scored scored = f.index.matchScored(q, true);
        std::vector<PaperIndex> want;
        for (PaperIndex p = 0; p < f.corpus.papers.size(); ++p)
            if (bruteForceMatch(f.index, p, q)) want.push_back(p);
        CHECK(scored.papers == want);
        CHECK(f.index.match(q) == want);
        for (size_t i = 0; i < scored.papers.size(); ++i) CHECK(scored.scores[i] == f.index.relevanceFifths(scored.papers[i], q));
    }
}

TEST_CASE("seed corpus: expansion finds what either language finds, and --exact semantics stay") {
    const Corpus& c = seed().corpus;
    SearchIndex index(c);
    auto ids = [&](const SearchQuery& q) {
        std::vector<PaperIndex> m = index.match(q);
        return std::vector<PaperIndex>(m.begin(), m.end());
    };
    for (auto [en, zh] : {std::pair{"diffusion", "扩散"}, {"robot", "机器人"}, {"continual learning", "持续学习"},
                          {"reinforcement learning", "强化学习"}, {"retrieval", "检索"}}) {
        CAPTURE(en);
        std::vector<PaperIndex> a = ids(expandSearchQuery(en, c.glossary)), b = ids(expandSearchQuery(zh, c.glossary));
        std::vector<PaperIndex> exactEn = ids(parseSearchQuery(en)), exactZh = ids(parseSearchQuery(zh));
        // Each expanded query finds everything its own exact query finds, and the counterpart's phrase.
        CHECK(std::includes(a.begin(), a.end(), exactEn.begin(), exactEn.end()));
        CHECK(std::includes(b.begin(), b.end(), exactZh.begin(), exactZh.end()));
        CHECK(std::includes(a.begin(), a.end(), exactZh.begin(), exactZh.end()));
        CHECK(a.size() >= exactEn.size());
    }
    // `robot` alone finds none of the papers whose Chinese text says 机器人; expanded, it finds them.
    CHECK(ids(parseSearchQuery("robot")).size() < ids(expandSearchQuery("robot", c.glossary)).size());
}

TEST_CASE("Explorer: expansions for display, and the setting that turns them off") {
    Explorer ex;
    Corpus c = fixture().corpus;
    ex.setCorpus(std::move(c), {});
    ex.setQuery("diffusion");
    CHECK(ex.visiblePapers().size() == 2);
    REQUIRE(ex.queryExpansions().size() == 1);
    CHECK(ex.queryExpansions()[0].shown == std::vector<std::string>{"扩散"});
    Settings s = ex.settings();
    CHECK(s.crossLanguageSearch);
    s.crossLanguageSearch = false;
    ex.setSettings(s);
    CHECK(ex.visiblePapers().size() == 1);
    CHECK(ex.queryExpansions().empty());
    s.crossLanguageSearch = true;
    ex.setSettings(s);
    CHECK(ex.visiblePapers().size() == 2);
}

TEST_CASE("Settings keep the cross-language switch") {
    Settings off;
    off.crossLanguageSearch = false;
    Settings back;
    std::string warning;
    REQUIRE(decodeSettings(encodeSettings(off), back, warning));
    CHECK_FALSE(back.crossLanguageSearch);
    Settings old;  // stored before the switch existed: on
    REQUIRE(decodeSettings(R"({"version":1,"theme":"dark"})", old, warning));
    CHECK(old.crossLanguageSearch);
}

}  // TEST_SUITE
