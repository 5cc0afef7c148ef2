// Recurrence (minPicks), shared lists (paperIds) and the "what changed" month: the filter fields, their URL
// keys (picks, list, cm) and JSON fields (minPicks, list, changesMonth), and the Explorer's actions around
// them (setMinPicks, setPaperList, setChangesMonth, bookmarkAll, importReadingList, lifecycles, the
// Newest and Faded topic orders).
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "core/insights.h"
#include "core/paper_filter.h"
#include "core/reading_list.h"
#include "core/view_state.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using Ids = std::vector<std::string>;

constexpr TopicIndex kLm = 0, kDiffusion = 1, kRl = 2, kVision = 3, kGeneral = 4;

// p1 is picked three times, p2 twice, the others once:
//   2022-01-a: p1 [vision], p2 [language-models], p3 [rl]
//   2022-02-a: p1, p4 [diffusion]
//   2022-04-a: p1, p2, p5 [vision]
const Loaded& picksCorpus() {
    static const Loaded loaded = [] {
        ojson p1 = paperJson("p1", "Vision Transformers at Scale", {"Alice Zak"}, {"vision"});
        ojson p2 = paperJson("p2", "Large Language Model Survey", {"Carol King"}, {"language-models"});
        ojson p3 = paperJson("p3", "Reward Shaping", {"Dan Brown"}, {"rl"});
        ojson p4 = paperJson("p4", "Denoising Diffusion Models", {"Eve Adams"}, {"diffusion"});
        ojson p5 = paperJson("p5", "Image Segmentation Again", {"José García"}, {"vision"});
        Loaded l = loadSynthetic({digestJson("2022-04-a", "2022-04", {p1, p2, p5}), digestJson("2022-01-a", "2022-01", {p1, p2, p3}),
                                  digestJson("2022-02-a", "2022-02", {p1, p4})});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.papers.size() == 5);
        return l;
    }();
    return loaded;
}

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

// Four digest months, 10 papers each (shares in tenths):
//   lm 2 2 | 2 2 steady; diffusion 4 4 | 2 2 fading; rl 2 2 | 0 0 dormant; vision 0 0 | 0 2 new;
//   general 2 2 | 6 4 rising.
const Loaded& trendCorpus() {
    static const Loaded loaded = [] {
        Loaded l = loadSynthetic({
            digestJson("2022-01-t", "2022-01", concat({batch("jan", "language-models", 2), batch("jan", "diffusion", 4),
                                                       batch("jan", "rl", 2), batch("jan", "general", 2)})),
            digestJson("2022-02-t", "2022-02", concat({batch("feb", "language-models", 2), batch("feb", "diffusion", 4),
                                                       batch("feb", "rl", 2), batch("feb", "general", 2)})),
            digestJson("2022-05-t", "2022-05", concat({batch("may", "language-models", 2), batch("may", "diffusion", 2),
                                                       batch("may", "general", 6)})),
            digestJson("2022-07-t", "2022-07", concat({batch("jul", "language-models", 2), batch("jul", "diffusion", 2),
                                                       batch("jul", "vision", 2), batch("jul", "general", 4)})),
        });
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.papers.size() == 40);
        return l;
    }();
    return loaded;
}

std::unique_ptr<Explorer> explorerOf(const Loaded& l) {
    auto ex = std::make_unique<Explorer>();
    ex->setCorpus(l.corpus, l.diagnostics);
    return ex;
}

Ids filtered(const PaperFilter& f, const ReaderMarks& marks = {}) {
    const Corpus& c = picksCorpus().corpus;
    SearchIndex index(c);
    return sorted(paperIds(c, filterPapers(c, index, f, marks)));
}

Ids visibleIds(Explorer& ex) { return sorted(paperIds(ex.corpus(), ex.visiblePapers())); }

Ids topicOrder(Explorer& ex) {
    Ids out;
    for (TopicIndex t : ex.orderedTopics()) out.push_back(ex.corpus().topics[t].id);
    return out;
}

template <typename F>
bool bumps(Explorer& ex, F action) {
    uint64_t before = ex.stateRevision();
    action();
    return ex.stateRevision() != before;
}

