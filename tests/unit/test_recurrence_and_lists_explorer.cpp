// The Explorer's actions around recurrence, shared lists and the "what changed" month (setMinPicks, setPaperList,
// setChangesMonth, bookmarkAll, importReadingList), its lifecycles and news links, and the Newest and Faded orders.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "core/insights.h"
#include "core/reading_list.h"
#include "core/view_state.h"
#include "explorer_test_support.h"
#include "recurrence_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::explorer;
using namespace papertide::test::recurrence;

namespace {

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

Ids topicOrder(Explorer& ex) {
    Ids out;
    for (TopicIndex t : ex.orderedTopics()) out.push_back(ex.corpus().topics[t].id);
    return out;
}

std::string listFile(const Ids& bookmarks, const Ids& read = {}) {
    return nlohmann::json({{"format", "papertide-reading-list"}, {"version", 1}, {"bookmarks", bookmarks}, {"read", read}}).dump();
}

}  // namespace

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
