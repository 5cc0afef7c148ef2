// The explorer's state, actions, revisions and cached derived results (core/explorer.h).
#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

using Ids = std::vector<std::string>;

// Topics of the test taxonomy, by index.
constexpr TopicIndex kLm = 0, kDiffusion = 1, kRl = 2, kVision = 3, kGeneral = 4;

// p1..p5 over 2022-01..2022-05 (02 and 04 have no digest):
//   2022-01-a: p1 [vision], p2 [language-models]
//   2022-03-b: p3 [diffusion, rl], p4 [diffusion], p1 [vision]
//   2022-05-c: p5 [diffusion, vision], p3 [diffusion, rl]
// Topic totals: diffusion 3, vision 2, language-models 1, rl 1, general 0.
const Loaded& smallCorpus() {
    static const Loaded loaded = [] {
        ojson a = digestJson("2022-01-a", "2022-01",
                             {paperJson("p1", "Vision Transformers at Scale", {"Alice Żak", "Bob Stone"}, {"vision"}),
                              paperJson("p2", "Large Language Model Survey", {"Carol King"}, {"language-models"})});
        ojson b = digestJson("2022-03-b", "2022-03",
                             {paperJson("p3", "Reward Shaping with Diffusion", {"Dan Brown", "Alice Wong"}, {"diffusion", "rl"}),
                              paperJson("p4", "Denoising Diffusion Models", {"Eve Adams"}, {"diffusion"}, {{"summary", "扩散模型的综述"}}),
                              paperJson("p1", "Vision Transformers at Scale", {"Alice Żak", "Bob Stone"}, {"vision"})});
        ojson c = digestJson("2022-05-c", "2022-05",
                             {paperJson("p5", "Image Diffusion", {"José García"}, {"diffusion", "vision"}),
                              paperJson("p3", "Reward Shaping with Diffusion", {"Dan Brown", "Alice Wong"}, {"diffusion", "rl"})});
        Loaded l = loadSynthetic({c, a, b});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.papers.size() == 5);
        return l;
    }();
    return loaded;
}

// The Explorer holds a search index over its own corpus: keep it in place.
std::unique_ptr<Explorer> smallExplorer() {
    auto ex = std::make_unique<Explorer>();
    ex->setCorpus(smallCorpus().corpus, smallCorpus().diagnostics);
    return ex;
}

std::unique_ptr<Explorer> seedExplorer() {
    auto ex = std::make_unique<Explorer>();
    ex->setCorpus(seed().corpus, seed().diagnostics);
    return ex;
}

Ids visibleIds(Explorer& ex) { return sorted(paperIds(ex.corpus(), ex.visiblePapers())); }

Ids visibleInOrder(Explorer& ex) { return paperIds(ex.corpus(), ex.visiblePapers()); }

const Ids kAll = {"p1", "p2", "p3", "p4", "p5"};

// Runs `action` and reports whether stateRevision moved.
template <typename F>
bool bumps(Explorer& ex, F action) {
    uint64_t before = ex.stateRevision();
    action();
    return ex.stateRevision() != before;
}

