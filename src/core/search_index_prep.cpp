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

// Dense ranks for sortPapers: equal papers (under each order's comparison) share a rank.
void computeSortRanks(const Corpus& c, std::vector<uint32_t> (&ranks)[4], std::vector<PaperIndex> (&orders)[4]) {
    const auto& P = c.papers;
    const size_t n = P.size();
    std::vector<uint32_t> firstRank(n, 0);
    for (PaperIndex p = 0; p < n; ++p)
        if (!P[p].appearances.empty()) firstRank[p] = c.appearances[P[p].appearances.front()].rank;
    auto dense = [&](SearchIndex::Rank which, auto less) {
        std::vector<PaperIndex>& order = orders[int(which)];
        order.resize(n);
        for (PaperIndex p = 0; p < n; ++p) order[p] = p;
        std::sort(order.begin(), order.end(), [&](PaperIndex a, PaperIndex b) { return less(a, b) || (!less(b, a) && a < b); });
        std::vector<uint32_t>& out = ranks[int(which)];
        out.assign(n, 0);
        uint32_t r = 0;
        for (size_t i = 0; i < n; ++i) {
            if (i > 0 && less(order[i - 1], order[i])) ++r;
            out[order[i]] = r;
        }
    };
    auto newest = [&](PaperIndex a, PaperIndex b) {
        if (P[a].lastMonth != P[b].lastMonth) return P[a].lastMonth > P[b].lastMonth;
        return firstRank[a] < firstRank[b];
    };
    dense(SearchIndex::Rank::Newest, newest);
    dense(SearchIndex::Rank::Oldest, [&](PaperIndex a, PaperIndex b) {
        if (P[a].firstMonth != P[b].firstMonth) return P[a].firstMonth < P[b].firstMonth;
        return firstRank[a] < firstRank[b];
    });
    const std::vector<uint32_t>& newestRank = ranks[int(SearchIndex::Rank::Newest)];
    dense(SearchIndex::Rank::Recurrence, [&](PaperIndex a, PaperIndex b) {
        if (P[a].appearances.size() != P[b].appearances.size()) return P[a].appearances.size() > P[b].appearances.size();
        return newestRank[a] < newestRank[b];
    });
    // Title order: folded title, then paper index (every paper has its own rank).
    std::vector<std::string> titles(n);
    for (PaperIndex p = 0; p < n; ++p) titles[p] = foldForSearch(P[p].title);
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

}  // namespace papertide::core::search_detail
