// Internals shared by the search index's builder (search_index_builder.cpp) and its queries
// (search_index.cpp): folding into the index text, tokenizing, the substring finder, posting metadata.
// Not part of the core's interface.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/search_index.h"
#include "core/text.h"

namespace papertide::core {

namespace search_detail {

// Checking one paper's text costs about as much as decoding this many postings: it decides between
// walking a posting list and scanning the few candidates left.
inline constexpr uint64_t kScanCost = 32;

inline uint64_t gramKey(char32_t a, char32_t b) { return (uint64_t(a) << 21) | b; }

inline bool isSpaceCp(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v'; }

// Appends foldForSearch(concatenation of everything added) to `out`, without building the concatenation.
class FoldWriter {
public:
    explicit FoldWriter(std::string& out) : out_(out), start_(out.size()) {}
    void add(std::string_view s) {
        size_t pos = 0;
        while (pos < s.size()) {
            unsigned char c = static_cast<unsigned char>(s[pos]);
            char32_t cp;
            if (c < 0x80) {
                ++pos;
                cp = (c >= 'A' && c <= 'Z') ? c + 32 : c;
            } else {
                cp = foldCodePoint(decodeUtf8(s, pos));
            }
            if (isSpaceCp(cp)) {
                pending_ = out_.size() > start_;
                continue;
            }
            if (pending_) {
                out_ += ' ';
                pending_ = false;
            }
            if (cp < 0x80) out_ += static_cast<char>(cp);
            else appendUtf8(out_, cp);
        }
    }

private:
    std::string& out_;
    size_t start_;
    bool pending_ = false;
};

// Calls onWord(word, pos) for each run of word characters, onCjk(a, b, pos, bytes) for each CJK unigram
// (b == 0) and bigram; pos is the byte offset of the token, bytes its length.
template <typename OnWord, typename OnCjk>
void tokenize(std::string_view folded, OnWord onWord, OnCjk onCjk) {
    size_t pos = 0, wordStart = std::string_view::npos, prevStart = 0;
    char32_t prevCjk = 0;
    while (pos < folded.size()) {
        size_t start = pos;
        char32_t cp;
        unsigned char c = static_cast<unsigned char>(folded[pos]);
        if (c < 0x80) {
            ++pos;
            cp = c;
        } else {
            cp = decodeUtf8(folded, pos);
        }
        if (isWordChar(cp)) {
            if (wordStart == std::string_view::npos) wordStart = start;
            prevCjk = 0;
            continue;
        }
        if (wordStart != std::string_view::npos) {
            onWord(folded.substr(wordStart, start - wordStart), wordStart);
            wordStart = std::string_view::npos;
        }
        if (cp >= 0x3040 && isCjk(cp)) {
            onCjk(cp, char32_t(0), start, pos - start);
            if (prevCjk) onCjk(prevCjk, cp, prevStart, pos - prevStart);
            prevCjk = cp;
            prevStart = start;
        } else {
            prevCjk = 0;
        }
    }
    if (wordStart != std::string_view::npos) onWord(folded.substr(wordStart), wordStart);
}

inline bool precededByWordChar(std::string_view text, size_t pos) {
    if (pos == 0) return false;
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t p = start;
    return isWordChar(decodeUtf8(text, p));
}

// Substring search prepared once per term and reused for every paper checked: Horspool on pairs of bytes
// (UTF-8 Chinese repeats lead and continuation bytes, so single bytes shift poorly; pairs shift by nearly
// the needle's length), single-byte Horspool for two-byte needles, memchr for one byte.
class Finder {
public:
    explicit Finder(std::string_view needle) : needle_(needle) {
        const size_t m = needle.size();
        size_t p = 0;
        wordStart_ = m > 0 && isWordChar(decodeUtf8(needle, p));
        if (m < 2) return;
        if (m == 2 || m > 255) {
            pairs_ = false;
            for (uint32_t& s : byteShift_) s = static_cast<uint32_t>(m);
            for (size_t i = 0; i + 1 < m; ++i) byteShift_[byte(needle, i)] = static_cast<uint32_t>(m - 1 - i);
            return;
        }
        // pairEnd_[hash of bytes j-1, j] = the last j (1..m-1) where that pair ends in the needle, 0 if none.
        std::memset(pairEnd_, 0, sizeof pairEnd_);
        for (size_t j = 1; j < m; ++j) pairEnd_[pairHash(byte(needle, j - 1), byte(needle, j))] = static_cast<uint8_t>(j);
    }
    bool wordStart() const { return wordStart_; }
    // Plain substring position, or npos.
    size_t find(std::string_view hay, size_t from) const {
        const size_t m = needle_.size(), n = hay.size();
        if (from > n) return std::string_view::npos;
        if (m == 0) return from;
        const char* h = hay.data();
        if (m == 1) {
            const void* hit = std::memchr(h + from, needle_[0], n - from);
            return hit ? static_cast<size_t>(static_cast<const char*>(hit) - h) : std::string_view::npos;
        }
        if (!pairs_) {
            const unsigned char last = byte(needle_, m - 1);
            for (size_t pos = from; pos + m <= n;) {
                unsigned char c = static_cast<unsigned char>(h[pos + m - 1]);
                if (c == last && std::memcmp(h + pos, needle_.data(), m - 1) == 0) return pos;
                pos += byteShift_[c];
            }
            return std::string_view::npos;
        }
        for (size_t pos = from; pos + m <= n;) {
            // The window's last two bytes: if they end the needle's pair at j, the needle may start at pos + m-1-j.
            uint32_t j = pairEnd_[pairHash(static_cast<unsigned char>(h[pos + m - 2]), static_cast<unsigned char>(h[pos + m - 1]))];
            if (j == m - 1) {
                if (std::memcmp(h + pos, needle_.data(), m) == 0) return pos;
                ++pos;
            } else {
                pos += m - 1 - j;  // j == 0: the pair is not in the needle, skip past it
            }
        }
        return std::string_view::npos;
    }
    // The term's semantics: a term that starts with a letter or digit must start a word.
    size_t findTerm(std::string_view hay, size_t from) const {
        size_t pos = find(hay, from);
        while (wordStart_ && pos != std::string_view::npos && precededByWordChar(hay, pos)) pos = find(hay, pos + 1);
        return pos;
    }
    // relevance() of one term in fifths: 50 (first hit in the title) or 30 (authors/id) + 2 per hit, up to 5 hits.
    uint32_t fifths(std::string_view hay, uint32_t titleEnd, uint32_t authorsEnd) const {
        size_t pos = findTerm(hay, 0);
        if (pos == std::string_view::npos) return 0;
        uint32_t score = pos < titleEnd ? 50 : pos < authorsEnd ? 30 : 0;
        int hits = 0;
        for (; pos != std::string_view::npos && hits < 5; pos = findTerm(hay, pos + needle_.size())) ++hits;
        return score + 2 * static_cast<uint32_t>(hits);
    }

private:
    static unsigned char byte(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }
    static uint32_t pairHash(unsigned char a, unsigned char b) { return ((a << 4) ^ b) & 4095; }

    std::string_view needle_;
    bool wordStart_ = false;
    bool pairs_ = true;
    uint8_t pairEnd_[4096];
    uint32_t byteShift_[256];
};

// Postings carry (hits - 1) in bits 0-2 and the zone of the first hit in bits 3-4 (2 title, 1 authors/id,
// 0 summaries); accumulated metadata keeps hits (1..5) in bits 0-2 instead.
inline constexpr uint32_t kZoneFifths[4] = {0, 30, 50, 50};
inline uint8_t accFromPosting(uint32_t meta) { return static_cast<uint8_t>((meta & 0x18) | ((meta & 7) + 1)); }
inline uint32_t fifthsOfAcc(uint8_t acc) { return kZoneFifths[acc >> 3] + 2 * (acc & 7u); }
inline uint8_t combineAcc(uint8_t a, uint8_t b) {
    if (!a) return b;
    uint32_t hits = std::min<uint32_t>(5, (a & 7u) + (b & 7u));
    return static_cast<uint8_t>(std::max(a & 0x18, b & 0x18) | hits);
}


inline uint32_t getVarint(const uint8_t*& p) {
    uint32_t v = *p++;
    if (v < 0x80) return v;
    v &= 0x7F;
    for (uint32_t shift = 7;; shift += 7) {
        uint32_t b = *p++;
        v |= (b & 0x7F) << shift;
        if (b < 0x80) return v;
    }
}

// Appends v as a varint (7 bits a byte, low first), as getVarint reads it.
inline void appendVarint(std::vector<uint8_t>& out, uint32_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<uint8_t>(v));
}

inline uint64_t hashBytes(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

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

// The word prefixes whose unions the index stores as lists of their own ("l", "la"), in the order those lists are
// made: onPrefix(prefix, first, last) for each run of at least two words [first, last) sharing a prefix of exactly
// one, then exactly two characters.
template <typename WordAt, typename OnPrefix>
void forEachStoredPrefix(size_t words, WordAt wordAt, OnPrefix onPrefix) {
    for (size_t chars = 1; chars <= 2; ++chars) {
        size_t w = 0;
        while (w < words) {
            std::string_view word = wordAt(w);
            size_t end = 0;
            for (size_t k = 0; k < chars && end < word.size(); ++k) decodeUtf8(word, end);
            std::string_view prefix = word.substr(0, end);
            size_t last = w + 1;
            while (last < words && wordAt(last).substr(0, prefix.size()) == prefix) ++last;
            if (last - w >= 2 && countCodePoints(prefix) == chars) onPrefix(prefix, w, last);
            w = last;
        }
    }
}

// Upper bounds of the folded text's size in bytes (one paper's, every paper's), and the sort ranks and orders
// (search_index_prep.cpp).
size_t paperTextBound(const Corpus& corpus, PaperIndex paper);
size_t foldedTextBound(const Corpus& corpus);
void computeSortRanks(const Corpus& corpus, std::vector<uint32_t> (&ranks)[4], std::vector<PaperIndex> (&orders)[4]);
// The same after a merge, from the orders of the `basePapers` papers before it: the changed papers (ascending) are
// taken out and put back where they now sort (k log n comparisons instead of four sorts of every paper).
void mergeSortRanks(const Corpus& corpus, const std::vector<PaperIndex>& changed, size_t basePapers,
                    const std::vector<PaperIndex> (&baseOrders)[4], std::vector<uint32_t> (&ranks)[4],
                    std::vector<PaperIndex> (&orders)[4]);
// The index of only `papers` (ascending), numbered 0.. in that order, with positions on every list and no prefix
// lists or ranks: what a merge adds to a built index (search_index_builder.cpp, used by search_index_merge.cpp).
SearchIndex buildOverlay(const Corpus& corpus, const std::vector<PaperIndex>& papers);

}  // namespace search_detail

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

// Papers, ascending, optionally with one key's accumulated metadata (hits, zone) and first position.
struct SearchIndex::DocSet {
    std::vector<PaperIndex> docs;
    std::vector<uint8_t> meta;
    std::vector<uint32_t> pos;
};

}  // namespace papertide::core
