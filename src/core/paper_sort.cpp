// Sorting the visible papers (relevance, newest, oldest, title, times picked): radix sorts on the index's
// precomputed ranks, or one walk over a precomputed order when the subset is large.
#include <algorithm>

#include "core/paper_filter.h"
#include "core/text.h"

namespace papertide::core {

// The reference implementation (comparisons); used for an index built without this corpus.
static void sortPapersByComparison(const Corpus& corpus, const SearchIndex& index, const SearchQuery& query, SortOrder order,
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

namespace {

// Stable LSD radix sort of papers by key (keys[i] belongs to papers[i]); equal keys keep their order.
void stableSortByKey(std::vector<PaperIndex>& papers, std::vector<uint32_t>& keys) {
    const size_t n = papers.size();
    if (n < 2) return;
    uint32_t maxKey = *std::max_element(keys.begin(), keys.end());
    if (n < 256) {
        std::vector<size_t> order(n);
        for (size_t i = 0; i < n; ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
        std::vector<PaperIndex> p(n);
        std::vector<uint32_t> k(n);
        for (size_t i = 0; i < n; ++i) p[i] = papers[order[i]], k[i] = keys[order[i]];
        papers.swap(p);
        keys.swap(k);
        return;
    }
    std::vector<PaperIndex> p2(n);
    std::vector<uint32_t> k2(n);
    constexpr int kBits = 11;
    std::vector<uint32_t> counts(size_t(1) << kBits);
    for (int shift = 0; shift < 32 && (maxKey >> shift) != 0; shift += kBits) {
        std::fill(counts.begin(), counts.end(), 0);
        for (uint32_t k : keys) ++counts[(k >> shift) & ((1u << kBits) - 1)];
        uint32_t sum = 0;
        for (uint32_t& c : counts) {
            uint32_t v = c;
            c = sum;
            sum += v;
        }
        for (size_t i = 0; i < n; ++i) {
            uint32_t at = counts[(keys[i] >> shift) & ((1u << kBits) - 1)]++;
            p2[at] = papers[i];
            k2[at] = keys[i];
        }
        papers.swap(p2);
        keys.swap(k2);
    }
}

// The same result as the radix sorts below for an ascending input (ties then fall back to paper order),
// in one walk over every paper in rank order: much cheaper once the subset is a good part of the corpus
// (a one-letter query matches most papers). With scores: a counting sort by descending score, rank order
// within a score. False when it does not apply (a small or unordered input).
bool sortByWalking(const std::vector<PaperIndex>& walk, bool byScore, std::vector<PaperIndex>& papers,
                   std::vector<uint32_t>& fifths) {
    const size_t n = papers.size();
    if (n < 256 || n * 16 < walk.size()) return false;
    for (size_t i = 1; i < n; ++i)
        if (papers[i - 1] >= papers[i]) return false;
    if (papers.back() >= walk.size()) return false;
    constexpr uint32_t kAbsent = UINT32_MAX;
    std::vector<uint32_t> at(walk.size(), kAbsent);  // paper -> its place in the input
    for (size_t i = 0; i < n; ++i) at[papers[i]] = static_cast<uint32_t>(i);
    if (!byScore) {
        size_t k = 0;
        for (PaperIndex p : walk)
            if (at[p] != kAbsent) papers[k++] = p;
        return true;
    }
    const uint32_t best = *std::max_element(fifths.begin(), fifths.end());
    std::vector<size_t> start(size_t(best) + 2, 0);  // by (best - score): where that score's papers begin
    for (uint32_t f : fifths) ++start[best - f + 1];
    for (size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    std::vector<PaperIndex> out(n);
    std::vector<uint32_t> outScores(n);
    for (PaperIndex p : walk) {
        uint32_t i = at[p];
        if (i == kAbsent) continue;
        size_t to = start[best - fifths[i]]++;
        out[to] = p;
        outScores[to] = fifths[i];
    }
    papers.swap(out);
    fifths.swap(outScores);
    return true;
}

}  // namespace

void sortPapersScored(const Corpus& corpus, const SearchIndex& index, bool hasQuery, SortOrder order,
                      std::vector<PaperIndex>& papers, std::vector<uint32_t>& fifths) {
    if (order == SortOrder::Relevance && !hasQuery) order = SortOrder::Newest;
    if (index.paperCount() != corpus.papers.size() || index.rank(SearchIndex::Rank::Newest).size() != corpus.papers.size()) {
        // An index of another corpus (misuse): no scores to trust, so relevance falls back to newest.
        sortPapersByComparison(corpus, index, SearchQuery{}, order == SortOrder::Relevance ? SortOrder::Newest : order, papers);
        return;
    }
    // Every order is a stable sort by precomputed ranks; relevance sorts by newest first, then by score.
    SearchIndex::Rank rank = order == SortOrder::Oldest       ? SearchIndex::Rank::Oldest
                             : order == SortOrder::Title      ? SearchIndex::Rank::Title
                             : order == SortOrder::Recurrence ? SearchIndex::Rank::Recurrence
                                                              : SearchIndex::Rank::Newest;
    if (order == SortOrder::Relevance && fifths.size() != papers.size()) fifths.assign(papers.size(), 0);
    if (sortByWalking(index.order(rank), order == SortOrder::Relevance, papers, fifths)) return;
    const std::vector<uint32_t>& r = index.rank(rank);
    std::vector<uint32_t> keys(papers.size());
    if (order == SortOrder::Relevance) {
        // Pair each paper with its score, sort by newest, then (stably) by descending score.
        std::vector<PaperIndex> ids(papers.size());
        for (size_t i = 0; i < papers.size(); ++i) ids[i] = static_cast<PaperIndex>(i);
        for (size_t i = 0; i < papers.size(); ++i) keys[i] = r[papers[i]];
        stableSortByKey(ids, keys);  // ids: positions in newest order
        uint32_t best = 0;
        for (uint32_t f : fifths) best = std::max(best, f);
        std::vector<PaperIndex> sorted(papers.size());
        for (size_t i = 0; i < ids.size(); ++i) {
            keys[i] = best - fifths[ids[i]];
            sorted[i] = ids[i];
        }
        stableSortByKey(sorted, keys);
        std::vector<PaperIndex> out(papers.size());
        std::vector<uint32_t> outScores(papers.size());
        for (size_t i = 0; i < sorted.size(); ++i) {
            out[i] = papers[sorted[i]];
            outScores[i] = fifths[sorted[i]];
        }
        papers.swap(out);
        fifths.swap(outScores);
        return;
    }
    for (size_t i = 0; i < papers.size(); ++i) keys[i] = r[papers[i]];
    stableSortByKey(papers, keys);
}

void sortPapers(const Corpus& corpus, const SearchIndex& index, const SearchQuery& query, SortOrder order,
                std::vector<PaperIndex>& papers) {
    if (index.paperCount() == corpus.papers.size() && index.rank(SearchIndex::Rank::Newest).size() == corpus.papers.size()) {
        std::vector<uint32_t> fifths;
        if (order == SortOrder::Relevance && !query.include.empty()) {
            // Scores of the matching papers come from the index; any other paper is scored on its text.
            SearchIndex::Scored matched = index.matchScored(query, true);
            fifths.resize(papers.size());
            for (size_t i = 0; i < papers.size(); ++i) {
                auto it = std::lower_bound(matched.papers.begin(), matched.papers.end(), papers[i]);
                fifths[i] = it != matched.papers.end() && *it == papers[i] ? matched.scores[it - matched.papers.begin()]
                                                                           : index.relevanceFifths(papers[i], query);
            }
        }
        sortPapersScored(corpus, index, !query.include.empty(), order, papers, fifths);
        return;
    }
    sortPapersByComparison(corpus, index, query, order, papers);
}

// Every topic x month cell of the corpus, at zero.

}  // namespace papertide::core
