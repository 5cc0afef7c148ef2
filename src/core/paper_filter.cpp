#include "core/paper_filter.h"

#include <algorithm>

#include "core/text.h"

namespace papertide::core {

namespace {

// Which appearances count under the filter's month range and digest.
struct AppearanceScope {
    MonthNumber from = INT32_MIN;
    MonthNumber to = INT32_MAX;
    bool anyDigest = true;
    DigestIndex digest = 0;
    bool valid = true;  // false when the digest id is unknown: nothing is in scope

    AppearanceScope(const Corpus& corpus, const PaperFilter* filter) {
        if (!filter) return;
        if (filter->from) from = *filter->from;
        if (filter->to) to = *filter->to;
        if (!filter->digest.empty()) {
            auto it = corpus.digestById.find(filter->digest);
            anyDigest = false;
            valid = it != corpus.digestById.end();
            if (valid) digest = it->second;
        }
    }
    bool contains(const Appearance& a) const {
        return valid && a.month >= from && a.month <= to && (anyDigest || a.digest == digest);
    }
    bool restricts() const { return !valid || !anyDigest || from != INT32_MIN || to != INT32_MAX; }
};

}  // namespace

const char* sortOrderName(SortOrder order) {
    switch (order) {
        case SortOrder::Relevance: return "relevance";
        case SortOrder::Newest: return "newest";
        case SortOrder::Oldest: return "oldest";
        case SortOrder::Title: return "title";
        case SortOrder::Recurrence: return "recurrence";
    }
    return "relevance";
}

std::optional<SortOrder> parseSortOrder(std::string_view name) {
    for (SortOrder o : {SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest, SortOrder::Title, SortOrder::Recurrence})
        if (name == sortOrderName(o)) return o;
    return std::nullopt;
}

std::vector<PaperIndex> filterPapers(const Corpus& corpus, const SearchIndex& index, const PaperFilter& filter,
                                     const ReaderMarks& marks) {
    std::vector<PaperIndex> result = index.match(parseSearchQuery(filter.query));
    TopicMask topicMask = 0;
    for (const std::string& id : filter.topics)
        if (auto it = corpus.topicById.find(id); it != corpus.topicById.end()) topicMask |= TopicMask(1) << it->second;
    bool topicFilter = !filter.topics.empty();
    AppearanceScope scope(corpus, &filter);
    std::string author = foldForSearch(filter.author);
    std::vector<char> authorMatches;
    if (!author.empty()) {
        authorMatches.resize(corpus.authors.size());
        for (AuthorIndex a = 0; a < corpus.authors.size(); ++a)
            authorMatches[a] = foldForSearch(corpus.authors[a].name).find(author) != std::string::npos;
    }
    auto keep = [&](PaperIndex pi) {
        const Paper& p = corpus.papers[pi];
        if (topicFilter && (p.topics & topicMask) == 0) return false;
        if (scope.restricts() && std::none_of(p.appearances.begin(), p.appearances.end(), [&](AppearanceIndex a) {
                return scope.contains(corpus.appearances[a]);
            }))
            return false;
        if (!author.empty() && std::none_of(p.authors.begin(), p.authors.end(), [&](AuthorIndex a) { return authorMatches[a] != 0; }))
            return false;
        if (filter.bookmarkedOnly && !marks.bookmarked.count(p.id)) return false;
        if (filter.minPicks > 1 && p.appearances.size() < filter.minPicks) return false;
        if (!filter.paperIds.empty() && std::find(filter.paperIds.begin(), filter.paperIds.end(), p.id) == filter.paperIds.end())
            return false;
        if (filter.unreadOnly && marks.read.count(p.id)) return false;
        return true;
    };
    result.erase(std::remove_if(result.begin(), result.end(), [&](PaperIndex p) { return !keep(p); }), result.end());
    return result;
}

void sortPapers(const Corpus& corpus, const SearchIndex& index, const SearchQuery& query, SortOrder order,
                std::vector<PaperIndex>& papers) {
    const auto& P = corpus.papers;
    // Within a month, the digest's own order (rank of the first appearance) is the natural order.
    auto firstRank = [&](PaperIndex p) { return corpus.appearances[P[p].appearances.front()].rank; };
    auto newest = [&](PaperIndex a, PaperIndex b) {
        if (P[a].lastMonth != P[b].lastMonth) return P[a].lastMonth > P[b].lastMonth;
        return firstRank(a) < firstRank(b);
    };
    if (order == SortOrder::Relevance && query.include.empty()) order = SortOrder::Newest;
    switch (order) {
        case SortOrder::Relevance: {
            std::vector<std::pair<double, PaperIndex>> scored;
            scored.reserve(papers.size());
            for (PaperIndex p : papers) scored.push_back({index.relevance(p, query), p});
            std::stable_sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
                if (a.first != b.first) return a.first > b.first;
                return newest(a.second, b.second);
            });
            for (size_t i = 0; i < papers.size(); ++i) papers[i] = scored[i].second;
            break;
        }
        case SortOrder::Newest: std::stable_sort(papers.begin(), papers.end(), newest); break;
        case SortOrder::Oldest:
            std::stable_sort(papers.begin(), papers.end(), [&](PaperIndex a, PaperIndex b) {
                if (P[a].firstMonth != P[b].firstMonth) return P[a].firstMonth < P[b].firstMonth;
                return firstRank(a) < firstRank(b);
            });
            break;
        case SortOrder::Title: {
            std::vector<std::pair<std::string, PaperIndex>> keyed;
            keyed.reserve(papers.size());
            for (PaperIndex p : papers) keyed.push_back({foldForSearch(P[p].title), p});
            std::stable_sort(keyed.begin(), keyed.end());
            for (size_t i = 0; i < papers.size(); ++i) papers[i] = keyed[i].second;
            break;
        }
        case SortOrder::Recurrence:
            std::stable_sort(papers.begin(), papers.end(), [&](PaperIndex a, PaperIndex b) {
                if (P[a].appearances.size() != P[b].appearances.size()) return P[a].appearances.size() > P[b].appearances.size();
                return newest(a, b);
            });
            break;
    }
}