std::vector<PaperIndex> allPapers(const Corpus& c) {
    std::vector<PaperIndex> all(c.papers.size());
    for (PaperIndex i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

// The filtered matrix must equal a fresh count over the visible papers within the filter's scope.
void checkMatrixAgrees(Explorer& ex) {
    std::vector<PaperIndex> visible = ex.visiblePapers();
    TopicMonthMatrix expected = countTopicMonths(ex.corpus(), visible, &ex.state().filter);
    const TopicMonthMatrix& m = ex.filteredMatrix();
    CHECK(m.firstMonth == expected.firstMonth);
    CHECK(m.topics == expected.topics);
    CHECK(m.months == expected.months);
    CHECK(m.counts == expected.counts);
    CHECK(m.topicTotals == expected.topicTotals);
    CHECK(m.maxCount == expected.maxCount);
}

// Facet counts: the same filter without its topics, counted per topic.
void checkFacetsAgree(Explorer& ex) {
    PaperFilter withoutTopics = ex.state().filter;
    withoutTopics.topics.clear();
    std::vector<PaperIndex> papers = filterPapers(ex.corpus(), ex.index(), withoutTopics, ex.marks());
    CHECK(ex.topicFacetCounts() == countTopicMonths(ex.corpus(), papers, &withoutTopics).topicTotals);
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

TEST_CASE("filteredMatrix and totalMatrix on the small corpus") {
    auto ex = smallExplorer();
    const TopicMonthMatrix& total = ex->totalMatrix();
    CHECK(total.firstMonth == month("2022-01"));
    CHECK(total.months == 5);
    CHECK(total.topics == 5);
    CHECK(total.topicTotals == std::vector<uint32_t>{1, 3, 1, 2, 0});
    CHECK(total.at(kDiffusion, 2) == 2);
    CHECK(total.at(kDiffusion, 4) == 2);
    CHECK(total.at(kVision, 0) == 1);
    CHECK(total.at(kVision, 2) == 1);
    CHECK(total.at(kLm, 0) == 1);
    CHECK(total.at(kRl, 1) == 0);
    CHECK(total.maxCount == 2);
    checkMatrixAgrees(*ex);
    CHECK(ex->filteredMatrix().counts == total.counts);

    ex->setQuery("diffusion");
    ex->toggleTopic("rl");
    CHECK(visibleIds(*ex) == Ids{"p3"});
    checkMatrixAgrees(*ex);
    CHECK(ex->filteredMatrix().topicTotals == std::vector<uint32_t>{0, 1, 1, 0, 0});
    // The total matrix never changes with the filters.
    CHECK(ex->totalMatrix().topicTotals == std::vector<uint32_t>{1, 3, 1, 2, 0});
}

TEST_CASE("topicFacetCounts ignore the topic filter and honour the others") {
    auto ex = smallExplorer();
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{1, 3, 1, 2, 0});
    ex->toggleTopic("language-models");
    CHECK(visibleIds(*ex) == Ids{"p2"});
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{1, 3, 1, 2, 0});
    ex->setQuery("diffusion");
    CHECK(ex->visiblePapers().empty());
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 3, 1, 1, 0});
    checkFacetsAgree(*ex);
    ex->setMonthRange(month("2022-03"), month("2022-03"));
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 2, 1, 0, 0});
    checkFacetsAgree(*ex);
    ex->setQuery("");
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 2, 1, 1, 0});
    ex->setDigestFilter("2022-01-a");
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 0, 0, 0, 0});  // that digest is outside the months
    ex->setMonthRange(std::nullopt, std::nullopt);
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{1, 0, 0, 1, 0});
    ex->setAuthorFilter("bob");
    CHECK(ex->topicFacetCounts() == std::vector<uint32_t>{0, 0, 0, 1, 0});
    checkFacetsAgree(*ex);
}

TEST_CASE("orderedTopics for each topic order") {
    auto ex = smallExplorer();
    // Total: diffusion 3, vision 2, then language-models and rl (1 each, taxonomy order), general 0.
    CHECK(ex->orderedTopics() == std::vector<TopicIndex>{kDiffusion, kVision, kLm, kRl, kGeneral});
    // First seen: language-models and vision in 2022-01, diffusion and rl in 2022-03, general never (last).
    ex->setTopicOrder(TopicOrder::FirstSeen);
    CHECK(ex->orderedTopics() == std::vector<TopicIndex>{kLm, kVision, kDiffusion, kRl, kGeneral});
    // Label: Diffusion, General ML, Language models, Reinforcement learning, Vision.
    ex->setTopicOrder(TopicOrder::Label);
    CHECK(ex->orderedTopics() == std::vector<TopicIndex>{kDiffusion, kGeneral, kLm, kRl, kVision});
    // The order is over all papers, not the filtered ones.
    ex->setTopicOrder(TopicOrder::Total);
    ex->toggleTopic("language-models");
    CHECK(ex->orderedTopics() == std::vector<TopicIndex>{kDiffusion, kVision, kLm, kRl, kGeneral});
}

TEST_CASE("visibleMonths with and without collapseEmptyMonths") {
    auto ex = smallExplorer();
    CHECK(ex->visibleMonths() ==
          std::vector<MonthNumber>{month("2022-01"), month("2022-02"), month("2022-03"), month("2022-04"), month("2022-05")});
    ex->setCollapseEmptyMonths(true);
    CHECK(ex->visibleMonths() == std::vector<MonthNumber>{month("2022-01"), month("2022-03"), month("2022-05")});

    auto s = seedExplorer();
    std::vector<MonthNumber> all = s->visibleMonths();
    REQUIRE(all.size() == 17);
    CHECK(all.front() == month("2021-11"));
    CHECK(all.back() == month("2023-03"));
    for (size_t i = 1; i < all.size(); ++i) CHECK(all[i] == all[i - 1] + 1);
    s->setCollapseEmptyMonths(true);
    std::vector<MonthNumber> collapsed = s->visibleMonths();
    CHECK(collapsed == std::vector<MonthNumber>{month("2021-11"), month("2021-12"), month("2022-04"), month("2022-06"),
                                                month("2023-03")});
}

