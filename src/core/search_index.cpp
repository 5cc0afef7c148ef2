#include "core/search_index.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/search_index_internal.h"
#include "core/text.h"

namespace papertide::core {

using namespace search_detail;

// --- queries --------------------------------------------------------------------------------------------

SearchQuery parseSearchQuery(std::string_view text) {
    SearchQuery q;
    std::string folded = foldForSearch(text);
    size_t i = 0;
    while (i < folded.size()) {
        if (folded[i] == ' ') { ++i; continue; }
        bool negate = folded[i] == '-' && i + 1 < folded.size() && folded[i + 1] != ' ';
        if (negate) ++i;
        std::string term;
        if (folded[i] == '"') {
            size_t close = folded.find('"', i + 1);
            term = folded.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
            i = close == std::string::npos ? folded.size() : close + 1;
        } else {
            size_t end = folded.find(' ', i);
            term = folded.substr(i, end == std::string::npos ? std::string::npos : end - i);
            i = end == std::string::npos ? folded.size() : end;
        }
        term = trim(term);
        if (term.empty()) continue;
        (negate ? q.exclude : q.include).push_back(std::move(term));
    }
    return q;
}

// How one term is answered: the key ranges whose unions must all hold it (a word prefix is a range of
// words, a CJK gram one list), and whether those lists answer it exactly (no verification needed).
struct SearchIndex::TermPlan {
    std::string_view term;
    std::vector<std::pair<uint32_t, uint32_t>> ranges;  // [first, last) list numbers
    std::vector<uint64_t> sizes;                          // postings per range
    std::vector<uint32_t> offsets;                        // where each range's token starts in the term (bytes)
    bool exact = false;
    bool impossible = false;
    uint64_t estimate = 0;  // at most this many papers match
    size_t rarest() const { return static_cast<size_t>(std::min_element(sizes.begin(), sizes.end()) - sizes.begin()); }
};

namespace {

// Reads one posting list: paper numbers with metadata, and (separately stored) first positions.
struct Cursor {
    const uint8_t* p;
    const uint8_t* q;
    uint32_t left;
    uint32_t doc = UINT32_MAX;
    uint32_t meta = 0;
    uint32_t pos = 0;
    bool next(bool withPos) {
        if (!left) return false;
        --left;
        uint32_t v = getVarint(p);
        doc += v >> 5;
        meta = v & 31;
        if (withPos) pos = getVarint(q);
        return true;
    }
};

}  // namespace

SearchIndex::TermPlan SearchIndex::plan(std::string_view term) const {
    TermPlan plan;
    plan.term = term;
    const uint32_t grams = static_cast<uint32_t>(gramKeys_.size());
    size_t cjkRun = 0, tokens = 0;
    auto addGram = [&](uint64_t key, size_t offset) {
        auto it = std::lower_bound(gramKeys_.begin(), gramKeys_.end(), key);
        if (it == gramKeys_.end() || *it != key) {
            plan.impossible = true;
            return;
        }
        uint32_t list = static_cast<uint32_t>(it - gramKeys_.begin());
        plan.ranges.push_back({list, list + 1});
        plan.sizes.push_back(listCount_[list]);
        plan.offsets.push_back(static_cast<uint32_t>(offset));
    };
    std::vector<std::pair<char32_t, size_t>> run;  // CJK characters and where they start in the term
    auto flushCjk = [&] {
        if (run.empty()) return;
        ++tokens;
        if (run.size() == 1) addGram(gramKey(run[0].first, 0), run[0].second);
        for (size_t i = 1; i < run.size(); ++i) addGram(gramKey(run[i - 1].first, run[i].first), run[i - 1].second);
        cjkRun = run.size();
        run.clear();
    };
    size_t pos = 0, wordStart = std::string_view::npos;
    auto flushWord = [&](size_t end) {
        if (wordStart == std::string_view::npos) return;
        ++tokens;
        std::string_view w = term.substr(wordStart, end - wordStart);
        // First word >= w, then the first word that does not start with w.
        size_t a = 0, b = wordStart_.empty() ? 0 : wordStart_.size() - 1, hi = b;
        while (a < b) {
            size_t m = (a + b) / 2;
            if (word(m) < w) a = m + 1;
            else b = m;
        }
        const size_t first = a;
        b = hi;
        while (a < b) {
            size_t m = (a + b) / 2;
            if (word(m).substr(0, w.size()) == w) a = m + 1;
            else b = m;
        }
        const size_t last = a;
        if (first == last) plan.impossible = true;
        uint64_t size = 0;
        for (size_t k = first; k < last; ++k) size += listCount_[grams + k];
        std::pair<uint32_t, uint32_t> range{grams + static_cast<uint32_t>(first), grams + static_cast<uint32_t>(last)};
        if (last - first >= 2) {  // a stored union for a one- or two-character prefix?
            auto it = std::lower_bound(prefixLists_.begin(), prefixLists_.end(), std::make_pair(std::string(w), uint32_t(0)));
            if (it != prefixLists_.end() && it->first == w) {
                range = {it->second, it->second + 1};
                size = listCount_[it->second];
            }
        }
        plan.ranges.push_back(range);
        plan.sizes.push_back(size);
        plan.offsets.push_back(static_cast<uint32_t>(wordStart));
        cjkRun = 0;
        wordStart = std::string_view::npos;
    };
    bool other = false;  // characters that are neither word nor CJK (spaces, punctuation)
    while (pos < term.size()) {
        size_t start = pos;
        char32_t cp = decodeUtf8(term, pos);
        if (isWordChar(cp)) {
            flushCjk();
            if (wordStart == std::string_view::npos) wordStart = start;
            continue;
        }
        flushWord(start);
        if (isCjk(cp)) {
            run.push_back({cp, start});
        } else {
            flushCjk();
            other = true;
        }
    }
    flushWord(term.size());
    flushCjk();
    // One word (prefix semantics) or one or two CJK characters: the lists are exactly the term's papers.
    plan.exact = tokens == 1 && !other && !plan.impossible && cjkRun <= 2;
    plan.estimate = paperCount();
    for (uint64_t sz : plan.sizes) plan.estimate = std::min(plan.estimate, sz);
    return plan;
}

bool SearchIndex::hasPositions(uint32_t first, uint32_t last) const {
    for (uint32_t l = first; l < last; ++l)
        if (listCount_[l] > 0 && posStart_[l + 1] == posStart_[l]) return false;
    return true;
}

void SearchIndex::decodeList(uint32_t list, DocSet& out, bool withMeta, bool withPos) const {
    Cursor c{postings_.data() + listStart_[list], positions_.data() + posStart_[list], listCount_[list]};
    const uint32_t count = listCount_[list];
    out.docs.resize(count);
    out.meta.resize(withMeta ? count : 0);
    out.pos.resize(withPos ? count : 0);
    for (uint32_t i = 0; c.next(withPos); ++i) {
        out.docs[i] = c.doc;
        if (withMeta) out.meta[i] = accFromPosting(c.meta);
        if (withPos) out.pos[i] = c.pos;
    }
}

void SearchIndex::unionLists(uint32_t first, uint32_t last, DocSet& out, bool withMeta, bool withPos) const {
    out.docs.clear();
    out.meta.clear();
    out.pos.clear();
    if (first >= last) return;
    if (last - first == 1) return decodeList(first, out, withMeta, withPos);
    const size_t n = paperCount();
    uint64_t total = 0;
    for (uint32_t l = first; l < last; ++l) total += listCount_[l];
    if (total * 8 >= n) {
        // Dense: accumulate per paper (hits add up, the best zone and the first position win), read out in order.
        std::vector<uint8_t> acc(n, 0);
        std::vector<uint32_t> firstPos(withPos ? n : 0, UINT32_MAX);
        for (uint32_t l = first; l < last; ++l) {
            Cursor c{postings_.data() + listStart_[l], positions_.data() + posStart_[l], listCount_[l]};
            while (c.next(withPos)) {
                acc[c.doc] = combineAcc(acc[c.doc], accFromPosting(c.meta));
                if (withPos) firstPos[c.doc] = std::min(firstPos[c.doc], c.pos);
            }
        }
        for (PaperIndex d = 0; d < n; ++d) {
            if (!acc[d]) continue;
            out.docs.push_back(d);
            if (withMeta) out.meta.push_back(acc[d]);
            if (withPos) out.pos.push_back(firstPos[d]);
        }
        return;
    }
    struct Hit {
        PaperIndex doc;
        uint8_t acc;
        uint32_t pos;
    };
    std::vector<Hit> all;
    all.reserve(total);
    for (uint32_t l = first; l < last; ++l) {
        Cursor c{postings_.data() + listStart_[l], positions_.data() + posStart_[l], listCount_[l]};
        while (c.next(withPos)) all.push_back({c.doc, accFromPosting(c.meta), c.pos});
    }
    std::sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) { return a.doc < b.doc; });
    for (const Hit& h : all) {
        if (!out.docs.empty() && out.docs.back() == h.doc) {
            if (withMeta) out.meta.back() = combineAcc(out.meta.back(), h.acc);
            if (withPos) out.pos.back() = std::min(out.pos.back(), h.pos);
            continue;
        }
        out.docs.push_back(h.doc);
        if (withMeta) out.meta.push_back(h.acc);
        if (withPos) out.pos.push_back(h.pos);
    }
}