std::string listFile(const Ids& bookmarks, const Ids& read = {}) {
    return nlohmann::json({{"format", "papertide-reading-list"}, {"version", 1}, {"bookmarks", bookmarks}, {"read", read}}).dump();
}

}  // namespace

// --- PaperFilter ---------------------------------------------------------------------------------------

TEST_CASE("PaperFilter.minPicks keeps papers recommended at least that often; 0 and 1 filter nothing") {
    PaperFilter f;
    CHECK(filtered(f) == Ids{"p1", "p2", "p3", "p4", "p5"});
    f.minPicks = 1;
    CHECK(filtered(f) == Ids{"p1", "p2", "p3", "p4", "p5"});
    CHECK_FALSE(f.active());
    f.minPicks = 2;
    CHECK(f.active());
    CHECK(filtered(f) == Ids{"p1", "p2"});
    f.minPicks = 3;
    CHECK(filtered(f) == Ids{"p1"});
    f.minPicks = 4;
    CHECK(filtered(f).empty());
    // Combined with other filters.
    f.minPicks = 2;
    f.topics = {"vision"};
    CHECK(filtered(f) == Ids{"p1"});
    f.topics.clear();
    f.query = "survey";
    CHECK(filtered(f) == Ids{"p2"});
}

TEST_CASE("PaperFilter.paperIds keeps only the listed papers; unknown ids match nothing") {
    PaperFilter f;
    f.paperIds = {"p5", "p2", "nope"};
    CHECK(f.active());
    CHECK(filtered(f) == Ids{"p2", "p5"});
    f.minPicks = 2;
    CHECK(filtered(f) == Ids{"p2"});
    f.minPicks = 0;
    f.topics = {"vision"};
    CHECK(filtered(f) == Ids{"p5"});
    f.topics.clear();
    f.paperIds = {"nope"};
    CHECK(filtered(f).empty());
    f.paperIds = {"p3"};
    ReaderMarks marks;
    marks.read.insert("p3");
    f.unreadOnly = true;
    CHECK(filtered(f, marks).empty());
    f.paperIds.clear();
    f.unreadOnly = false;
    CHECK_FALSE(f.active());
}

TEST_CASE("--min-picks 2 on the seed corpus: the two papers recommended twice") {
    const Corpus& c = seed().corpus;
    SearchIndex index(c);
    PaperFilter f;
    f.minPicks = 2;
    CHECK(sorted(paperIds(c, filterPapers(c, index, f, {}))) ==
          Ids{"arxiv:2110.02095", "arxiv:2112.04426"});  // Exploring the Limits (2 digests), RETRO (twice in one)
    f.minPicks = 3;
    CHECK(filterPapers(c, index, f, {}).empty());
}

// --- view state: URL ---------------------------------------------------------------------------------