TEST_CASE("the seed corpus through the explorer") {
    auto ex = seedExplorer();
    const Corpus& c = ex->corpus();
    REQUIRE(c.topics.size() > 3);

    SUBCASE("no filters: facets and the filtered matrix equal the totals") {
        CHECK(ex->topicFacetCounts() == ex->totalMatrix().topicTotals);
        CHECK(ex->filteredMatrix().counts == ex->totalMatrix().counts);
        checkMatrixAgrees(*ex);
    }

    SUBCASE("topic filters keep exactly the papers with one of the topics") {
        std::vector<TopicIndex> rows = ex->orderedTopics();
        TopicIndex a = rows[0], b = rows[1];
        ex->toggleTopic(c.topics[a].id);
        CHECK(ex->visiblePapers().size() == ex->totalMatrix().topicTotals[a]);
        ex->toggleTopic(c.topics[b].id);
        size_t expected = 0;
        for (const Paper& p : c.papers) expected += (p.topics >> a & 1) || (p.topics >> b & 1);
        CHECK(ex->visiblePapers().size() == expected);
        for (PaperIndex pi : ex->visiblePapers()) CHECK((c.papers[pi].topics >> a & 1 || c.papers[pi].topics >> b & 1));
        checkMatrixAgrees(*ex);
        checkFacetsAgree(*ex);
        CHECK(ex->topicFacetCounts() == ex->totalMatrix().topicTotals);
    }

    SUBCASE("a query, a month range and a digest") {
        ex->setQuery("model");
        size_t matched = ex->visiblePapers().size();
        CHECK(matched > 0);
        CHECK(matched < c.papers.size());
        checkMatrixAgrees(*ex);
        checkFacetsAgree(*ex);
        ex->setMonthRange(month("2022-06"), month("2021-12"));
        CHECK(ex->state().filter.from == month("2021-12"));
        CHECK(ex->visiblePapers().size() <= matched);
        for (PaperIndex pi : ex->visiblePapers()) {
            const Paper& p = c.papers[pi];
            CHECK(std::any_of(p.appearances.begin(), p.appearances.end(), [&](AppearanceIndex a) {
                return c.appearances[a].month >= month("2021-12") && c.appearances[a].month <= month("2022-06");
            }));
        }
        checkMatrixAgrees(*ex);
        ex->setQuery("");
        ex->setMonthRange(std::nullopt, std::nullopt);
        ex->setDigestFilter("2022-06-zeta-alpha-trends");
        CHECK(ex->visiblePapers().size() == 10);
        checkMatrixAgrees(*ex);
        checkFacetsAgree(*ex);
    }

    SUBCASE("topic orders are permutations with the promised order") {
        const TopicMonthMatrix& total = ex->totalMatrix();
        auto firstSeen = [&](TopicIndex t) {
            for (size_t m = 0; m < total.months; ++m)
                if (total.at(t, m)) return m;
            return total.months;
        };
        for (TopicOrder order : {TopicOrder::Total, TopicOrder::FirstSeen, TopicOrder::Label}) {
            CAPTURE(topicOrderName(order));
            ex->setTopicOrder(order);
            std::vector<TopicIndex> rows = ex->orderedTopics();
            std::vector<TopicIndex> check = rows;
            std::sort(check.begin(), check.end());
            std::vector<TopicIndex> identity(c.topics.size());
            for (TopicIndex t = 0; t < identity.size(); ++t) identity[t] = t;
            REQUIRE(check == identity);
            for (size_t i = 1; i < rows.size(); ++i) {
                TopicIndex x = rows[i - 1], y = rows[i];
                if (order == TopicOrder::Total) {
                    CHECK(total.topicTotals[x] >= total.topicTotals[y]);
                    if (total.topicTotals[x] == total.topicTotals[y]) CHECK(x < y);
                } else if (order == TopicOrder::FirstSeen) {
                    CHECK(firstSeen(x) <= firstSeen(y));
                    if (firstSeen(x) == firstSeen(y)) CHECK(x < y);
                } else {
                    CHECK(c.topics[x].labelEn <= c.topics[y].labelEn);
                }
            }
        }
    }

    SUBCASE("selected row of a seed paper") {
        ex->openPaper("arxiv:2205.06175");
        REQUIRE(ex->selectedPaper() != nullptr);
        CHECK(ex->selectedPaper()->title == "A Generalist Agent");
        int row = ex->selectedRow();
        REQUIRE(row >= 0);
        CHECK(c.papers[ex->visiblePapers()[row]].id == "arxiv:2205.06175");
    }
}