// Keeps the papers of `set` that are in the union of lists [first, last). `scores` and the set's meta/pos
// (when present) stay aligned; scores gain the lists' scores when addScores; with take, the set's meta and
// pos become the lists' (the key that later confirms a term where it occurs).
void SearchIndex::intersectList(uint32_t first, uint32_t last, DocSet& set, std::vector<uint32_t>* scores,
                                bool addScores, bool take) const {
    size_t kept = 0;
    const bool keepMeta = !take && !set.meta.empty(), keepPos = !take && !set.pos.empty();
    if (take) {
        set.meta.resize(set.docs.size());
        set.pos.resize(set.docs.size());
    }
    auto keep = [&](size_t i, uint8_t acc, uint32_t pos) {
        if (scores) (*scores)[kept] = (*scores)[i] + (addScores ? fifthsOfAcc(acc) : 0);
        if (take) {
            set.meta[kept] = acc;
            set.pos[kept] = pos;
        } else {
            if (keepMeta) set.meta[kept] = set.meta[i];
            if (keepPos) set.pos[kept] = set.pos[i];
        }
        set.docs[kept++] = set.docs[i];
    };
    if (last - first == 1) {
        // Walk the one list alongside the set, stopping after the set's last paper.
        Cursor c{postings_.data() + listStart_[first], positions_.data() + posStart_[first], listCount_[first]};
        for (size_t i = 0; i < set.docs.size() && c.next(take);) {
            while (i < set.docs.size() && set.docs[i] < c.doc) ++i;
            if (i < set.docs.size() && set.docs[i] == c.doc) keep(i++, accFromPosting(c.meta), c.pos);
        }
    } else {
        DocSet other;
        unionLists(first, last, other, take || (scores && addScores), take);
        size_t j = 0;
        for (size_t i = 0; i < set.docs.size(); ++i) {
            while (j < other.docs.size() && other.docs[j] < set.docs[i]) ++j;
            if (j == other.docs.size()) break;
            if (other.docs[j] != set.docs[i]) continue;
            keep(i, other.meta.empty() ? 0 : other.meta[j], other.pos.empty() ? 0 : other.pos[j]);
        }
    }
    set.docs.resize(kept);
    if (!set.meta.empty()) set.meta.resize(kept);
    if (!set.pos.empty()) set.pos.resize(kept);
    if (scores) scores->resize(kept);
}