TopicMonthMatrix countTopicMonths(const Corpus& corpus, const std::vector<PaperIndex>& papers, const PaperFilter* filter) {
    TopicMonthMatrix m;
    m.firstMonth = corpus.firstMonth;
    m.topics = corpus.topics.size();
    m.months = corpus.monthCount();
    m.counts.assign(m.topics * m.months, 0);
    m.topicTotals.assign(m.topics, 0);
    AppearanceScope scope(corpus, filter);
    for (PaperIndex pi : papers) {
        const Paper& p = corpus.papers[pi];
        MonthNumber lastCounted = INT32_MIN;
        bool counted = false;
        for (AppearanceIndex ai : p.appearances) {  // sorted by month: one count per paper per month
            const Appearance& a = corpus.appearances[ai];
            if (!scope.contains(a) || a.month == lastCounted) continue;
            lastCounted = a.month;
            counted = true;
            size_t offset = static_cast<size_t>(a.month - m.firstMonth);
            for (TopicMask bits = p.topics; bits; bits &= bits - 1) {
                TopicIndex t = static_cast<TopicIndex>(__builtin_ctzll(bits));
                uint32_t& cell = m.counts[t * m.months + offset];
                m.maxCount = std::max(m.maxCount, ++cell);
            }
        }
        if (counted)
            for (TopicMask bits = p.topics; bits; bits &= bits - 1) ++m.topicTotals[__builtin_ctzll(bits)];
    }
    return m;
}

std::vector<PaperIndex> papersInCell(const Corpus& corpus, const std::vector<PaperIndex>& papers, TopicIndex topic,
                                     MonthNumber month, const PaperFilter* filter) {
    std::vector<PaperIndex> out;
    AppearanceScope scope(corpus, filter);
    for (PaperIndex pi : papers) {
        const Paper& p = corpus.papers[pi];
        if (!(p.topics >> topic & 1)) continue;
        if (std::any_of(p.appearances.begin(), p.appearances.end(),
                        [&](AppearanceIndex a) {
                            const Appearance& app = corpus.appearances[a];
                            return app.month == month && scope.contains(app);
                        }))
            out.push_back(pi);
    }
    return out;
}

}  // namespace papertide::core
