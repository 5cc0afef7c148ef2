// The explorer's state and its actions, independent of any UI toolkit: the corpus and its search index,
// the current ViewState, the reader's marks, and the derived results (visible papers, topic x month counts),
// recomputed only when something they depend on changed.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/insights.h"
#include "core/model.h"
#include "core/paper_aliases.h"
#include "core/paper_filter.h"
#include "core/related_papers.h"
#include "core/reader_data.h"
#include "core/search_index.h"
#include "core/view_state.h"

namespace papertide::core {

class Explorer {
public:
    void setCorpus(Corpus corpus, std::vector<Diagnostic> diagnostics);
    // The same with an index built earlier for this corpus (a snapshot's, core/snapshot.h): nothing is rebuilt.
    void setCorpus(Corpus corpus, SearchIndex index, std::vector<Diagnostic> diagnostics);
    const Corpus& corpus() const { return corpus_; }
    const SearchIndex& index() const { return index_; }
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
    // Hands the corpus, its index and its diagnostics over, e.g. to merge a reader's digests into them
    // (core/corpus_merge.h); the explorer shows nothing until setCorpus gives a corpus back.
    struct Contents {
        Corpus corpus;
        SearchIndex index;
        std::vector<Diagnostic> diagnostics;
    };
    Contents takeCorpus();

    // --- view state -------------------------------------------------------------------------------
    const ViewState& state() const { return state_; }
    // From the URL hash or back/forward (no new history entry) or from tools like window.papertide (one).
    void setState(const ViewState& state, bool wantsHistory = false);
    void setQuery(const std::string& query);
    void toggleTopic(const std::string& topicId);
    void setTopics(std::vector<std::string> topicIds);
    void setMonthRange(std::optional<MonthNumber> from, std::optional<MonthNumber> to);
    void showCell(TopicIndex topic, MonthNumber month);  // a timeline click: that topic, that month
    void setDigestFilter(const std::string& digestId);
    void setAuthorFilter(const std::string& author);
    void setBookmarkedOnly(bool on);
    void setUnreadOnly(bool on);
    void setMinPicks(uint32_t picks);                    // recurrence: papers picked at least this often
    void setPaperList(std::vector<std::string> paperIds);  // a shared reading list as a filter
    void setChangesMonth(std::optional<MonthNumber> month);
    void clearFilters();
    void setSort(SortOrder order);
    void setView(View view);
    void setTopicOrder(TopicOrder order);
    void setCollapseEmptyMonths(bool on);
    void openPaper(const std::string& paperId);  // reading is marked explicitly (setRead), not on open
    void closePaper();
    void openDigest(const std::string& digestId);
    void closeDigest();
    // Bumped on every state change: the platform mirrors it into the URL hash.
    uint64_t stateRevision() const { return stateRevision_; }
    // Bumped by setCorpus only: views that derive data from the corpus alone (e.g. the news row) rebuild on it.
    uint64_t corpusRevision() const { return corpusRevision_; }
    // True when the last change deserves its own history entry (typing into the search box does not).
    bool lastChangeWantsHistory() const { return wantsHistory_; }

    // --- reader marks and settings ------------------------------------------------------------------
    const ReaderMarks& marks() const { return marks_; }
    void setMarks(ReaderMarks marks);
    bool isBookmarked(const std::string& paperId) const { return marks_.bookmarked.count(paperId) > 0; }
    bool isRead(const std::string& paperId) const { return marks_.read.count(paperId) > 0; }
    void toggleBookmark(const std::string& paperId);
    void setRead(const std::string& paperId, bool read);
    uint64_t marksRevision() const { return marksRevision_; }
    // Adds every id to the bookmarks (a shared list kept for later); returns how many were new.
    size_t bookmarkAll(const std::vector<std::string>& paperIds);
    // Merges a reading-list file (never removes anything); `message` says what happened.
    bool importReadingList(std::string_view file, std::string& message);
    const Settings& settings() const { return settings_; }
    void setSettings(const Settings& settings);
    uint64_t settingsRevision() const { return settingsRevision_; }

    // --- derived results (cached) ---------------------------------------------------------------------
    const std::vector<PaperIndex>& visiblePapers();
    const TopicMonthMatrix& filteredMatrix();  // the visible papers, within the month range / digest
    const TopicMonthMatrix& totalMatrix();     // every paper: the faint background of the timeline
    // Papers per topic under every filter except the topic filter (live counts beside the topic checkboxes).
    const std::vector<uint32_t>& topicFacetCounts();
    std::vector<TopicIndex> orderedTopics();   // timeline rows in the chosen order
    const std::vector<TopicLifecycle>& lifecycles();  // per topic, computed once per corpus
    const std::vector<NewsLink>& newsLinks();         // every digest's news with what it mentions: on first call per corpus
    std::vector<MonthNumber> visibleMonths();  // every month, or only months with a digest when collapsed
    const Paper* selectedPaper() const { return corpus_.findPaper(state_.paper); }
    int selectedRow();                          // the open paper's row in visiblePapers(), or -1
    // What cross-language search added to the current query, per expanded term (term -> variants, as the
    // glossary writes them): the UI shows "also: diffusion · 扩散模型". Empty when Settings turn it off.
    const std::vector<SearchQuery::Expansion>& queryExpansions();
    // Papers like `paper` by content (tf-idf cosine), shared topics and recurrence, strongest first, each
    // with its reasons. The similarity index is built on the first call after a corpus change.
    std::vector<RelatedPaper> relatedPapers(PaperIndex paper, size_t limit = 8);

private:
    void changed(bool filtersChanged, bool wantsHistory);
    void recompute();

    Corpus corpus_;
    PaperAliases aliases_;  // old ids (title slugs) of papers whose arXiv id became certain
    SearchIndex index_;
    std::vector<Diagnostic> diagnostics_;
    ViewState state_;
    ReaderMarks marks_;
    Settings settings_;
    uint64_t stateRevision_ = 0, marksRevision_ = 0, settingsRevision_ = 0, corpusRevision_ = 0;
    bool wantsHistory_ = false;

    bool dirty_ = true;
    // The last query's matches (with relevance when sorted by it), kept while only other filters change.
    bool matchValid_ = false, matchScored_ = false, matchHasTerms_ = false;
    std::string matchQuery_;
    std::vector<PaperIndex> matched_;
    std::vector<SearchQuery::Expansion> expansions_;
    RelatedIndex related_;
    bool relatedReady_ = false;
    std::vector<uint32_t> matchedScores_;
    PaperMonths paperMonths_;  // the matrix input, flat
    std::vector<PaperIndex> visible_;
    TopicMonthMatrix filtered_, total_;
    std::vector<uint32_t> facetCounts_;
    std::vector<TopicLifecycle> lifecycles_;
    bool lifecyclesReady_ = false;
    std::vector<NewsLink> newsLinks_;
    bool newsLinksReady_ = false;
};

}  // namespace papertide::core