TEST_CASE("URL keys picks, list and cm") {
    ViewState s;
    s.filter.minPicks = 2;
    CHECK(encodeViewState(s) == "#picks=2");
    s.filter.minPicks = 1;
    CHECK(encodeViewState(s) == "");  // no filter, no key
    s.filter.minPicks = 0;
    s.filter.paperIds = {"arxiv:2205.06175", "consistency-models"};
    CHECK(encodeViewState(s) == "#list=arxiv:2205.06175,consistency-models");
    s.filter.paperIds.clear();
    s.changesMonth = month("2022-06");
    s.view = View::Changes;
    CHECK(encodeViewState(s) == "#v=changes&cm=2022-06");

    std::vector<std::string> warnings;
    ViewState d = decodeViewState("#picks=3&list=a,b,,c&cm=2022-06&order=faded", &warnings);
    CHECK(warnings.empty());
    CHECK(d.filter.minPicks == 3);
    CHECK(d.filter.paperIds == Ids{"a", "b", "c"});
    REQUIRE(d.changesMonth.has_value());
    CHECK(formatMonth(*d.changesMonth) == "2022-06");
    CHECK(d.topicOrder == TopicOrder::Faded);
    CHECK(decodeViewState("#order=newest").topicOrder == TopicOrder::Newest);
    CHECK(decodeViewState("#v=changes").view == View::Changes);

    SUBCASE("picks 0 and 1 mean no filter; malformed values warn and are skipped") {
        CHECK(decodeViewState("#picks=1").filter.minPicks == 0);
        CHECK(decodeViewState("#picks=0").filter.minPicks == 0);
        CHECK(decodeViewState("#picks=0002").filter.minPicks == 2);
        for (const char* bad : {"#picks=x", "#picks=-2", "#picks=12345", "#picks=", "#picks=2.5"}) {
            std::vector<std::string> w;
            ViewState v = decodeViewState(bad, &w);
            CHECK_MESSAGE(v.filter.minPicks == 0, bad);
            CHECK_MESSAGE(w.size() == 1, bad);
        }
        std::vector<std::string> w;
        ViewState v = decodeViewState("#cm=2022-13", &w);
        CHECK_FALSE(v.changesMonth.has_value());
        REQUIRE(w.size() == 1);
        CHECK(contains(w[0], "cm"));
    }
    SUBCASE("a shared list: percent-decoded, cleaned, at most 1000 ids") {
        CHECK(decodeViewState("#list=arxiv%3A2205.06175%2Cconsistency-models").filter.paperIds ==
              Ids{"arxiv:2205.06175", "consistency-models"});
        std::string many = "#list=";
        for (int i = 0; i < 1500; ++i) many += (i ? "," : "") + std::string("p") + std::to_string(i);
        ViewState v = decodeViewState(many);
        REQUIRE(v.filter.paperIds.size() == 1000);
        CHECK(v.filter.paperIds.front() == "p0");
        CHECK(v.filter.paperIds.back() == "p999");
        for (const std::string& id : decodeViewState("#list=a%0Ab,c%00").filter.paperIds)
            for (unsigned char ch : id) CHECK(ch >= 0x20);
    }
}

TEST_CASE("picks, list and cm round-trip through the URL together with everything else") {
    ViewState s;
    s.filter.query = "扩散";
    s.filter.topics = {"vision"};
    s.filter.minPicks = 2;
    s.filter.paperIds = {"arxiv:2205.06175", "consistency-models", "exploring-the-limits-of-large-scale-pre-training"};
    s.view = View::Changes;
    s.topicOrder = TopicOrder::Newest;
    s.changesMonth = month("2021-12");
    std::string hash = encodeViewState(s);
    CHECK(hash == "#v=changes&q=%E6%89%A9%E6%95%A3&t=vision&picks=2"
                  "&list=arxiv:2205.06175,consistency-models,exploring-the-limits-of-large-scale-pre-training"
                  "&order=newest&cm=2021-12");
    std::vector<std::string> warnings;
    CHECK(decodeViewState(hash, &warnings) == s);
    CHECK(warnings.empty());
    // Each new field alone makes states differ.
    ViewState other = s;
    other.filter.minPicks = 3;
    CHECK_FALSE(other == s);
    other = s;
    other.filter.paperIds.pop_back();
    CHECK_FALSE(other == s);
    other = s;
    other.changesMonth.reset();
    CHECK_FALSE(other == s);
}

// --- view state: JSON --------------------------------------------------------------------------------

