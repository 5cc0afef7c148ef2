// What the search index prepares from the corpus besides its postings: the size of the folded text (so its buffer
// never reallocates) and the sort ranks and orders (newest, oldest, title, times picked), computed once per corpus
// so sorting a result is a radix sort on ranks or one walk over an order.
#include <algorithm>

#include "core/search_index.h"
#include "core/search_index_internal.h"
#include "core/text.h"

namespace papertide::core::search_detail {

size_t paperTextBound(const Corpus& c, PaperIndex paper) {
    const Paper& p = c.papers[paper];
    size_t bytes = p.title.size() + p.id.size() + 8;
    for (AuthorIndex a : p.authors) bytes += c.authors[a].name.size() + 2;
    for (AppearanceIndex ai : p.appearances) {
        const Appearance& a = c.appearances[ai];
        bytes += a.titleZh.size() + a.summary.size() + a.why.size() + a.insight.size() + 12;
    }
    return bytes;
}

size_t foldedTextBound(const Corpus& c) {
    size_t bytes = 16;
    for (PaperIndex p = 0; p < c.papers.size(); ++p) bytes += paperTextBound(c, p);
    return bytes;
}

namespace {

// sortPapers' orders as comparisons of two papers (equal papers compare equal: they share a rank).
struct SortKeys {
    const Corpus& c;
    std::vector<uint32_t> firstRank;  // per paper: its place in its first digest (one lookup per comparison)
    explicit SortKeys(const Corpus& corpus) : c(corpus), firstRank(corpus.papers.size(), 0) {
        for (PaperIndex p = 0; p < c.papers.size(); ++p)
            if (!c.papers[p].appearances.empty()) firstRank[p] = c.appearances[c.papers[p].appearances.front()].rank;
    }
    bool newest(PaperIndex a, PaperIndex b) const {
        const Paper &x = c.papers[a], &y = c.papers[b];
        if (x.lastMonth != y.lastMonth) return x.lastMonth > y.lastMonth;
        return firstRank[a] < firstRank[b];
    }
    bool oldest(PaperIndex a, PaperIndex b) const {
        const Paper &x = c.papers[a], &y = c.papers[b];
        if (x.firstMonth != y.firstMonth) return x.firstMonth < y.firstMonth;
        return firstRank[a] < firstRank[b];
    }
    // Needs the newest ranks.
    bool recurrence(PaperIndex a, PaperIndex b, const std::vector<uint32_t>& newestRank) const {
        const size_t x = c.papers[a].appearances.size(), y = c.papers[b].appearances.size();
        if (x != y) return x > y;
        return newestRank[a] < newestRank[b];
    }
};

// Dense ranks along an order sorted by `less`: equal neighbours share a rank.
template <typename Less>
void denseRanks(const std::vector<PaperIndex>& order, Less less, std::vector<uint32_t>& out) {
    out.assign(order.size(), 0);
    uint32_t r = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && less(order[i - 1], order[i])) ++r;
        out[order[i]] = r;
    }
}

// `order` sorted by `less`, ties by paper number: `base` (every unchanged paper in that order, changed ones skipped)
// with the changed papers put where they sort. k changed papers cost k log n comparisons, not a sort of all.
template <typename Less>
void mergeOrder(const std::vector<PaperIndex>& base, std::vector<PaperIndex> changed, const std::vector<bool>& isChanged,
                Less less, std::vector<PaperIndex>& order) {
    auto total = [&](PaperIndex a, PaperIndex b) { return less(a, b) || (!less(b, a) && a < b); };
    std::vector<PaperIndex> kept;
    kept.reserve(base.size());
    for (PaperIndex p : base)
        if (!isChanged[p]) kept.push_back(p);
    std::sort(changed.begin(), changed.end(), total);
    order.clear();
    order.reserve(kept.size() + changed.size());
    auto from = kept.begin();
    for (PaperIndex p : changed) {
        auto at = std::lower_bound(from, kept.end(), p, total);
        order.insert(order.end(), from, at);
        order.push_back(p);
        from = at;
    }
    order.insert(order.end(), from, kept.end());
}

}  // namespace

