// The explorer's filters (core/explorer.h): query, topics, month range, matrix cell, digest and author, the reader's
// marks as filters, and clearFilters, each with its state revision and history flag.
#include <string>
#include <vector>

#include "core/explorer.h"
#include "explorer_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::explorer;

TEST_CASE("setQuery filters by the search index; typing does not create history") {
    auto ex = smallExplorer();
    CHECK(bumps(*ex, [&] { ex->setQuery("diffusion"); }));
    CHECK_FALSE(ex->lastChangeWantsHistory());
    CHECK(ex->state().filter.query == "diffusion");
    CHECK(visibleIds(*ex) == Ids{"p3", "p4", "p5"});
    CHECK(bumps(*ex, [&] { ex->setQuery("扩散"); }));
    CHECK(visibleIds(*ex) == Ids{"p4"});
    CHECK(bumps(*ex, [&] { ex->setQuery("no such words anywhere"); }));
    CHECK(ex->visiblePapers().empty());
    CHECK_FALSE(bumps(*ex, [&] { ex->setQuery("no such words anywhere"); }));
    CHECK(bumps(*ex, [&] { ex->setQuery(""); }));
    CHECK(visibleIds(*ex) == kAll);
    checkMatrixAgrees(*ex);
}

TEST_CASE("toggleTopic adds and removes a topic; it wants a history entry") {
    auto ex = smallExplorer();
    CHECK(bumps(*ex, [&] { ex->toggleTopic("vision"); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(ex->state().filter.topics == Ids{"vision"});
    CHECK(visibleIds(*ex) == Ids{"p1", "p5"});
    CHECK(bumps(*ex, [&] { ex->toggleTopic("language-models"); }));
    CHECK(ex->state().filter.topics == Ids{"vision", "language-models"});
    CHECK(visibleIds(*ex) == Ids{"p1", "p2", "p5"});
    CHECK(bumps(*ex, [&] { ex->toggleTopic("vision"); }));
    CHECK(ex->state().filter.topics == Ids{"language-models"});
    CHECK(visibleIds(*ex) == Ids{"p2"});
    checkMatrixAgrees(*ex);
    CHECK(bumps(*ex, [&] { ex->toggleTopic("language-models"); }));
    CHECK(ex->state().filter.topics.empty());
    CHECK(visibleIds(*ex) == kAll);

    // setTopics replaces the list; the same list again is a no-op.
    CHECK(bumps(*ex, [&] { ex->setTopics({"rl", "general"}); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(visibleIds(*ex) == Ids{"p3"});
    CHECK_FALSE(bumps(*ex, [&] { ex->setTopics({"rl", "general"}); }));
    CHECK(bumps(*ex, [&] { ex->setTopics({"general"}); }));
    CHECK(ex->visiblePapers().empty());
}

TEST_CASE("setMonthRange orders a swapped range and keeps papers with an appearance inside") {
    auto ex = smallExplorer();
    CHECK(bumps(*ex, [&] { ex->setMonthRange(month("2022-05"), month("2022-03")); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(ex->state().filter.from == month("2022-03"));
    CHECK(ex->state().filter.to == month("2022-05"));
    CHECK(visibleIds(*ex) == Ids{"p1", "p3", "p4", "p5"});
    CHECK_FALSE(bumps(*ex, [&] { ex->setMonthRange(month("2022-03"), month("2022-05")); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setMonthRange(month("2022-05"), month("2022-03")); }));
    checkMatrixAgrees(*ex);
    // Appearances outside the range do not count in the matrix.
    CHECK(ex->filteredMatrix().at(kVision, 0) == 0);
    CHECK(ex->filteredMatrix().at(kVision, 2) == 1);

    CHECK(bumps(*ex, [&] { ex->setMonthRange(std::nullopt, month("2022-01")); }));
    CHECK_FALSE(ex->state().filter.from.has_value());
    CHECK(visibleIds(*ex) == Ids{"p1", "p2"});
    CHECK(bumps(*ex, [&] { ex->setMonthRange(month("2022-04"), std::nullopt); }));
    CHECK(visibleIds(*ex) == Ids{"p3", "p5"});
    CHECK(bumps(*ex, [&] { ex->setMonthRange(month("2022-02"), month("2022-02")); }));
    CHECK(ex->visiblePapers().empty());
    CHECK(bumps(*ex, [&] { ex->setMonthRange(std::nullopt, std::nullopt); }));
    CHECK(visibleIds(*ex) == kAll);
}

TEST_CASE("showCell sets one topic and one month") {
    auto ex = smallExplorer();
    ex->toggleTopic("vision");
    ex->toggleTopic("rl");
    CHECK(bumps(*ex, [&] { ex->showCell(kDiffusion, month("2022-03")); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(ex->state().filter.topics == Ids{"diffusion"});
    CHECK(ex->state().filter.from == month("2022-03"));
    CHECK(ex->state().filter.to == month("2022-03"));
    CHECK(visibleIds(*ex) == Ids{"p3", "p4"});
    checkMatrixAgrees(*ex);
    CHECK(ex->filteredMatrix().at(kDiffusion, 2) == 2);
    CHECK(ex->filteredMatrix().topicTotals[kDiffusion] == 2);
    // The same cell again changes nothing.
    CHECK_FALSE(bumps(*ex, [&] { ex->showCell(kDiffusion, month("2022-03")); }));
    // A topic index out of range is ignored.
    CHECK_FALSE(bumps(*ex, [&] { ex->showCell(99, month("2022-01")); }));
    CHECK(ex->state().filter.topics == Ids{"diffusion"});
    CHECK(bumps(*ex, [&] { ex->showCell(kVision, month("2022-05")); }));
    CHECK(visibleIds(*ex) == Ids{"p5"});
}

TEST_CASE("setDigestFilter and setAuthorFilter") {
    auto ex = smallExplorer();
    CHECK(bumps(*ex, [&] { ex->setDigestFilter("2022-03-b"); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(visibleIds(*ex) == Ids{"p1", "p3", "p4"});
    checkMatrixAgrees(*ex);
    // Only the digest's own month counts: p1 and p3 are in other months too.
    CHECK(ex->filteredMatrix().at(kVision, 0) == 0);
    CHECK(ex->filteredMatrix().at(kVision, 2) == 1);
    CHECK(ex->filteredMatrix().at(kDiffusion, 4) == 0);
    CHECK_FALSE(bumps(*ex, [&] { ex->setDigestFilter("2022-03-b"); }));
    CHECK(bumps(*ex, [&] { ex->setDigestFilter("no-such-digest"); }));
    CHECK(ex->visiblePapers().empty());
    CHECK(bumps(*ex, [&] { ex->setDigestFilter(""); }));
    CHECK(visibleIds(*ex) == kAll);

    CHECK(bumps(*ex, [&] { ex->setAuthorFilter("alice"); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(visibleIds(*ex) == Ids{"p1", "p3"});
    CHECK(bumps(*ex, [&] { ex->setAuthorFilter("ZAK"); }));  // folded: case and accents
    CHECK(visibleIds(*ex) == Ids{"p1"});
    CHECK(bumps(*ex, [&] { ex->setAuthorFilter("josé garcía"); }));
    CHECK(visibleIds(*ex) == Ids{"p5"});
    CHECK_FALSE(bumps(*ex, [&] { ex->setAuthorFilter("josé garcía"); }));
    CHECK(bumps(*ex, [&] { ex->setAuthorFilter(""); }));
    CHECK(visibleIds(*ex) == kAll);
}

TEST_CASE("filters combine, and clearFilters resets only the filters") {
    auto ex = smallExplorer();
    ex->setSort(SortOrder::Title);
    ex->setView(View::Papers);
    ex->openPaper("p3");
    ex->setQuery("diffusion");
    ex->toggleTopic("rl");
    ex->setMonthRange(month("2022-05"), month("2022-05"));
    CHECK(visibleIds(*ex) == Ids{"p3"});
    ex->setAuthorFilter("eve");
    CHECK(ex->visiblePapers().empty());
    CHECK(bumps(*ex, [&] { ex->clearFilters(); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK_FALSE(ex->state().filter.active());
    CHECK(ex->state().sort == SortOrder::Title);
    CHECK(ex->state().view == View::Papers);
    CHECK(ex->state().paper == "p3");
    CHECK(visibleIds(*ex) == kAll);
    CHECK_FALSE(bumps(*ex, [&] { ex->clearFilters(); }));
}

TEST_CASE("bookmarkedOnly and unreadOnly follow the reader's marks") {
    auto ex = smallExplorer();
    uint64_t state = ex->stateRevision();
    uint64_t marks = ex->marksRevision();

    ex->toggleBookmark("p2");
    CHECK(ex->marksRevision() == marks + 1);
    CHECK(ex->isBookmarked("p2"));
    CHECK(ex->stateRevision() == state);  // marks are not part of the view state
    CHECK(visibleIds(*ex) == kAll);

    CHECK(bumps(*ex, [&] { ex->setBookmarkedOnly(true); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(visibleIds(*ex) == Ids{"p2"});
    CHECK_FALSE(bumps(*ex, [&] { ex->setBookmarkedOnly(true); }));
    ex->toggleBookmark("p5");
    CHECK(ex->marksRevision() == marks + 2);
    CHECK(visibleIds(*ex) == Ids{"p2", "p5"});
    ex->toggleBookmark("p2");
    CHECK_FALSE(ex->isBookmarked("p2"));
    CHECK(ex->marksRevision() == marks + 3);
    CHECK(visibleIds(*ex) == Ids{"p5"});
    checkFacetsAgree(*ex);
    CHECK(bumps(*ex, [&] { ex->setBookmarkedOnly(false); }));
    CHECK(visibleIds(*ex) == kAll);

    marks = ex->marksRevision();
    ex->setRead("p1", true);
    CHECK(ex->isRead("p1"));
    CHECK(ex->marksRevision() == marks + 1);
    ex->setRead("p1", true);  // already read: no change
    CHECK(ex->marksRevision() == marks + 1);
    ex->setRead("p4", false);  // not read: no change
    CHECK(ex->marksRevision() == marks + 1);
    CHECK(visibleIds(*ex) == kAll);

    CHECK(bumps(*ex, [&] { ex->setUnreadOnly(true); }));
    CHECK(ex->lastChangeWantsHistory());
    CHECK(visibleIds(*ex) == Ids{"p2", "p3", "p4", "p5"});
    ex->setRead("p3", true);
    CHECK(ex->marksRevision() == marks + 2);
    CHECK(visibleIds(*ex) == Ids{"p2", "p4", "p5"});
    checkMatrixAgrees(*ex);
    ex->setRead("p1", false);
    CHECK(ex->marksRevision() == marks + 3);
    CHECK(visibleIds(*ex) == Ids{"p1", "p2", "p4", "p5"});
    CHECK_FALSE(bumps(*ex, [&] { ex->setUnreadOnly(true); }));

    // Both at once.
    ex->setBookmarkedOnly(true);
    CHECK(visibleIds(*ex) == Ids{"p5"});
    ex->setRead("p5", true);
    CHECK(ex->visiblePapers().empty());
}

TEST_CASE("setMarks replaces the marks and the visible papers follow") {
    auto ex = smallExplorer();
    ex->setBookmarkedOnly(true);
    CHECK(ex->visiblePapers().empty());
    ReaderMarks m;
    m.bookmarked = {"p1", "p4", "not-in-corpus"};
    m.read = {"p4"};
    ex->setMarks(m);
    CHECK(ex->isBookmarked("p1"));
    CHECK(ex->isRead("p4"));
    CHECK(visibleIds(*ex) == Ids{"p1", "p4"});
    ex->setUnreadOnly(true);
    CHECK(visibleIds(*ex) == Ids{"p1"});
    ex->setMarks({});
    CHECK(ex->visiblePapers().empty());
}