TEST_CASE("JSON fields minPicks, list and changesMonth") {
    ViewState s;
    nlohmann::json j;
    viewStateToJson(s, j);
    CHECK(j["minPicks"] == 0);
    CHECK(j["list"] == nlohmann::json::array());
    CHECK(j["changesMonth"].is_null());

    s.filter.minPicks = 3;
    s.filter.paperIds = {"p1", "p2"};
    s.changesMonth = month("2022-06");
    viewStateToJson(s, j);
    CHECK(j["minPicks"] == 3);
    CHECK(j["list"] == nlohmann::json::array({"p1", "p2"}));
    CHECK(j["changesMonth"] == "2022-06");

    ViewState back;
    std::string error;
    REQUIRE(applyViewStateJson(back, j.dump(), error));
    CHECK(back == s);

    SUBCASE("partial updates and resets") {
        ViewState t = s;
        REQUIRE(applyViewStateJson(t, R"({"changesMonth":null,"list":[]})", error));
        CHECK_FALSE(t.changesMonth.has_value());
        CHECK(t.filter.paperIds.empty());
        CHECK(t.filter.minPicks == 3);  // untouched
        REQUIRE(applyViewStateJson(t, R"({"changesMonth":"2021-11","minPicks":0})", error));
        CHECK(formatMonth(*t.changesMonth) == "2021-11");
        CHECK(t.filter.minPicks == 0);
        REQUIRE(applyViewStateJson(t, R"({"changesMonth":""})", error));
        CHECK_FALSE(t.changesMonth.has_value());
    }
    SUBCASE("bad values are rejected and leave the state unchanged") {
        for (const char* bad : {R"({"minPicks":-1})", R"({"minPicks":"3"})", R"({"minPicks":5000})", R"({"minPicks":2.5})",
                                R"({"list":"p1"})", R"({"list":[1,2]})", R"({"list":["p1",null]})", R"({"changesMonth":"2022-13"})",
                                R"({"changesMonth":202206})", R"({"minPicks":2,"list":{}})"}) {
            ViewState t = s;
            std::string e;
            CHECK_MESSAGE(!applyViewStateJson(t, bad, e), bad);
            CHECK_MESSAGE(!e.empty(), bad);
            CHECK_MESSAGE(t == s, bad);
        }
    }
    SUBCASE("list ids are cleaned and bounded") {
        ViewState t;
        nlohmann::json many = {{"list", nlohmann::json::array()}};
        for (int i = 0; i < 1200; ++i) many["list"].push_back("p" + std::to_string(i));
        many["list"][0] = std::string(300, 'x');
        many["list"][1] = "a\nb";
        REQUIRE(applyViewStateJson(t, many.dump(), error));
        REQUIRE(t.filter.paperIds.size() == 1000);
        CHECK(t.filter.paperIds[0].size() <= 128);
        CHECK(t.filter.paperIds[1] == "a b");
    }
}

// --- Explorer -------------------------------------------------------------------------------------------

