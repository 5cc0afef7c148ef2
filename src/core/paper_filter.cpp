#include "core/paper_filter.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

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
    bool contains(const Appearance& a) const { return contains(a.month, a.digest); }
    bool contains(MonthNumber month, DigestIndex d) const {
        return valid && month >= from && month <= to && (anyDigest || d == digest);
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

void applyFilters(const Corpus& corpus, const PaperFilter& filter, const ReaderMarks& marks,
                  std::vector<PaperIndex>& papers, std::vector<uint32_t>* aligned, bool includeTopics,
                  const PaperMonths* flat) {
    if (flat && flat->paperCount() != corpus.papers.size()) flat = nullptr;
    TopicMask topicMask = 0;
    for (const std::string& id : filter.topics)
        if (auto it = corpus.topicById.find(id); it != corpus.topicById.end()) topicMask |= TopicMask(1) << it->second;
    bool topicFilter = includeTopics && !filter.topics.empty();
    AppearanceScope scope(corpus, &filter);
    std::string author = foldForSearch(filter.author);
    std::vector<char> authorMatches;
    if (!author.empty()) {
        authorMatches.resize(corpus.authors.size());
        for (AuthorIndex a = 0; a < corpus.authors.size(); ++a)
            authorMatches[a] = foldForSearch(corpus.authors[a].name).find(author) != std::string::npos;
    }
    std::unordered_set<std::string_view> listed(filter.paperIds.begin(), filter.paperIds.end());
    const bool restricts = scope.restricts();
    auto inScope = [&](PaperIndex pi) {
        if (!scope.valid) return false;
        if (flat) return flat->appearsIn(pi, scope.from, scope.to, scope.anyDigest, scope.digest);
        const Paper& p = corpus.papers[pi];
        return std::any_of(p.appearances.begin(), p.appearances.end(),
                           [&](AppearanceIndex a) { return scope.contains(corpus.appearances[a]); });
    };
    auto keep = [&](PaperIndex pi) {
        if (topicFilter && ((flat ? flat->topics(pi) : corpus.papers[pi].topics) & topicMask) == 0) return false;
        if (restricts && !inScope(pi)) return false;
        const Paper& p = corpus.papers[pi];
        if (!author.empty() && std::none_of(p.authors.begin(), p.authors.end(), [&](AuthorIndex a) { return authorMatches[a] != 0; }))
            return false;
        if (filter.bookmarkedOnly && !marks.bookmarked.count(p.id)) return false;
        if (filter.minPicks > 1 && p.appearances.size() < filter.minPicks) return false;
        if (!filter.paperIds.empty() && !listed.count(p.id)) return false;
        if (filter.unreadOnly && marks.read.count(p.id)) return false;
        return true;
    };
    const bool any = topicFilter || restricts || !author.empty() || filter.bookmarkedOnly || filter.minPicks > 1 ||
                     !filter.paperIds.empty() || filter.unreadOnly;
    if (!any) return;
    size_t kept = 0;
    for (size_t i = 0; i < papers.size(); ++i) {
        if (!keep(papers[i])) continue;
        if (aligned) (*aligned)[kept] = (*aligned)[i];
        papers[kept++] = papers[i];
    }
    papers.resize(kept);
    if (aligned) aligned->resize(kept);
}

SearchQuery searchQueryOf(const Corpus& corpus, const PaperFilter& filter, bool crossLanguage) {
    return crossLanguage ? expandSearchQuery(filter.query, corpus.glossary) : parseSearchQuery(filter.query);
}

std::vector<PaperIndex> filterPapers(const Corpus& corpus, const SearchIndex& index, const PaperFilter& filter,
                                     const ReaderMarks& marks, bool crossLanguage) {
    std::vector<PaperIndex> result = index.match(searchQueryOf(corpus, filter, crossLanguage));
    applyFilters(corpus, filter, marks, result);
    return result;
}

static TopicMonthMatrix zeroMatrix(const Corpus& corpus) {
    TopicMonthMatrix m;
    m.firstMonth = corpus.firstMonth;
    m.topics = corpus.topics.size();
    m.months = corpus.monthCount();
    m.counts.assign(m.topics * m.months, 0);
    m.topicTotals.assign(m.topics, 0);
    return m;
}

TopicMonthMatrix countTopicMonths(const Corpus& corpus, const std::vector<PaperIndex>& papers, const PaperFilter* filter) {
    TopicMonthMatrix m = zeroMatrix(corpus);
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

PaperMonths::PaperMonths(const Corpus& corpus) {
    topics_.reserve(corpus.papers.size());
    first_.reserve(corpus.papers.size() + 1);
    months_.reserve(corpus.appearances.size());
    digests_.reserve(corpus.appearances.size());
    for (const Paper& p : corpus.papers) {
        topics_.push_back(p.topics);
        first_.push_back(static_cast<uint32_t>(months_.size()));
        for (AppearanceIndex ai : p.appearances) {
            months_.push_back(corpus.appearances[ai].month);
            digests_.push_back(corpus.appearances[ai].digest);
        }
    }
    first_.push_back(static_cast<uint32_t>(months_.size()));
}

TopicMonthMatrix countTopicMonths(const Corpus& corpus, const PaperMonths& flat, const std::vector<PaperIndex>& papers,
                                  const PaperFilter* filter) {
    const size_t n = corpus.papers.size();
    if (flat.paperCount() != n) return countTopicMonths(corpus, papers, filter);
    TopicMonthMatrix m = zeroMatrix(corpus);
    AppearanceScope scope(corpus, filter);
    const bool restricts = scope.restricts();
    uint32_t* counts = m.counts.data();
    auto count = [&](PaperIndex pi) {
        const TopicMask topics = flat.topics_[pi];
        MonthNumber lastCounted = INT32_MIN;
        bool counted = false;
        for (uint32_t a = flat.first_[pi], end = flat.first_[pi + 1]; a < end; ++a) {  // by month
            const MonthNumber month = flat.months_[a];
            if (month == lastCounted || (restricts && !scope.contains(month, flat.digests_[a]))) continue;
            lastCounted = month;
            counted = true;
            const size_t offset = static_cast<size_t>(month - m.firstMonth);
            for (TopicMask bits = topics; bits; bits &= bits - 1) ++counts[size_t(__builtin_ctzll(bits)) * m.months + offset];
        }
        if (counted)
            for (TopicMask bits = topics; bits; bits &= bits - 1) ++m.topicTotals[__builtin_ctzll(bits)];
    };
    // Many papers: visit them in index order (the arrays stream through the cache) via a bitset.
    bool done = false;
    if (papers.size() * 16 >= n && n > 0) {
        std::vector<uint64_t> bits((n + 63) / 64, 0);
        bool duplicate = false;
        for (PaperIndex p : papers) {
            uint64_t bit = uint64_t(1) << (p & 63);
            duplicate |= (bits[p >> 6] & bit) != 0;
            bits[p >> 6] |= bit;
        }
        if (!duplicate) {
            for (size_t w = 0; w < bits.size(); ++w)
                for (uint64_t word = bits[w]; word; word &= word - 1) count(static_cast<PaperIndex>(w * 64 + __builtin_ctzll(word)));
            done = true;
        }
    }
    if (!done)
        for (PaperIndex p : papers) count(p);
    for (uint32_t c : m.counts) m.maxCount = std::max(m.maxCount, c);
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
