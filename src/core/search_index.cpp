#include "core/search_index.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/search_index_internal.h"
#include "core/text.h"

namespace papertide::core {

using namespace search_detail;

// --- queries --------------------------------------------------------------------------------------------

std::vector<QueryToken> tokenizeSearchQuery(std::string_view text) {
    std::vector<QueryToken> tokens;
    std::string folded = foldForSearch(text);
    size_t i = 0;
    while (i < folded.size()) {
        if (folded[i] == ' ') { ++i; continue; }
        QueryToken t;
        t.negated = folded[i] == '-' && i + 1 < folded.size() && folded[i + 1] != ' ';
        if (t.negated) ++i;
        if (folded[i] == '"') {
            t.quoted = true;
            size_t close = folded.find('"', i + 1);
            t.text = folded.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
            i = close == std::string::npos ? folded.size() : close + 1;
        } else {
            size_t end = folded.find(' ', i);
            t.text = folded.substr(i, end == std::string::npos ? std::string::npos : end - i);
            i = end == std::string::npos ? folded.size() : end;
        }
        t.text = trim(t.text);
        if (!t.text.empty()) tokens.push_back(std::move(t));
    }
    return tokens;
}

SearchQuery parseSearchQuery(std::string_view text) {
    SearchQuery q;
    for (QueryToken& t : tokenizeSearchQuery(text)) (t.negated ? q.exclude : q.include).push_back(std::move(t.text));
    return q;
}

SearchIndex::TermPlan SearchIndex::plan(std::string_view term) const {
    TermPlan plan;
    plan.term = term;
    const uint32_t grams = static_cast<uint32_t>(gramKeys_.size());
    size_t cjkRun = 0, tokens = 0;
    auto addGram = [&](uint64_t key, size_t offset) {
        const std::optional<uint32_t> found = findGram(key);
        if (!found) {
            plan.impossible = true;
            return;
        }
        const uint32_t list = *found;
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
        const auto [first, last] = wordsStartingWith(w);
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

size_t SearchIndex::firstWordNotBelow(std::string_view w) const {
    size_t a = 0, b = wordCount();
    while (a < b) {
        size_t m = (a + b) / 2;
        if (word(m) < w) a = m + 1;
        else b = m;
    }
    return a;
}

std::pair<size_t, size_t> SearchIndex::wordsStartingWith(std::string_view prefix) const {
    // From the first word >= prefix to the first word after it that does not start with prefix.
    const size_t first = firstWordNotBelow(prefix);
    size_t a = first, b = wordCount();
    while (a < b) {
        size_t m = (a + b) / 2;
        if (word(m).substr(0, prefix.size()) == prefix) a = m + 1;
        else b = m;
    }
    return {first, a};
}

std::optional<size_t> SearchIndex::findWord(std::string_view w) const {
    const size_t first = firstWordNotBelow(w);
    if (first < wordCount() && word(first) == w) return first;
    return std::nullopt;
}

std::optional<uint32_t> SearchIndex::findGram(uint64_t key) const {
    auto it = std::lower_bound(gramKeys_.begin(), gramKeys_.end(), key);
    if (it == gramKeys_.end() || *it != key) return std::nullopt;
    return static_cast<uint32_t>(it - gramKeys_.begin());
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