TEST_CASE("Explorer::setMinPicks and setPaperList filter the visible papers and make history") {
    auto ex = explorerOf(picksCorpus());
    CHECK(visibleIds(*ex).size() == 5);

    CHECK(bumps(*ex, [&] { ex->setMinPicks(2); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(ex->state().filter.minPicks == 2);
    CHECK(visibleIds(*ex) == Ids{"p1", "p2"});
    CHECK_FALSE(bumps(*ex, [&] { ex->setMinPicks(2); }));
    CHECK(encodeViewState(ex->state()) == "#picks=2");

    CHECK(bumps(*ex, [&] { ex->setPaperList({"p2", "p3"}); }));
    CHECK(ex->state().filter.paperIds == Ids{"p2", "p3"});
    CHECK(visibleIds(*ex) == Ids{"p2"});
    CHECK_FALSE(bumps(*ex, [&] { ex->setPaperList({"p2", "p3"}); }));
    CHECK(bumps(*ex, [&] { ex->setMinPicks(0); }));
    CHECK(visibleIds(*ex) == Ids{"p2", "p3"});

    // The filtered matrix follows: p2 (language models, 01 and 04) and p3 (rl, 01).
    const TopicMonthMatrix& m = ex->filteredMatrix();
    CHECK(m.topicTotals[kLm] == 1);
    CHECK(m.topicTotals[kRl] == 1);
    CHECK(m.topicTotals[kVision] == 0);

    CHECK(bumps(*ex, [&] { ex->clearFilters(); }));
    CHECK(ex->state().filter.paperIds.empty());
    CHECK(ex->state().filter.minPicks == 0);
    CHECK(visibleIds(*ex).size() == 5);

    // Reached through setState too (a pasted link).
    ViewState s = decodeViewState("#picks=3");
    ex->setState(s);
    CHECK(visibleIds(*ex) == Ids{"p1"});
}

TEST_CASE("Explorer::setChangesMonth changes the state, not the visible papers") {
    auto ex = explorerOf(picksCorpus());
    ex->setMinPicks(2);
    Ids before = visibleIds(*ex);
    CHECK(bumps(*ex, [&] { ex->setChangesMonth(month("2022-02")); }));
    CHECK(ex->lastChangeWantsHistory());
    REQUIRE(ex->state().changesMonth.has_value());
    CHECK(formatMonth(*ex->state().changesMonth) == "2022-02");
    CHECK(visibleIds(*ex) == before);
    CHECK_FALSE(bumps(*ex, [&] { ex->setChangesMonth(month("2022-02")); }));
    CHECK(encodeViewState(ex->state()) == "#picks=2&cm=2022-02");
    CHECK(bumps(*ex, [&] { ex->setChangesMonth(std::nullopt); }));
    CHECK_FALSE(ex->state().changesMonth.has_value());
    // clearFilters leaves it alone: it is not a filter.
    ex->setChangesMonth(month("2022-04"));
    ex->clearFilters();
    CHECK(ex->state().changesMonth.has_value());
}

TEST_CASE("Explorer::bookmarkAll adds known ids only and says how many were new") {
    auto ex = explorerOf(picksCorpus());
    ex->setBookmarkedOnly(true);
    CHECK(visibleIds(*ex).empty());
    uint64_t rev = ex->marksRevision();
    CHECK(ex->bookmarkAll({"p1", "p2", "nope", "p1"}) == 2);
    CHECK(ex->marksRevision() != rev);
    CHECK(ex->isBookmarked("p1"));
    CHECK(ex->isBookmarked("p2"));
    CHECK_FALSE(ex->isBookmarked("nope"));
    CHECK(visibleIds(*ex) == Ids{"p1", "p2"});  // the cached list was refreshed

    rev = ex->marksRevision();
    CHECK(ex->bookmarkAll({"p2", "nope"}) == 0);
    CHECK(ex->marksRevision() == rev);
    CHECK(ex->bookmarkAll({}) == 0);
    CHECK(ex->bookmarkAll({"p5"}) == 1);
    CHECK(visibleIds(*ex) == Ids{"p1", "p2", "p5"});
    CHECK(ex->marks().bookmarked.size() == 3);
}

TEST_CASE("Explorer::importReadingList merges, reports, and rejects foreign files untouched") {
    auto ex = explorerOf(picksCorpus());
    ex->toggleBookmark("p1");
    ex->setRead("p4", true);
    ex->setBookmarkedOnly(true);
    CHECK(visibleIds(*ex) == Ids{"p1"});

    uint64_t rev = ex->marksRevision();
    std::string message;
    REQUIRE(ex->importReadingList(listFile({"p1", "p3"}, {"p2"}), message));
    CHECK(message == "1 bookmark(s) and 1 read mark(s) added, 1 already present");
    CHECK(ex->marksRevision() != rev);
    CHECK(sorted(Ids(ex->marks().bookmarked.begin(), ex->marks().bookmarked.end())) == Ids{"p1", "p3"});
    CHECK(sorted(Ids(ex->marks().read.begin(), ex->marks().read.end())) == Ids{"p2", "p4"});
    CHECK(visibleIds(*ex) == Ids{"p1", "p3"});

    // Nothing new: true, but no new marks revision.
    rev = ex->marksRevision();
    REQUIRE(ex->importReadingList(listFile({"p3"}), message));
    CHECK(message == "0 bookmark(s) and 0 read mark(s) added, 1 already present");
    CHECK(ex->marksRevision() == rev);

    // Foreign files: false, a message, the marks as they were.
    for (const std::string& bad : {std::string("not json"), std::string(R"({"format":"papertide-export","papers":[]})"),
                                  std::string(R"({"format":7,"bookmarks":["p5"]})"),
                                  std::string(R"({"format":"papertide-reading-list","version":9,"bookmarks":["p5"]})")}) {
        CAPTURE(bad);
        std::string msg;
        CHECK_FALSE(ex->importReadingList(bad, msg));
        CHECK_FALSE(msg.empty());
        CHECK(ex->marksRevision() == rev);
        CHECK_FALSE(ex->isBookmarked("p5"));
        CHECK(ex->marks().bookmarked.size() == 2);
    }

    // A file exported from the explorer's own marks imports into a fresh one identically.
    auto fresh = explorerOf(picksCorpus());
    REQUIRE(fresh->importReadingList(encodeReadingList(ex->marks()), message));
    CHECK(fresh->marks().bookmarked == ex->marks().bookmarked);
    CHECK(fresh->marks().read == ex->marks().read);
}

TEST_CASE("Explorer::lifecycles is topicLifecycles with the default window, computed once per corpus") {
    auto ex = explorerOf(trendCorpus());
    const auto& lives = ex->lifecycles();
    auto expected = topicLifecycles(trendCorpus().corpus);
    REQUIRE(lives.size() == expected.size());
    for (size_t t = 0; t < lives.size(); ++t) {
        CHECK(lives[t].trend == expected[t].trend);
        CHECK(lives[t].total == expected[t].total);
        CHECK(lives[t].firstMonth == expected[t].firstMonth);
        CHECK(lives[t].peakMonth == expected[t].peakMonth);
    }
    CHECK(lives[kVision].trend == Trend::New);
    CHECK(lives[kRl].trend == Trend::Dormant);
    CHECK(lives[kDiffusion].trend == Trend::Fading);
    CHECK(&ex->lifecycles() == &lives);  // cached

    ex->setCorpus(seed().corpus, seed().diagnostics);
    const auto& seedLives = ex->lifecycles();
    REQUIRE(seedLives.size() == seed().corpus.topics.size());
    auto seedExpected = topicLifecycles(seed().corpus, 4);
    for (size_t t = 0; t < seedLives.size(); ++t) CHECK(seedLives[t].trend == seedExpected[t].trend);
}

TEST_CASE("Explorer::newsLinks is linkNews of its corpus and index, computed once per corpus") {
    auto ex = std::make_unique<Explorer>();
    ex->setCorpus(seed().corpus, seed().diagnostics);
    const auto& links = ex->newsLinks();
    auto expected = linkNews(seed().corpus, SearchIndex(seed().corpus));
    REQUIRE(links.size() == expected.size());
    REQUIRE(links.size() == 9);
    for (size_t i = 0; i < links.size(); ++i) {
        CHECK(links[i].digest == expected[i].digest);
        CHECK(links[i].item == expected[i].item);
        CHECK(links[i].topics == expected[i].topics);
    }
    CHECK(&ex->newsLinks() == &links);  // cached

    ex->setCorpus(trendCorpus().corpus, trendCorpus().diagnostics);  // no news there
    CHECK(ex->newsLinks().empty());
}

TEST_CASE("TopicOrder::Newest and ::Faded order the timeline rows by lifecycle") {
    auto ex = explorerOf(trendCorpus());
    CHECK(topicOrder(*ex) == Ids{"general", "diffusion", "language-models", "rl", "vision"});  // by total
    CHECK(bumps(*ex, [&] { ex->setTopicOrder(TopicOrder::Newest); }));
    // New topics first, then the most recently first-seen (the rest tie in 2022-01 and keep taxonomy order).
    CHECK(topicOrder(*ex) == Ids{"vision", "language-models", "diffusion", "rl", "general"});
    ex->setTopicOrder(TopicOrder::Faded);
    // Dormant, then fading, then the rest by the largest drop: lm (0), vision (-0.1), general (-0.3).
    CHECK(topicOrder(*ex) == Ids{"rl", "diffusion", "language-models", "vision", "general"});
    CHECK(encodeViewState(ex->state()) == "#order=faded");

    // On the seed corpus: nothing is new with the default window; graphs (first seen 2022-04) leads "newest".
    auto seedEx = explorerOf(Loaded{seed().corpus, seed().diagnostics});
    seedEx->setTopicOrder(TopicOrder::Newest);
    Ids newest = topicOrder(*seedEx);
    REQUIRE(newest.size() == seed().corpus.topics.size());
    CHECK(newest.front() == "graphs");
    seedEx->setTopicOrder(TopicOrder::Faded);
    Ids faded = topicOrder(*seedEx);
    const auto& lives = seedEx->lifecycles();
    // The dormant topics first, robustness (the largest drop: 0.12 of the papers to none) leading.
    CHECK(faded.front() == "robustness");
    Ids dormant, firstSix(faded.begin(), faded.begin() + 6);
    for (const TopicLifecycle& l : lives)
        if (l.trend == Trend::Dormant) dormant.push_back(seed().corpus.topics[l.topic].id);
    CHECK(sorted(dormant) == Ids{"3d-rendering", "general", "robustness", "safety-ethics", "science", "speech-audio"});
    CHECK(sorted(firstSix) == sorted(dormant));
    // Then the fading ones: continual-meta, vision, nlp-tasks.
    CHECK(Ids(faded.begin() + 6, faded.begin() + 9) == Ids{"continual-meta", "vision", "nlp-tasks"});
}