// Dense ranks for sortPapers: equal papers (under each order's comparison) share a rank.
void computeSortRanks(const Corpus& c, std::vector<uint32_t> (&ranks)[4], std::vector<PaperIndex> (&orders)[4]) {
    const size_t n = c.papers.size();
    const SortKeys keys(c);
    auto sortAll = [&](SearchIndex::Rank which, auto less) {
        std::vector<PaperIndex>& order = orders[int(which)];
        order.resize(n);
        for (PaperIndex p = 0; p < n; ++p) order[p] = p;
        std::sort(order.begin(), order.end(), [&](PaperIndex a, PaperIndex b) { return less(a, b) || (!less(b, a) && a < b); });
        denseRanks(order, less, ranks[int(which)]);
    };
    sortAll(SearchIndex::Rank::Newest, [&](PaperIndex a, PaperIndex b) { return keys.newest(a, b); });
    sortAll(SearchIndex::Rank::Oldest, [&](PaperIndex a, PaperIndex b) { return keys.oldest(a, b); });
    const std::vector<uint32_t>& newestRank = ranks[int(SearchIndex::Rank::Newest)];
    sortAll(SearchIndex::Rank::Recurrence, [&](PaperIndex a, PaperIndex b) { return keys.recurrence(a, b, newestRank); });
    // Title order: folded title, then paper index (every paper has its own rank).
    std::vector<std::string> titles(n);
    for (PaperIndex p = 0; p < n; ++p) titles[p] = foldForSearch(c.papers[p].title);
    std::vector<PaperIndex>& order = orders[int(SearchIndex::Rank::Title)];
    order.resize(n);
    for (PaperIndex p = 0; p < n; ++p) order[p] = p;
    std::sort(order.begin(), order.end(), [&](PaperIndex a, PaperIndex b) {
        int cmp = titles[a].compare(titles[b]);
        return cmp != 0 ? cmp < 0 : a < b;
    });
    auto& title = ranks[int(SearchIndex::Rank::Title)];
    title.assign(n, 0);
    for (size_t i = 0; i < n; ++i) title[order[i]] = static_cast<uint32_t>(i);
}

void mergeSortRanks(const Corpus& c, const std::vector<PaperIndex>& changed, size_t basePapers,
                    const std::vector<PaperIndex> (&baseOrders)[4], std::vector<uint32_t> (&ranks)[4],
                    std::vector<PaperIndex> (&orders)[4]) {
    const size_t n = c.papers.size();
    for (const auto& base : baseOrders)
        if (base.size() != basePapers || basePapers > n) return computeSortRanks(c, ranks, orders);
    std::vector<bool> isChanged(n, false);
    for (PaperIndex p : changed) isChanged[p] = true;
    const SortKeys keys(c);
    auto newest = [&](PaperIndex a, PaperIndex b) { return keys.newest(a, b); };
    auto oldest = [&](PaperIndex a, PaperIndex b) { return keys.oldest(a, b); };
    mergeOrder(baseOrders[int(SearchIndex::Rank::Newest)], changed, isChanged, newest, orders[int(SearchIndex::Rank::Newest)]);
    denseRanks(orders[int(SearchIndex::Rank::Newest)], newest, ranks[int(SearchIndex::Rank::Newest)]);
    mergeOrder(baseOrders[int(SearchIndex::Rank::Oldest)], changed, isChanged, oldest, orders[int(SearchIndex::Rank::Oldest)]);
    denseRanks(orders[int(SearchIndex::Rank::Oldest)], oldest, ranks[int(SearchIndex::Rank::Oldest)]);
    const std::vector<uint32_t>& newestRank = ranks[int(SearchIndex::Rank::Newest)];
    auto recurrence = [&](PaperIndex a, PaperIndex b) { return keys.recurrence(a, b, newestRank); };
    mergeOrder(baseOrders[int(SearchIndex::Rank::Recurrence)], changed, isChanged, recurrence,
               orders[int(SearchIndex::Rank::Recurrence)]);
    denseRanks(orders[int(SearchIndex::Rank::Recurrence)], recurrence, ranks[int(SearchIndex::Rank::Recurrence)]);
    // Titles are folded only where compared: the changed papers' and log n others per changed paper.
    std::vector<std::string> changedTitle(n);
    for (PaperIndex p : changed) changedTitle[p] = foldForSearch(c.papers[p].title);
    auto title = [&](PaperIndex a, PaperIndex b) {
        const std::string x = isChanged[a] ? changedTitle[a] : foldForSearch(c.papers[a].title);
        const std::string y = isChanged[b] ? changedTitle[b] : foldForSearch(c.papers[b].title);
        return x < y;
    };
    auto& titleOrder = orders[int(SearchIndex::Rank::Title)];
    mergeOrder(baseOrders[int(SearchIndex::Rank::Title)], changed, isChanged, title, titleOrder);
    auto& titleRank = ranks[int(SearchIndex::Rank::Title)];  // every paper has its own rank
    titleRank.assign(n, 0);
    for (size_t i = 0; i < n; ++i) titleRank[titleOrder[i]] = static_cast<uint32_t>(i);
}

}  // namespace papertide::core::search_detail