// Removes the papers of the union of lists [first, last) from `set`.
void SearchIndex::subtractLists(uint32_t first, uint32_t last, DocSet& set, std::vector<uint32_t>* scores) const {
    DocSet other;
    unionLists(first, last, other, false, false);
    size_t kept = 0, j = 0;
    for (size_t i = 0; i < set.docs.size(); ++i) {
        while (j < other.docs.size() && other.docs[j] < set.docs[i]) ++j;
        if (j < other.docs.size() && other.docs[j] == set.docs[i]) continue;
        if (scores) (*scores)[kept] = (*scores)[i];
        set.docs[kept++] = set.docs[i];
    }
    set.docs.resize(kept);
    if (scores) scores->resize(kept);
}

SearchIndex::Scored SearchIndex::matchScored(const SearchQuery& query, bool withScores) const {
    Scored out;
    const size_t n = paperCount();
    if (n == 0) return out;
    std::vector<TermPlan> plans;
    for (const std::string& term : query.include) {
        plans.push_back(plan(term));
        if (plans.back().impossible) return out;
    }
    std::stable_sort(plans.begin(), plans.end(), [](const TermPlan& a, const TermPlan& b) { return a.estimate < b.estimate; });
    DocSet set;
    std::vector<uint32_t> scores;
    std::vector<uint32_t>* sc = withScores ? &scores : nullptr;

    // Where the anchor key (set.pos) says the term must start, is it there? Then that is its first occurrence.
    auto confirmed = [&](PaperIndex d, uint32_t keyPos, uint32_t offset, std::string_view term, bool wordStart) {
        std::string_view text = docText(d);
        if (keyPos < offset) return false;
        size_t start = keyPos - offset;
        return start + term.size() <= text.size() && text.compare(start, term.size(), term) == 0 &&
               !(wordStart && precededByWordChar(text, start));
    };
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
            if (anchored && confirmed(d, set.pos[i], offset, p.term, finder.wordStart())) {
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

    if (plans.empty()) {
        set.docs.resize(n);
        for (PaperIndex i = 0; i < n; ++i) set.docs[i] = i;
        if (withScores) scores.assign(n, 0);
    } else {
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
        for (size_t k = 1; k < plans.size() && !set.docs.empty(); ++k) {
            const TermPlan& p = plans[k];
            if (p.exact && p.estimate < set.docs.size() * kScanCost) {
                intersectList(p.ranges[0].first, p.ranges[0].second, set, sc, true, false);
                continue;
            }
            uint32_t offset = p.ranges.empty() ? 0 : narrow(p);
            verify(p, offset);
        }
    }
    for (const std::string& term : query.exclude) {
        if (set.docs.empty()) break;
        TermPlan p = plan(term);
        if (p.impossible) continue;
        if (p.exact && p.estimate < set.docs.size() * kScanCost) {
            subtractLists(p.ranges[0].first, p.ranges[0].second, set, sc);
            continue;
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
                        ((!possible.pos.empty() && confirmed(d, possible.pos[j], offset, p.term, finder.wordStart())) ||
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
    for (const std::string& term : query.include) score += termFifths(paper, term);
    return score;
}

double SearchIndex::relevance(PaperIndex paper, const SearchQuery& query) const {
    return relevanceFifths(paper, query) / 5.0;
}

size_t SearchIndex::memoryBytes() const {
    size_t bytes = sizeof(*this) + text_.capacity() + docStart_.capacity() * sizeof(uint64_t) +
                   (titleEnd_.capacity() + authorsEnd_.capacity()) * sizeof(uint32_t) +
                   gramKeys_.capacity() * sizeof(uint64_t) + words_.capacity() + wordStart_.capacity() * sizeof(uint32_t) +
                   (listStart_.capacity() + posStart_.capacity()) * sizeof(uint64_t) + listCount_.capacity() * sizeof(uint32_t) +
                   postings_.capacity() + positions_.capacity();
    for (const auto& r : ranks_) bytes += r.capacity() * sizeof(uint32_t);
    for (const auto& o : orders_) bytes += o.capacity() * sizeof(PaperIndex);
    for (const auto& [prefix, list] : prefixLists_) bytes += sizeof(prefix) + prefix.capacity() + sizeof(list);
    return bytes;
}

}  // namespace papertide::core
