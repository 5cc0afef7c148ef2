#include "core/explorer.h"

#include <algorithm>

#include "core/reading_list.h"

namespace papertide::core {

void Explorer::setCorpus(Corpus corpus, std::vector<Diagnostic> diagnostics) {
    SearchIndex index(corpus);
    setCorpus(std::move(corpus), std::move(index), std::move(diagnostics));
}

void Explorer::setCorpus(Corpus corpus, SearchIndex index, std::vector<Diagnostic> diagnostics) {
    corpus_ = std::move(corpus);
    aliases_.reset(corpus_);
    aliases_.canonicalize(marks_);
    diagnostics_ = std::move(diagnostics);
    index_ = std::move(index);
    total_ = TopicMonthMatrix{};
    std::vector<PaperIndex> all(corpus_.papers.size());
    for (PaperIndex i = 0; i < all.size(); ++i) all[i] = i;
    paperMonths_ = PaperMonths(corpus_);
    total_ = countTopicMonths(corpus_, paperMonths_, all);
    dirty_ = true;
    matchValid_ = false;
    lifecyclesReady_ = false;
    newsLinksReady_ = false;
    relatedReady_ = false;
    ++corpusRevision_;
    ++stateRevision_;
}

Explorer::Contents Explorer::takeCorpus() {
    Contents out{std::move(corpus_), std::move(index_), std::move(diagnostics_)};
    setCorpus(Corpus{}, SearchIndex{}, {});
    return out;
}

void Explorer::changed(bool filtersChanged, bool wantsHistory) {
    if (filtersChanged) dirty_ = true;
    wantsHistory_ = wantsHistory;
    ++stateRevision_;
}

void Explorer::setState(const ViewState& requested, bool wantsHistory) {
    ViewState state = requested;
    aliases_.canonicalize(state);  // a link saved before a paper's id changed
    if (state == state_) return;
    state_ = state;
    changed(true, wantsHistory);
}

void Explorer::setQuery(const std::string& query) {
    if (query == state_.filter.query) return;
    state_.filter.query = query;
    changed(true, false);
}

void Explorer::toggleTopic(const std::string& topicId) {
    auto& topics = state_.filter.topics;
    auto it = std::find(topics.begin(), topics.end(), topicId);
    if (it == topics.end()) topics.push_back(topicId);
    else topics.erase(it);
    changed(true, true);
}

void Explorer::setTopics(std::vector<std::string> topicIds) {
    if (topicIds == state_.filter.topics) return;
    state_.filter.topics = std::move(topicIds);
    changed(true, true);
}

void Explorer::setMonthRange(std::optional<MonthNumber> from, std::optional<MonthNumber> to) {
    if (from && to && *from > *to) std::swap(from, to);
    if (from == state_.filter.from && to == state_.filter.to) return;
    state_.filter.from = from;
    state_.filter.to = to;
    changed(true, true);
}

void Explorer::showCell(TopicIndex topic, MonthNumber month) {
    if (topic >= corpus_.topics.size()) return;
    if (state_.filter.topics == std::vector<std::string>{corpus_.topics[topic].id} && state_.filter.from == month &&
        state_.filter.to == month)
        return;  // the same cell again: no change, no new revision
    state_.filter.topics = {corpus_.topics[topic].id};
    state_.filter.from = month;
    state_.filter.to = month;
    changed(true, true);
}

void Explorer::setDigestFilter(const std::string& digestId) {
    if (digestId == state_.filter.digest) return;
    state_.filter.digest = digestId;
    changed(true, true);
}

void Explorer::setAuthorFilter(const std::string& author) {
    if (author == state_.filter.author) return;
    state_.filter.author = author;
    changed(true, true);
}

void Explorer::setBookmarkedOnly(bool on) {
    if (on == state_.filter.bookmarkedOnly) return;
    state_.filter.bookmarkedOnly = on;
    changed(true, true);
}

void Explorer::setUnreadOnly(bool on) {
    if (on == state_.filter.unreadOnly) return;
    state_.filter.unreadOnly = on;
    changed(true, true);
}

void Explorer::setMinPicks(uint32_t picks) {
    if (picks < 2) picks = 0;  // every paper was picked at least once: no filter
    if (picks == state_.filter.minPicks) return;
    state_.filter.minPicks = picks;
    changed(true, true);
}

void Explorer::setPaperList(std::vector<std::string> paperIds) {
    if (paperIds == state_.filter.paperIds) return;
    state_.filter.paperIds = std::move(paperIds);
    changed(true, true);
}

void Explorer::setChangesMonth(std::optional<MonthNumber> month) {
    if (month == state_.changesMonth) return;
    state_.changesMonth = month;
    changed(false, true);
}

size_t Explorer::bookmarkAll(const std::vector<std::string>& paperIds) {
    size_t added = 0;
    for (const std::string& id : paperIds)
        if (corpus_.paperById.count(id) && marks_.bookmarked.insert(id).second) ++added;
    if (added) {
        ++marksRevision_;
        dirty_ = true;
    }
    return added;
}

bool Explorer::importReadingList(std::string_view file, std::string& message) {
    MergeReport report;
    if (!mergeReadingList(file, marks_, report, message)) return false;
    aliases_.canonicalize(marks_);
    message = describeMerge(report);
    if (report.bookmarksAdded || report.readAdded) {
        ++marksRevision_;
        dirty_ = true;
    }
    return true;
}

const std::vector<TopicLifecycle>& Explorer::lifecycles() {
    if (!lifecyclesReady_) {
        lifecycles_ = topicLifecycles(corpus_);
        lifecyclesReady_ = true;
    }
    return lifecycles_;
}

const std::vector<NewsLink>& Explorer::newsLinks() {
    if (!newsLinksReady_) {
        newsLinks_ = linkNews(corpus_, index_);
        newsLinksReady_ = true;
    }
    return newsLinks_;
}

void Explorer::clearFilters() {
    if (!state_.filter.active()) return;
    state_.filter = PaperFilter{};
    changed(true, true);
}

void Explorer::setSort(SortOrder order) {
    if (order == state_.sort) return;
    state_.sort = order;
    changed(true, true);
}

void Explorer::setView(View view) {
    if (view == state_.view) return;
    state_.view = view;
    changed(false, true);
}

void Explorer::setTopicOrder(TopicOrder order) {
    if (order == state_.topicOrder) return;
    state_.topicOrder = order;
    changed(false, true);
}

void Explorer::setCollapseEmptyMonths(bool on) {
    if (on == state_.collapseEmptyMonths) return;
    state_.collapseEmptyMonths = on;
    changed(false, true);
}

void Explorer::openPaper(const std::string& requested) {
    const std::string& paperId = aliases_.canonical(requested);
    if (paperId == state_.paper) return;
    state_.paper = paperId;
    changed(false, true);
}

void Explorer::closePaper() { openPaper(""); }

void Explorer::openDigest(const std::string& digestId) {
    if (digestId == state_.digest) return;
    state_.digest = digestId;
    changed(false, true);
}

void Explorer::closeDigest() { openDigest(""); }

void Explorer::setMarks(ReaderMarks marks) {
    marks_ = std::move(marks);
    aliases_.canonicalize(marks_);  // marks saved before a paper's id changed
    dirty_ = true;
}

void Explorer::toggleBookmark(const std::string& paperId) {
    if (!marks_.bookmarked.erase(paperId)) marks_.bookmarked.insert(paperId);
    ++marksRevision_;
    if (state_.filter.bookmarkedOnly) dirty_ = true;
}

void Explorer::setRead(const std::string& paperId, bool read) {
    bool changedMark = read ? marks_.read.insert(paperId).second : marks_.read.erase(paperId) > 0;
    if (!changedMark) return;
    ++marksRevision_;
    if (state_.filter.unreadOnly) dirty_ = true;
}

void Explorer::setSettings(const Settings& settings) {
    if (settings == settings_) return;
    if (settings.crossLanguageSearch != settings_.crossLanguageSearch) {
        matchValid_ = false;
        dirty_ = true;
    }
    settings_ = settings;
    ++settingsRevision_;
}

void Explorer::recompute() {
    if (!dirty_) return;
    dirty_ = false;
    // The same results as filterPapers + sortPapers + countTopicMonths, but the search runs only when the
    // query changed, and each step runs once (the facet counts reuse the match and, without a topic
    // filter, the filtered matrix itself).
    const PaperFilter& filter = state_.filter;
    const bool wantScores = state_.sort == SortOrder::Relevance;
    if (!matchValid_ || filter.query != matchQuery_ || (wantScores && !matchScored_)) {
        SearchQuery query = settings_.crossLanguageSearch ? expandSearchQuery(filter.query, corpus_.glossary)
                                                          : parseSearchQuery(filter.query);
        expansions_ = query.expansions;
        matchHasTerms_ = !query.include.empty();
        SearchIndex::Scored m = index_.matchScored(query, wantScores && matchHasTerms_);
        matched_ = std::move(m.papers);
        matchedScores_ = std::move(m.scores);
        matchScored_ = wantScores;
        matchQuery_ = filter.query;
        matchValid_ = true;
    }
    std::vector<PaperIndex> base = matched_;  // every filter but the topics
    std::vector<uint32_t> scores = wantScores && matchHasTerms_ ? matchedScores_ : std::vector<uint32_t>{};
    applyFilters(corpus_, filter, marks_, base, scores.empty() ? nullptr : &scores, false, &paperMonths_);
    visible_ = base;
    if (!filter.topics.empty()) {
        PaperFilter onlyTopics;
        onlyTopics.topics = filter.topics;
        applyFilters(corpus_, onlyTopics, marks_, visible_, scores.empty() ? nullptr : &scores, true, &paperMonths_);
    }
    sortPapersScored(corpus_, index_, matchHasTerms_, state_.sort, visible_, scores);
    filtered_ = countTopicMonths(corpus_, paperMonths_, visible_, &filter);
    if (filter.topics.empty()) {
        facetCounts_ = filtered_.topicTotals;
    } else {
        PaperFilter withoutTopics = filter;
        withoutTopics.topics.clear();
        facetCounts_ = countTopicMonths(corpus_, paperMonths_, base, &withoutTopics).topicTotals;
    }
}

const std::vector<PaperIndex>& Explorer::visiblePapers() {
    recompute();
    return visible_;
}

const std::vector<SearchQuery::Expansion>& Explorer::queryExpansions() {
    recompute();
    return expansions_;
}

std::vector<RelatedPaper> Explorer::relatedPapers(PaperIndex paper, size_t limit) {
    if (!relatedReady_) {
        related_ = RelatedIndex(index_);
        relatedReady_ = true;
    }
    return related_.related(corpus_, index_, paper, limit);
}

const TopicMonthMatrix& Explorer::filteredMatrix() {
    recompute();
    return filtered_;
}

const TopicMonthMatrix& Explorer::totalMatrix() { return total_; }

const std::vector<uint32_t>& Explorer::topicFacetCounts() {
    recompute();
    return facetCounts_;
}

std::vector<TopicIndex> Explorer::orderedTopics() {
    std::vector<TopicIndex> rows(corpus_.topics.size());
    for (TopicIndex t = 0; t < rows.size(); ++t) rows[t] = t;
    const TopicMonthMatrix& total = totalMatrix();
    auto firstSeen = [&](TopicIndex t) {
        for (size_t m = 0; m < total.months; ++m)
            if (total.at(t, m)) return m;
        return total.months;
    };
    switch (state_.topicOrder) {
        case TopicOrder::Total:
            std::stable_sort(rows.begin(), rows.end(),
                             [&](TopicIndex a, TopicIndex b) { return total.topicTotals[a] > total.topicTotals[b]; });
            break;
        case TopicOrder::FirstSeen:
            std::stable_sort(rows.begin(), rows.end(), [&](TopicIndex a, TopicIndex b) { return firstSeen(a) < firstSeen(b); });
            break;
        case TopicOrder::Label:
            std::stable_sort(rows.begin(), rows.end(),
                             [&](TopicIndex a, TopicIndex b) { return corpus_.topics[a].labelEn < corpus_.topics[b].labelEn; });
            break;
        case TopicOrder::Newest: {
            const auto& life = lifecycles();
            std::stable_sort(rows.begin(), rows.end(), [&](TopicIndex a, TopicIndex b) {
                bool newA = life[a].trend == Trend::New, newB = life[b].trend == Trend::New;
                if (newA != newB) return newA;
                return life[a].firstMonth > life[b].firstMonth;
            });
            break;
        }
        case TopicOrder::Faded: {
            const auto& life = lifecycles();
            // Dormant, then fading (largest drop first), then the rest by how recently they were seen.
            // Topics never seen at all come last: nothing faded there.
            auto rank = [&](TopicIndex t) {
                if (life[t].firstMonth < 0) return 3;
                return life[t].trend == Trend::Dormant ? 0 : life[t].trend == Trend::Fading ? 1 : 2;
            };
            std::stable_sort(rows.begin(), rows.end(), [&](TopicIndex a, TopicIndex b) {
                if (rank(a) != rank(b)) return rank(a) < rank(b);
                double dropA = life[a].earlierShare - life[a].recentShare, dropB = life[b].earlierShare - life[b].recentShare;
                if (dropA != dropB) return dropA > dropB;
                return life[a].latestMonth < life[b].latestMonth;
            });
            break;
        }
    }
    return rows;
}

std::vector<MonthNumber> Explorer::visibleMonths() {
    std::vector<MonthNumber> months;
    std::vector<char> hasDigest(corpus_.monthCount(), 0);
    for (const Digest& d : corpus_.digests) hasDigest[d.month - corpus_.firstMonth] = 1;
    for (MonthNumber m = corpus_.firstMonth; m <= corpus_.lastMonth; ++m)
        if (!state_.collapseEmptyMonths || hasDigest[m - corpus_.firstMonth]) months.push_back(m);
    return months;
}

int Explorer::selectedRow() {
    const Paper* p = selectedPaper();
    if (!p) return -1;
    PaperIndex pi = static_cast<PaperIndex>(p - corpus_.papers.data());
    const auto& rows = visiblePapers();
    auto it = std::find(rows.begin(), rows.end(), pi);
    return it == rows.end() ? -1 : static_cast<int>(it - rows.begin());
}

}  // namespace papertide::core
