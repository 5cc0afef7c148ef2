// The explorer's state as a whole (core/explorer.h): a new and a loaded explorer, the revisions, settings, the
// history flag, setState, actions that change nothing, and sort orders with the selected row.
#include <functional>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "explorer_test_support.h"

using namespace papertide::core;
using namespace papertide::test;
using namespace papertide::test::explorer;

namespace {

std::vector<PaperIndex> allPapers(const Corpus& c) {
    std::vector<PaperIndex> all(c.papers.size());
    for (PaperIndex i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

}  // namespace

TEST_CASE("a new explorer is empty and safe to query") {
    Explorer ex;
    CHECK(ex.visiblePapers().empty());
    CHECK(ex.visibleMonths().empty());
    CHECK(ex.orderedTopics().empty());
    CHECK(ex.selectedPaper() == nullptr);
    CHECK(ex.selectedRow() == -1);
    CHECK(ex.state() == ViewState{});
    CHECK(ex.stateRevision() == 0);
    CHECK(ex.marksRevision() == 0);
    CHECK(ex.settingsRevision() == 0);
}

TEST_CASE("setCorpus shows every paper and bumps the state revision") {
    Explorer ex;
    uint64_t before = ex.stateRevision(), corpusBefore = ex.corpusRevision();
    ex.setCorpus(smallCorpus().corpus, {});
    CHECK(ex.stateRevision() > before);
    CHECK(ex.corpusRevision() == corpusBefore + 1);
    ex.setQuery("diffusion");  // a state change is not a corpus change
    CHECK(ex.corpusRevision() == corpusBefore + 1);
    ex.setQuery("");
    CHECK(visibleIds(ex) == kAll);
    CHECK(ex.corpus().papers.size() == 5);
    CHECK(ex.diagnostics().empty());

    auto s = seedExplorer();
    CHECK(s->visiblePapers().size() == seed().corpus.papers.size());
    CHECK(sorted(paperIds(s->corpus(), s->visiblePapers())) == sorted(paperIds(seed().corpus, allPapers(seed().corpus))));
    CHECK(s->diagnostics().size() == seed().diagnostics.size());
}

TEST_CASE("setSettings bumps the settings revision only on change") {
    auto ex = smallExplorer();
    uint64_t state = ex->stateRevision();
    CHECK(ex->settings() == Settings{});
    ex->setSettings(Settings{});
    CHECK(ex->settingsRevision() == 0);
    Settings s;
    s.theme = Theme::Dark;
    ex->setSettings(s);
    CHECK(ex->settingsRevision() == 1);
    CHECK(ex->settings() == s);
    ex->setSettings(s);
    CHECK(ex->settingsRevision() == 1);
    s.language = Language::Chinese;
    ex->setSettings(s);
    CHECK(ex->settingsRevision() == 2);
    CHECK(ex->settings().language == Language::Chinese);
    CHECK(ex->stateRevision() == state);
    CHECK(ex->marksRevision() == 0);
}

TEST_CASE("lastChangeWantsHistory per action") {
    auto ex = smallExplorer();
    ex->setQuery("vision");
    CHECK_FALSE(ex->lastChangeWantsHistory());
    ex->toggleTopic("vision");
    CHECK(ex->lastChangeWantsHistory());
    ex->setQuery("image");
    CHECK_FALSE(ex->lastChangeWantsHistory());
    ex->openPaper("p1");
    CHECK(ex->lastChangeWantsHistory());

    ViewState s = ex->state();
    s.filter.query = "transformers";
    CHECK(bumps(*ex, [&] { ex->setState(s); }));
    CHECK_FALSE(ex->lastChangeWantsHistory());
    CHECK(ex->state() == s);
    s.view = View::Digests;
    CHECK(bumps(*ex, [&] { ex->setState(s, true); }));
    CHECK(ex->lastChangeWantsHistory());
    // The same state again is a no-op, whatever the flag.
    CHECK_FALSE(bumps(*ex, [&] { ex->setState(s, false); }));
    CHECK(ex->lastChangeWantsHistory());

    for (auto action : std::vector<std::function<void()>>{
             [&] { ex->setSort(SortOrder::Oldest); }, [&] { ex->setView(View::Timeline); },
             [&] { ex->setTopicOrder(TopicOrder::Label); }, [&] { ex->setCollapseEmptyMonths(true); },
             [&] { ex->closePaper(); }, [&] { ex->openDigest("2022-01-a"); }, [&] { ex->closeDigest(); }}) {
        ex->setQuery(ex->state().filter.query + "x");
        REQUIRE_FALSE(ex->lastChangeWantsHistory());
        CHECK(bumps(*ex, action));
        CHECK(ex->lastChangeWantsHistory());
    }
}

TEST_CASE("setState applies a whole state and the derived results follow") {
    auto ex = smallExplorer();
    ViewState s;
    s.filter.topics = {"diffusion"};
    s.filter.from = month("2022-05");
    s.sort = SortOrder::Oldest;
    s.paper = "p5";
    ex->setState(s);
    CHECK(ex->state() == s);
    CHECK(visibleInOrder(*ex) == Ids{"p3", "p5"});
    CHECK(ex->selectedRow() == 1);
    checkMatrixAgrees(*ex);
    ex->setState(ViewState{});
    CHECK(visibleIds(*ex) == kAll);
    CHECK(ex->selectedPaper() == nullptr);
}

TEST_CASE("view-only changes and no-op actions") {
    auto ex = smallExplorer();
    std::vector<PaperIndex> before = ex->visiblePapers();
    CHECK(bumps(*ex, [&] { ex->setView(View::Papers); }));
    CHECK(bumps(*ex, [&] { ex->setTopicOrder(TopicOrder::FirstSeen); }));
    CHECK(bumps(*ex, [&] { ex->setCollapseEmptyMonths(true); }));
    CHECK(bumps(*ex, [&] { ex->openDigest("2022-03-b"); }));
    CHECK(ex->state().digest == "2022-03-b");
    CHECK(ex->state().filter.digest.empty());  // the open page is not the digest filter
    CHECK(ex->visiblePapers() == before);

    CHECK_FALSE(bumps(*ex, [&] { ex->setView(View::Papers); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setTopicOrder(TopicOrder::FirstSeen); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setCollapseEmptyMonths(true); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->openDigest("2022-03-b"); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setSort(SortOrder::Relevance); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setQuery(""); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setTopics({}); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setMonthRange(std::nullopt, std::nullopt); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setDigestFilter(""); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setAuthorFilter(""); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setBookmarkedOnly(false); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setUnreadOnly(false); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->clearFilters(); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->closePaper(); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setState(ex->state()); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setState(ex->state(), true); }));
    CHECK(bumps(*ex, [&] { ex->closeDigest(); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->closeDigest(); }));
    // Marks never touch the state revision.
    CHECK_FALSE(bumps(*ex, [&] { ex->toggleBookmark("p1"); }));
    CHECK_FALSE(bumps(*ex, [&] { ex->setRead("p1", true); }));
}

TEST_CASE("sort orders and the selected row") {
    auto ex = smallExplorer();
    ex->setSort(SortOrder::Oldest);
    CHECK(visibleInOrder(*ex) == Ids{"p1", "p2", "p3", "p4", "p5"});
    ex->setSort(SortOrder::Title);
    CHECK(visibleInOrder(*ex) == Ids{"p4", "p5", "p2", "p3", "p1"});
    ex->setSort(SortOrder::Recurrence);
    Ids recurrence = visibleInOrder(*ex);
    CHECK(sorted({recurrence[0], recurrence[1]}) == Ids{"p1", "p3"});  // the two papers recommended twice

    ex->setSort(SortOrder::Title);
    CHECK(ex->selectedPaper() == nullptr);
    CHECK(ex->selectedRow() == -1);
    ex->openPaper("p2");
    REQUIRE(ex->selectedPaper() != nullptr);
    CHECK(ex->selectedPaper()->id == "p2");
    CHECK(ex->selectedRow() == 2);
    ex->setSort(SortOrder::Oldest);
    CHECK(ex->selectedRow() == 1);
    // Filtered out: still the selected paper, but no row.
    ex->toggleTopic("vision");
    CHECK(ex->selectedPaper() != nullptr);
    CHECK(ex->selectedRow() == -1);
    ex->toggleTopic("vision");
    CHECK(ex->selectedRow() == 1);
    ex->openPaper("not-a-paper");
    CHECK(ex->selectedPaper() == nullptr);
    CHECK(ex->selectedRow() == -1);
    ex->closePaper();
    CHECK(ex->state().paper.empty());
    CHECK(ex->selectedRow() == -1);
}
