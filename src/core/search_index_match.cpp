// SearchIndex's queries: the papers holding every included term (or one of its glossary alternatives) and
// no excluded one, with their relevance, answered from the postings and verified on the folded texts.
#include <algorithm>
#include <cstring>
#include <utility>

#include "core/search_index.h"
#include "core/search_index_internal.h"
#include "core/text.h"

namespace papertide::core {

using namespace search_detail;

namespace {

// One condition of a query: it holds when all terms of any one alternative hold.
using Alternative = std::vector<std::string_view>;
using Group = std::vector<Alternative>;

std::vector<Group> includedGroups(const SearchQuery& q) {
    std::vector<const SearchQuery::Expansion*> startsAt(q.include.size(), nullptr);
    for (const SearchQuery::Expansion& x : q.expansions)
        if (!x.excluded && x.count >= 1 && x.first < q.include.size() && x.count <= q.include.size() - x.first)
            startsAt[x.first] = &x;
    std::vector<Group> groups;
    for (size_t i = 0; i < q.include.size();) {
        const SearchQuery::Expansion* x = startsAt[i];
        const size_t n = x ? x->count : 1;
        Group g(1);
        for (size_t k = i; k < i + n; ++k) g[0].push_back(q.include[k]);
        if (x)
            for (const std::string& v : x->variants) g.push_back({v});
        groups.push_back(std::move(g));
        i += n;
    }
    return groups;
}

std::vector<std::string_view> excludedTerms(const SearchQuery& q) {
    std::vector<std::string_view> terms(q.exclude.begin(), q.exclude.end());
    for (const SearchQuery::Expansion& x : q.expansions)
        if (x.excluded && x.first < q.exclude.size()) terms.insert(terms.end(), x.variants.begin(), x.variants.end());
    return terms;
}

// The union of two ascending paper sets; a paper in both keeps its better score.
void mergeBest(std::vector<PaperIndex>& docs, std::vector<uint32_t>& scores, const std::vector<PaperIndex>& moreDocs,
               const std::vector<uint32_t>& moreScores, bool withScores) {
    std::vector<PaperIndex> d;
    std::vector<uint32_t> s;
    d.reserve(docs.size() + moreDocs.size());
    size_t i = 0, j = 0;
    while (i < docs.size() || j < moreDocs.size()) {
        const bool takeA = j == moreDocs.size() || (i < docs.size() && docs[i] <= moreDocs[j]);
        const bool both = takeA && j < moreDocs.size() && docs[i] == moreDocs[j];
        d.push_back(takeA ? docs[i] : moreDocs[j]);
        if (withScores)
            s.push_back(both ? std::max(scores[i], moreScores[j]) : takeA ? scores[i] : moreScores[j]);
        if (takeA) ++i;
        if (!takeA || both) ++j;
    }
    docs.swap(d);
    scores.swap(s);
}

}  // namespace

// Where the anchor key says the term must start (keyPos - offset), is it there? Then that is its first occurrence.
bool SearchIndex::confirmedAt(PaperIndex d, uint32_t keyPos, uint32_t offset, std::string_view term, bool wordStart) const {
    std::string_view text = docText(d);
    if (keyPos < offset) return false;
    size_t start = keyPos - offset;
    return start + term.size() <= text.size() && text.compare(start, term.size(), term) == 0 &&
           !(wordStart && precededByWordChar(text, start));
}

// Applies every plan (sorted by estimate) to `set`. With fromAll the first plan builds the set from its
// postings; otherwise each plan narrows the set it is given. Scores gain each term's relevance.
void SearchIndex::matchTerms(const std::vector<TermPlan>& plans, DocSet& set, std::vector<uint32_t>& scores,
                             bool withScores, bool fromAll) const {
    const size_t n = paperCount();
    std::vector<uint32_t>* sc = withScores ? &scores : nullptr;
    // Keeps the papers of `set` whose text holds the term (adding its score). With anchor positions, most
    // papers are settled by comparing the term once where it must be; the others are scanned.
    auto verify = [&](const TermPlan& p, uint32_t offset) {
        Finder finder(p.term);
        const bool anchored = !set.pos.empty();
        size_t kept = 0;
        for (size_t i = 0; i < set.docs.size(); ++i) {
            PaperIndex d = set.docs[i];
            std::string_view text = docText(d);
            uint32_t f = 0;
            if (anchored && confirmedAt(d, set.pos[i], offset, p.term, finder.wordStart())) {
                if (withScores) {
                    size_t start = set.pos[i] - offset;
                    uint32_t zone = start < titleEnd_[d] ? 50 : start < authorsEnd_[d] ? 30 : 0;
                    // The term cannot occur more often than its anchor key: one anchor hit, one term hit.
                    uint32_t hits = 1;
                    if ((set.meta[i] & 7) > 1)
                        for (size_t at = finder.findTerm(text, start + p.term.size()); at != std::string_view::npos && hits < 5;
                             at = finder.findTerm(text, at + p.term.size()))
                            ++hits;
                    f = zone + 2 * hits;
                }
            } else if (withScores) {
                if (!(f = finder.fifths(text, titleEnd_[d], authorsEnd_[d]))) continue;
            } else if (finder.findTerm(text, 0) == std::string_view::npos) {
                continue;
            }
            if (withScores) scores[kept] = scores[i] + f;
            set.docs[kept++] = d;
        }
        set.docs.resize(kept);
        set.meta.clear();
        set.pos.clear();
        if (withScores) scores.resize(kept);
    };
    // Narrows `set` to the papers holding every cheap key range of the term, the rarest one as the anchor.
    auto narrow = [&](const TermPlan& p) -> uint32_t {
        const size_t anchor = p.rarest();
        if (p.sizes[anchor] >= set.docs.size() * kScanCost) return 0;  // scanning the texts is cheaper
        if (!hasPositions(p.ranges[anchor].first, p.ranges[anchor].second)) return 0;  // a common key: scan instead
        intersectList(p.ranges[anchor].first, p.ranges[anchor].second, set, sc, false, true);
        for (size_t r = 0; r < p.ranges.size() && !set.docs.empty(); ++r)
            if (r != anchor && p.sizes[r] < set.docs.size() * kScanCost) intersectList(p.ranges[r].first, p.ranges[r].second, set, sc, false, false);
        return p.offsets[anchor];
    };

    size_t k = 0;
    if (fromAll && !plans.empty()) {
        k = 1;
        const TermPlan& first = plans.front();
        if (first.exact) {
            unionLists(first.ranges[0].first, first.ranges[0].second, set, withScores, false);
            if (withScores) {
                scores.resize(set.docs.size());
                for (size_t i = 0; i < set.docs.size(); ++i) scores[i] = fifthsOfAcc(set.meta[i]);
            }
            set.meta.clear();
        } else {
            uint32_t offset = 0;
            if (first.ranges.empty()) {  // nothing indexable (punctuation only): every paper is a candidate
                set.docs.resize(n);
                for (PaperIndex i = 0; i < n; ++i) set.docs[i] = i;
            } else {
                const size_t anchor = first.rarest();
                const bool positions = hasPositions(first.ranges[anchor].first, first.ranges[anchor].second);
                unionLists(first.ranges[anchor].first, first.ranges[anchor].second, set, positions, positions);
                offset = first.offsets[anchor];
                for (size_t r = 0; r < first.ranges.size() && !set.docs.empty(); ++r)
                    if (r != anchor && first.sizes[r] < set.docs.size() * kScanCost)
                        intersectList(first.ranges[r].first, first.ranges[r].second, set, nullptr, false, false);
            }
            if (withScores) scores.assign(set.docs.size(), 0);
            verify(first, offset);
        }
    }
    for (; k < plans.size() && !set.docs.empty(); ++k) {
        const TermPlan& p = plans[k];
        if (p.exact && p.estimate < set.docs.size() * kScanCost) {
            intersectList(p.ranges[0].first, p.ranges[0].second, set, sc, true, false);
            continue;
        }
        uint32_t offset = p.ranges.empty() ? 0 : narrow(p);
        verify(p, offset);
    }
}

// Removes the papers holding `term` from `set`.
void SearchIndex::excludeTerm(std::string_view term, DocSet& set, std::vector<uint32_t>& scores, bool withScores) const {
    TermPlan p = plan(term);
    if (p.impossible) return;
    if (p.exact && p.estimate < set.docs.size() * kScanCost) {
        subtractLists(p.ranges[0].first, p.ranges[0].second, set, withScores ? &scores : nullptr);
        return;
    }
    // Only papers in the rarest key range can hold the term; its positions settle most of them.
    DocSet possible;
    bool narrowed = false;
    uint32_t offset = 0;
    if (!p.ranges.empty()) {
        const size_t anchor = p.rarest();
        if (p.sizes[anchor] < set.docs.size() * kScanCost) {
            const bool positions = hasPositions(p.ranges[anchor].first, p.ranges[anchor].second);
            unionLists(p.ranges[anchor].first, p.ranges[anchor].second, possible, false, positions);
            narrowed = true;
            offset = p.offsets[anchor];
        }
    }
    Finder finder(p.term);
    size_t kept = 0, j = 0;
    for (size_t i = 0; i < set.docs.size(); ++i) {
        PaperIndex d = set.docs[i];
        bool holds;
        if (narrowed) {
            while (j < possible.docs.size() && possible.docs[j] < d) ++j;
            holds = j < possible.docs.size() && possible.docs[j] == d &&
                    ((!possible.pos.empty() && confirmedAt(d, possible.pos[j], offset, p.term, finder.wordStart())) ||
                     finder.findTerm(docText(d), 0) != std::string_view::npos);
        } else {
            holds = finder.findTerm(docText(d), 0) != std::string_view::npos;
        }
        if (holds) continue;
        if (withScores) scores[kept] = scores[i];
        set.docs[kept++] = d;
    }
    set.docs.resize(kept);
    if (withScores) scores.resize(kept);
}

SearchIndex::Scored SearchIndex::matchScored(const SearchQuery& query, bool withScores) const {
    Scored out;
    const size_t n = paperCount();
    if (n == 0) return out;
    // Per group, its possible alternatives (an alternative with an impossible term cannot hold), each's
    // terms rarest first; groups are applied rarest first.
    struct GroupPlan {
        std::vector<std::vector<TermPlan>> alternatives;
        uint64_t estimate = 0;
    };
    std::vector<GroupPlan> groups;
    for (const Group& g : includedGroups(query)) {
        GroupPlan gp;
        for (const Alternative& alt : g) {
            std::vector<TermPlan> plans;
            bool possible = true;
            for (std::string_view term : alt) {
                plans.push_back(plan(term));
                possible = possible && !plans.back().impossible;
            }
            if (!possible) continue;
            std::stable_sort(plans.begin(), plans.end(), [](const TermPlan& a, const TermPlan& b) { return a.estimate < b.estimate; });
            gp.estimate += plans.front().estimate;
            gp.alternatives.push_back(std::move(plans));
        }
        if (gp.alternatives.empty()) return out;
        groups.push_back(std::move(gp));
    }
    std::stable_sort(groups.begin(), groups.end(), [](const GroupPlan& a, const GroupPlan& b) { return a.estimate < b.estimate; });

    DocSet set;
    std::vector<uint32_t> scores;
    if (groups.empty()) {
        set.docs.resize(n);
        for (PaperIndex i = 0; i < n; ++i) set.docs[i] = i;
        if (withScores) scores.assign(n, 0);
    }
    for (size_t g = 0; g < groups.size() && (g == 0 || !set.docs.empty()); ++g) {
        const bool fromAll = g == 0;
        if (groups[g].alternatives.size() == 1) {
            matchTerms(groups[g].alternatives[0], set, scores, withScores, fromAll);
            continue;
        }
        // Each alternative narrows its own copy of the set; their union (best score per paper) goes on.
        std::vector<PaperIndex> unionDocs;
        std::vector<uint32_t> unionScores;
        for (const std::vector<TermPlan>& alt : groups[g].alternatives) {
            DocSet s;
            std::vector<uint32_t> sc;
            if (!fromAll) {
                s.docs = set.docs;
                if (withScores) sc = scores;
            }
            matchTerms(alt, s, sc, withScores, fromAll);
            mergeBest(unionDocs, unionScores, s.docs, sc, withScores);
        }
        set.docs = std::move(unionDocs);
        set.meta.clear();
        set.pos.clear();
        scores = std::move(unionScores);
    }
    for (std::string_view term : excludedTerms(query)) {
        if (set.docs.empty()) break;
        excludeTerm(term, set, scores, withScores);
    }
    out.papers = std::move(set.docs);
    if (withScores) out.scores = std::move(scores);
    return out;
}

std::vector<PaperIndex> SearchIndex::match(const SearchQuery& query) const { return matchScored(query, false).papers; }

size_t SearchIndex::findTerm(PaperIndex paper, std::string_view term, size_t from) const {
    return Finder(term).findTerm(docText(paper), from);
}

bool SearchIndex::matches(PaperIndex paper, std::string_view term) const {
    return findTerm(paper, term, 0) != std::string::npos;
}

uint32_t SearchIndex::termFifths(PaperIndex paper, std::string_view term) const {
    return Finder(term).fifths(docText(paper), titleEnd_[paper], authorsEnd_[paper]);
}

uint32_t SearchIndex::relevanceFifths(PaperIndex paper, const SearchQuery& query) const {
    uint32_t score = 0;
    for (const Group& g : includedGroups(query)) {
        // The best alternative that holds, as matchScored scores it; a paper that no alternative fits
        // (sorted beside matches) gets the best partial sum.
        uint32_t best = 0, bestPartial = 0;
        for (const Alternative& alt : g) {
            uint32_t sum = 0;
            bool holds = true;
            for (std::string_view term : alt) {
                uint32_t f = termFifths(paper, term);
                holds = holds && f > 0;
                sum += f;
            }
            (holds ? best : bestPartial) = std::max(holds ? best : bestPartial, sum);
        }
        score += best ? best : bestPartial;
    }
    return score;
}

double SearchIndex::relevance(PaperIndex paper, const SearchQuery& query) const {
    return relevanceFifths(paper, query) / 5.0;
}

}  // namespace papertide::core
