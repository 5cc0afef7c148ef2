#include "core/search_index.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>

#include "core/text.h"

namespace papertide::core {

namespace {

// Checking one paper's text costs about as much as decoding this many postings: it decides between
// walking a posting list and scanning the few candidates left.
constexpr uint64_t kScanCost = 32;

uint64_t gramKey(char32_t a, char32_t b) { return (uint64_t(a) << 21) | b; }

bool isSpaceCp(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v'; }

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

bool precededByWordChar(std::string_view text, size_t pos) {
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
constexpr uint32_t kZoneFifths[4] = {0, 30, 50, 50};
uint8_t accFromPosting(uint32_t meta) { return static_cast<uint8_t>((meta & 0x18) | ((meta & 7) + 1)); }
uint32_t fifthsOfAcc(uint8_t acc) { return kZoneFifths[acc >> 3] + 2 * (acc & 7u); }
uint8_t combineAcc(uint8_t a, uint8_t b) {
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

uint64_t hashBytes(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

}  // namespace

// --- building -------------------------------------------------------------------------------------------

class SearchIndexBuilder {
public:
    SearchIndexBuilder(SearchIndex& ix, const Corpus& c) : ix_(ix), c_(c) {}

    void run() {
        const size_t n = c_.papers.size();
        reserveText();
        ix_.docStart_.resize(n + 1);
        ix_.titleEnd_.resize(n);
        ix_.authorsEnd_.resize(n);
        grams_.slots.resize(1 << 14);
        words_.slots.resize(1 << 12);
        for (PaperIndex pi = 0; pi < n; ++pi) {
            addPaper(pi);
            // Tables grow between papers only (at most 3/4 full, plus one paper's new keys).
            if (grams_.used * 4 > grams_.slots.size() * 3) grow(grams_);
            if (words_.used * 4 > words_.slots.size() * 3) grow(words_);
        }
        ix_.docStart_[n] = ix_.text_.size();
        finish();
        computeRanks();
    }

private:
    // A posting list under construction: varint bytes in a chain of arena chunks.
    struct List {
        uint32_t lastDoc = UINT32_MAX;
        uint32_t count = 0, bytes = 0;
        uint32_t head = UINT32_MAX, tail = UINT32_MAX;
        uint8_t tailUsed = 0;
    };
    // Open addressing with 16-byte slots (key, list number): the probed table stays small enough for the cache.
    struct Slot {
        uint64_t key = 0;  // gram code, or word hash | 1; 0 = empty
        uint32_t list = 0;
        uint32_t spare = 0;
    };
    struct Table {
        std::vector<Slot> slots;
        size_t used = 0;
    };
    static constexpr uint32_t kChunkPayload = 28;
    struct Chunk {
        uint32_t next;
        uint8_t payload[kChunkPayload];
    };
    static constexpr uint32_t kChunksPerBlock = 1 << 15;

    // The text is written into one buffer: reserve its (upper-bound) size so it never reallocates.
    void reserveText() {
        size_t bytes = 0;
        for (const Paper& p : c_.papers) {
            bytes += p.title.size() + p.id.size() + 8;
            for (AuthorIndex a : p.authors) bytes += c_.authors[a].name.size() + 2;
            for (AppearanceIndex ai : p.appearances) {
                const Appearance& a = c_.appearances[ai];
                bytes += a.titleZh.size() + a.summary.size() + a.why.size() + a.insight.size() + 12;
            }
        }
        ix_.text_.reserve(bytes + 16);
    }

    void addPaper(PaperIndex pi) {
        const Paper& p = c_.papers[pi];
        std::string& text = ix_.text_;
        const size_t start = text.size();
        ix_.docStart_[pi] = start;
        {
            FoldWriter title(text);
            title.add(p.title);
            for (AppearanceIndex ai : p.appearances) {
                const Appearance& a = c_.appearances[ai];
                if (a.titleZh.empty()) continue;
                title.add(" \x1f ");
                title.add(a.titleZh);
            }
        }
        ix_.titleEnd_[pi] = static_cast<uint32_t>(text.size() - start);
        text += " \x1f ";
        {
            FoldWriter authors(text);
            for (AuthorIndex a : p.authors) {
                authors.add(c_.authors[a].name);
                authors.add("; ");
            }
            authors.add(p.id);
        }
        ix_.authorsEnd_[pi] = static_cast<uint32_t>(text.size() - start);
        {
            FoldWriter body(text);
            for (AppearanceIndex ai : p.appearances) {
                const Appearance& a = c_.appearances[ai];
                for (const std::string* s : {&a.summary, &a.why, &a.insight}) {
                    if (s->empty()) continue;
                    body.add(" \x1f ");
                    body.add(*s);
                }
            }
        }
        std::string_view doc = std::string_view(text).substr(start);
        // Hits are first gathered per paper in a small table (cache-resident), so the big tables are
        // touched once per distinct key of the paper rather than once per token.
        size_t need = 64;
        while (need < doc.size()) need <<= 1;  // tokens <= bytes, so the load stays below 1/2
        if (local_.size() < need) local_.assign(need, Local{});
        localMask_ = need - 1;
        used_.clear();
        tokenize(
            doc, [&](std::string_view word, size_t pos) { localHit(hashBytes(word) | 1, true, pos, word.size(), doc); },
            [&](char32_t a, char32_t b, size_t pos, size_t bytes) { localHit(gramKey(a, b), false, pos, bytes, doc); });
        const uint32_t titleEnd = ix_.titleEnd_[pi], authorsEnd = ix_.authorsEnd_[pi];
        for (uint32_t slot : used_) {
            Local& l = local_[slot];
            List* list = l.word ? wordList(l.key, doc.substr(l.firstPos, l.size), start + l.firstPos) : gramList(l.key);
            uint32_t zone = l.firstPos < titleEnd ? 2 : l.firstPos < authorsEnd ? 1 : 0;
            uint32_t meta = (zone << 3) | (l.hits - 1u);
            append(*list, ((pi - list->lastDoc) << 5) | meta);  // lastDoc starts at -1
            list->lastDoc = pi;
            ++list->count;
            l = Local{};
        }
    }

    // One key's hits in the current paper.
    struct Local {
        uint64_t key = 0;  // 0 = empty
        uint32_t firstPos = 0, lastEnd = 0, size = 0;
        uint8_t hits = 0;
        bool word = false;
    };

    void localHit(uint64_t key, bool word, size_t pos, size_t bytes, std::string_view doc) {
        for (size_t i = slotOf(key, localMask_);; i = (i + 1) & localMask_) {
            Local& l = local_[i];
            if (l.key == 0) {
                l.key = key;
                l.word = word;
                l.firstPos = static_cast<uint32_t>(pos);
                l.lastEnd = static_cast<uint32_t>(pos + bytes);
                l.size = static_cast<uint32_t>(bytes);
                l.hits = 1;
                used_.push_back(static_cast<uint32_t>(i));
                return;
            }
            if (l.key != key || l.word != word) continue;
            if (word && (l.size != bytes || doc.compare(l.firstPos, bytes, doc.substr(pos, bytes)) != 0)) continue;
            if (pos >= l.lastEnd) {  // non-overlapping hits, as the text search counts them
                if (l.hits < 5) ++l.hits;
                l.lastEnd = static_cast<uint32_t>(pos + bytes);
            }
            return;
        }
    }

    static size_t slotOf(uint64_t key, size_t mask) { return (key * 0x9E3779B97F4A7C15ull) >> 24 & mask; }

    uint32_t newList(uint64_t wordOffset, uint32_t wordSize) {
        lists_.emplace_back();
        wordOffset_.push_back(wordOffset);
        wordSize_.push_back(wordSize);
        return static_cast<uint32_t>(lists_.size() - 1);
    }

    List* gramList(uint64_t key) {
        size_t mask = grams_.slots.size() - 1;
        for (size_t i = slotOf(key, mask);; i = (i + 1) & mask) {
            Slot& s = grams_.slots[i];
            if (s.key == key) return &lists_[s.list];
            if (s.key == 0) {
                s.key = key;
                s.list = newList(0, 0);
                ++grams_.used;
                return &lists_[s.list];
            }
        }
    }

    // `at` is where the word is in the text buffer (which never moves): the list remembers it.
    List* wordList(uint64_t key, std::string_view word, size_t at) {
        size_t mask = words_.slots.size() - 1;
        for (size_t i = slotOf(key, mask);; i = (i + 1) & mask) {
            Slot& s = words_.slots[i];
            if (s.key == key && wordSize_[s.list] == word.size() &&
                std::memcmp(ix_.text_.data() + wordOffset_[s.list], word.data(), word.size()) == 0)
                return &lists_[s.list];
            if (s.key == 0) {
                s.key = key;
                s.list = newList(at, static_cast<uint32_t>(word.size()));
                ++words_.used;
                return &lists_[s.list];
            }
        }
    }

    static void grow(Table& t) {
        std::vector<Slot> slots(t.slots.size() * 2);
        size_t mask = slots.size() - 1;
        for (const Slot& s : t.slots) {
            if (!s.key) continue;
            size_t i = slotOf(s.key, mask);
            while (slots[i].key) i = (i + 1) & mask;
            slots[i] = s;
        }
        t.slots.swap(slots);
    }

    Chunk& chunk(uint32_t c) { return blocks_[c / kChunksPerBlock][c % kChunksPerBlock]; }

    uint32_t newChunk() {
        if (chunks_ % kChunksPerBlock == 0) blocks_.push_back(std::make_unique<Chunk[]>(kChunksPerBlock));
        uint32_t c = chunks_++;
        chunk(c).next = UINT32_MAX;
        return c;
    }

    void append(List& list, uint32_t v) {
        do {
            uint8_t byte = v & 0x7F;
            v >>= 7;
            if (v) byte |= 0x80;
            if (list.head == UINT32_MAX || list.tailUsed == kChunkPayload) {
                uint32_t c = newChunk();
                if (list.head == UINT32_MAX) list.head = c;
                else chunk(list.tail).next = c;
                list.tail = c;
                list.tailUsed = 0;
            }
            chunk(list.tail).payload[list.tailUsed++] = byte;
            ++list.bytes;
        } while (v);
    }

    // Lays the lists out in key order (grams by code, then words alphabetically) in one flat array.
    void finish() {
        std::vector<const Slot*> gramSlots, wordSlots;
        gramSlots.reserve(grams_.used);
        wordSlots.reserve(words_.used);
        for (const Slot& s : grams_.slots)
            if (s.key) gramSlots.push_back(&s);
        for (const Slot& s : words_.slots)
            if (s.key) wordSlots.push_back(&s);
        std::sort(gramSlots.begin(), gramSlots.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
        auto text = [&](const Slot* s) { return std::string_view(ix_.text_).substr(wordOffset_[s->list], wordSize_[s->list]); };
        std::sort(wordSlots.begin(), wordSlots.end(), [&](const Slot* a, const Slot* b) { return text(a) < text(b); });

        ix_.gramKeys_.reserve(gramSlots.size());
        for (const Slot* s : gramSlots) ix_.gramKeys_.push_back(s->key);
        size_t wordBytes = 0;
        for (const Slot* s : wordSlots) wordBytes += wordSize_[s->list];
        ix_.words_.reserve(wordBytes);
        ix_.wordStart_.reserve(wordSlots.size() + 1);
        ix_.wordStart_.push_back(0);
        for (const Slot* s : wordSlots) {
            ix_.words_.append(text(s));
            ix_.wordStart_.push_back(static_cast<uint32_t>(ix_.words_.size()));
        }
        size_t total = 0, lists = gramSlots.size() + wordSlots.size();
        for (const auto* group : {&gramSlots, &wordSlots})
            for (const Slot* s : *group) total += lists_[s->list].bytes;
        ix_.postings_.resize(total);
        ix_.listStart_.resize(lists + 1);
        ix_.listCount_.resize(lists);
        size_t at = 0, i = 0;
        for (const auto* group : {&gramSlots, &wordSlots}) {
            for (const Slot* s : *group) {
                const List& list = lists_[s->list];
                ix_.listStart_[i] = at;
                ix_.listCount_[i] = list.count;
                uint32_t left = list.bytes;
                for (uint32_t c = list.head; c != UINT32_MAX && left > 0;) {
                    const Chunk& ch = chunk(c);
                    uint32_t take = std::min(left, kChunkPayload);
                    std::memcpy(ix_.postings_.data() + at, ch.payload, take);
                    at += take;
                    left -= take;
                    c = ch.next;
                }
                ++i;
            }
        }
        ix_.listStart_[lists] = at;
        blocks_.clear();
        std::vector<Slot>().swap(grams_.slots);
        std::vector<Slot>().swap(words_.slots);
        std::vector<List>().swap(lists_);
    }

    // Dense ranks for sortPapers: equal papers (under each order's comparison) share a rank.
    void computeRanks() {
        const auto& P = c_.papers;
        const size_t n = P.size();
        std::vector<uint32_t> firstRank(n, 0);
        for (PaperIndex p = 0; p < n; ++p)
            if (!P[p].appearances.empty()) firstRank[p] = c_.appearances[P[p].appearances.front()].rank;
        auto dense = [&](std::vector<uint32_t>& out, auto less) {
            std::vector<PaperIndex> order(n);
            for (PaperIndex p = 0; p < n; ++p) order[p] = p;
            std::sort(order.begin(), order.end(), [&](PaperIndex a, PaperIndex b) { return less(a, b) || (!less(b, a) && a < b); });
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
        auto& ranks = ix_.ranks_;
        dense(ranks[int(SearchIndex::Rank::Newest)], newest);
        dense(ranks[int(SearchIndex::Rank::Oldest)], [&](PaperIndex a, PaperIndex b) {
            if (P[a].firstMonth != P[b].firstMonth) return P[a].firstMonth < P[b].firstMonth;
            return firstRank[a] < firstRank[b];
        });
        const std::vector<uint32_t>& newestRank = ranks[int(SearchIndex::Rank::Newest)];
        dense(ranks[int(SearchIndex::Rank::Recurrence)], [&](PaperIndex a, PaperIndex b) {
            if (P[a].appearances.size() != P[b].appearances.size()) return P[a].appearances.size() > P[b].appearances.size();
            return newestRank[a] < newestRank[b];
        });
        // Title order: folded title, then paper index (every paper has its own rank).
        std::vector<std::string> titles(n);
        for (PaperIndex p = 0; p < n; ++p) titles[p] = foldForSearch(P[p].title);
        std::vector<PaperIndex> order(n);
        for (PaperIndex p = 0; p < n; ++p) order[p] = p;
        std::sort(order.begin(), order.end(), [&](PaperIndex a, PaperIndex b) {
            int cmp = titles[a].compare(titles[b]);
            return cmp != 0 ? cmp < 0 : a < b;
        });
        auto& title = ranks[int(SearchIndex::Rank::Title)];
        title.assign(n, 0);
        for (size_t i = 0; i < n; ++i) title[order[i]] = static_cast<uint32_t>(i);
    }

    SearchIndex& ix_;
    const Corpus& c_;
    Table grams_, words_;
    std::vector<List> lists_;          // by creation
    std::vector<uint64_t> wordOffset_;  // per list: a word's place in the text buffer (words only)
    std::vector<uint32_t> wordSize_;
    std::vector<Local> local_;  // the current paper's keys
    size_t localMask_ = 0;
    std::vector<uint32_t> used_;  // its used slots
    std::vector<std::unique_ptr<Chunk[]>> blocks_;
    uint32_t chunks_ = 0;
};

SearchIndex::SearchIndex(const Corpus& corpus) {
    SearchIndexBuilder builder(*this, corpus);
    builder.run();
}

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
    bool exact = false;
    bool impossible = false;
    uint64_t estimate = 0;  // at most this many papers match
};

// Papers with their accumulated per-key metadata (hits, zone), ascending.
struct SearchIndex::DocSet {
    std::vector<PaperIndex> docs;
    std::vector<uint8_t> meta;
};

SearchIndex::TermPlan SearchIndex::plan(std::string_view term) const {
    TermPlan plan;
    plan.term = term;
    const uint32_t grams = static_cast<uint32_t>(gramKeys_.size());
    size_t cjkRun = 0, tokens = 0;
    bool onlyOneRun = true;
    auto addGram = [&](uint64_t key) {
        auto it = std::lower_bound(gramKeys_.begin(), gramKeys_.end(), key);
        if (it == gramKeys_.end() || *it != key) {
            plan.impossible = true;
            return;
        }
        uint32_t list = static_cast<uint32_t>(it - gramKeys_.begin());
        plan.ranges.push_back({list, list + 1});
        plan.sizes.push_back(listCount_[list]);
    };
    std::vector<char32_t> run;
    auto flushCjk = [&] {
        if (run.empty()) return;
        ++tokens;
        if (run.size() == 1) addGram(gramKey(run[0], 0));
        for (size_t i = 1; i < run.size(); ++i) addGram(gramKey(run[i - 1], run[i]));
        cjkRun = run.size();
        run.clear();
    };
    size_t pos = 0, wordStart = std::string_view::npos;
    auto flushWord = [&](size_t end) {
        if (wordStart == std::string_view::npos) return;
        ++tokens;
        std::string_view w = term.substr(wordStart, end - wordStart);
        size_t lo = 0, hi = wordStart_.empty() ? 0 : wordStart_.size() - 1;
        // First word >= w, then the first word that does not start with w.
        size_t first = lo, last = hi;
        {
            size_t a = lo, b = hi;
            while (a < b) {
                size_t m = (a + b) / 2;
                if (word(m) < w) a = m + 1;
                else b = m;
            }
            first = a;
            b = hi;
            while (a < b) {
                size_t m = (a + b) / 2;
                if (word(m).substr(0, w.size()) == w) a = m + 1;
                else b = m;
            }
            last = a;
        }
        if (first == last) plan.impossible = true;
        uint64_t size = 0;
        for (size_t k = first; k < last; ++k) size += listCount_[grams + k];
        plan.ranges.push_back({grams + static_cast<uint32_t>(first), grams + static_cast<uint32_t>(last)});
        plan.sizes.push_back(size);
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
            run.push_back(cp);
        } else {
            flushCjk();
            other = true;
        }
    }
    flushWord(term.size());
    flushCjk();
    onlyOneRun = tokens == 1 && !other;
    // One word (prefix semantics) or one or two CJK characters: the lists are exactly the term's papers.
    plan.exact = onlyOneRun && !plan.impossible && (cjkRun == 0 || cjkRun <= 2);
    const uint64_t n = paperCount();
    plan.estimate = n;
    for (uint64_t s : plan.sizes) plan.estimate = std::min(plan.estimate, s);
    return plan;
}

void SearchIndex::decodeList(uint32_t list, DocSet& out, bool withMeta) const {
    const uint8_t* p = postings_.data() + listStart_[list];
    const uint32_t count = listCount_[list];
    out.docs.resize(count);
    if (withMeta) out.meta.resize(count);
    uint32_t doc = UINT32_MAX;
    for (uint32_t i = 0; i < count; ++i) {
        uint32_t v = getVarint(p);
        doc += v >> 5;
        out.docs[i] = doc;
        if (withMeta) out.meta[i] = accFromPosting(v & 31);
    }
}

void SearchIndex::unionLists(uint32_t first, uint32_t last, DocSet& out, bool withMeta) const {
    out.docs.clear();
    out.meta.clear();
    if (first >= last) return;
    if (last - first == 1) return decodeList(first, out, withMeta);
    const size_t n = paperCount();
    uint64_t total = 0;
    for (uint32_t l = first; l < last; ++l) total += listCount_[l];
    if (total * 8 >= n) {
        // Dense: accumulate per paper, then read the papers out in order.
        std::vector<uint8_t> acc(n, 0);
        for (uint32_t l = first; l < last; ++l) {
            const uint8_t* p = postings_.data() + listStart_[l];
            uint32_t doc = UINT32_MAX;
            for (uint32_t i = 0, c = listCount_[l]; i < c; ++i) {
                uint32_t v = getVarint(p);
                doc += v >> 5;
                acc[doc] = combineAcc(acc[doc], accFromPosting(v & 31));
            }
        }
        for (PaperIndex d = 0; d < n; ++d) {
            if (!acc[d]) continue;
            out.docs.push_back(d);
            if (withMeta) out.meta.push_back(acc[d]);
        }
        return;
    }
    std::vector<std::pair<PaperIndex, uint8_t>> all;
    all.reserve(total);
    for (uint32_t l = first; l < last; ++l) {
        const uint8_t* p = postings_.data() + listStart_[l];
        uint32_t doc = UINT32_MAX;
        for (uint32_t i = 0, c = listCount_[l]; i < c; ++i) {
            uint32_t v = getVarint(p);
            doc += v >> 5;
            all.push_back({doc, accFromPosting(v & 31)});
        }
    }
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [doc, acc] : all) {
        if (!out.docs.empty() && out.docs.back() == doc) {
            if (withMeta) out.meta.back() = combineAcc(out.meta.back(), acc);
            continue;
        }
        out.docs.push_back(doc);
        if (withMeta) out.meta.push_back(acc);
    }
}

// Keeps the papers of `set` that are in the union of lists [first, last); `scores` (aligned with the set)
// follows, and gains the lists' scores when addScores.
void SearchIndex::intersectList(uint32_t first, uint32_t last, DocSet& set, std::vector<uint32_t>* scores,
                                bool addScores) const {
    size_t kept = 0;
    if (last - first == 1) {
        // Walk the one list alongside the set, stopping after the set's last paper.
        const uint8_t* p = postings_.data() + listStart_[first];
        uint32_t remaining = listCount_[first], doc = UINT32_MAX;
        for (size_t i = 0; i < set.docs.size() && remaining > 0;) {
            uint32_t v = getVarint(p);
            --remaining;
            doc += v >> 5;
            while (i < set.docs.size() && set.docs[i] < doc) ++i;
            if (i < set.docs.size() && set.docs[i] == doc) {
                if (scores) (*scores)[kept] = (*scores)[i] + (addScores ? fifthsOfAcc(accFromPosting(v & 31)) : 0);
                set.docs[kept++] = doc;
                ++i;
            }
        }
    } else {
        DocSet other;
        unionLists(first, last, other, scores && addScores);
        size_t j = 0;
        for (size_t i = 0; i < set.docs.size(); ++i) {
            while (j < other.docs.size() && other.docs[j] < set.docs[i]) ++j;
            if (j == other.docs.size()) break;
            if (other.docs[j] != set.docs[i]) continue;
            if (scores) (*scores)[kept] = (*scores)[i] + (addScores ? fifthsOfAcc(other.meta[j]) : 0);
            set.docs[kept++] = set.docs[i];
        }
    }
    set.docs.resize(kept);
    if (scores) scores->resize(kept);
}

// Removes the papers of the union of lists [first, last) from `set`.
void SearchIndex::subtractLists(uint32_t first, uint32_t last, DocSet& set, std::vector<uint32_t>* scores) const {
    DocSet other;
    unionLists(first, last, other, false);
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

    // Keeps the papers of `set` whose text holds the term (adding its score).
    auto scan = [&](const TermPlan& p) {
        Finder finder(p.term);
        size_t kept = 0;
        for (size_t i = 0; i < set.docs.size(); ++i) {
            PaperIndex d = set.docs[i];
            if (withScores) {
                uint32_t f = finder.fifths(docText(d), titleEnd_[d], authorsEnd_[d]);
                if (!f) continue;
                scores[kept] = scores[i] + f;
            } else if (finder.findTerm(docText(d), 0) == std::string_view::npos) {
                continue;
            }
            set.docs[kept++] = d;
        }
        set.docs.resize(kept);
        if (withScores) scores.resize(kept);
    };

    if (plans.empty()) {
        set.docs.resize(n);
        for (PaperIndex i = 0; i < n; ++i) set.docs[i] = i;
        if (withScores) scores.assign(n, 0);
    } else {
        const TermPlan& first = plans.front();
        if (first.exact) {
            unionLists(first.ranges[0].first, first.ranges[0].second, set, withScores);
            if (withScores) {
                scores.resize(set.docs.size());
                for (size_t i = 0; i < set.docs.size(); ++i) scores[i] = fifthsOfAcc(set.meta[i]);
            }
        } else {
            if (first.ranges.empty()) {  // nothing indexable (punctuation only): every paper is a candidate
                set.docs.resize(n);
                for (PaperIndex i = 0; i < n; ++i) set.docs[i] = i;
            } else {
                std::vector<size_t> byRarity(first.ranges.size());
                for (size_t i = 0; i < byRarity.size(); ++i) byRarity[i] = i;
                std::stable_sort(byRarity.begin(), byRarity.end(), [&](size_t a, size_t b) { return first.sizes[a] < first.sizes[b]; });
                unionLists(first.ranges[byRarity[0]].first, first.ranges[byRarity[0]].second, set, false);
                for (size_t k = 1; k < byRarity.size() && !set.docs.empty(); ++k) {
                    const auto& r = first.ranges[byRarity[k]];
                    if (first.sizes[byRarity[k]] > set.docs.size() * kScanCost) break;  // cheaper to scan the rest
                    intersectList(r.first, r.second, set, nullptr, false);
                }
            }
            if (withScores) scores.assign(set.docs.size(), 0);
            scan(first);
        }
        set.meta.clear();
        for (size_t k = 1; k < plans.size() && !set.docs.empty(); ++k) {
            const TermPlan& p = plans[k];
            if (p.exact && p.estimate < set.docs.size() * kScanCost) {
                intersectList(p.ranges[0].first, p.ranges[0].second, set, sc, true);
                continue;
            }
            if (!p.exact)  // rare keys of the term narrow the candidates before their texts are checked
                for (size_t r = 0; r < p.ranges.size() && !set.docs.empty(); ++r)
                    if (p.sizes[r] < set.docs.size() * kScanCost) intersectList(p.ranges[r].first, p.ranges[r].second, set, sc, false);
            scan(p);
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
        // Only papers in every key range of the term can hold it: check the rarest range first (when cheap).
        DocSet possible;
        bool narrowed = false;
        if (!p.ranges.empty()) {
            size_t rarest = std::min_element(p.sizes.begin(), p.sizes.end()) - p.sizes.begin();
            if (p.sizes[rarest] < set.docs.size() * kScanCost) {
                unionLists(p.ranges[rarest].first, p.ranges[rarest].second, possible, false);
                narrowed = true;
            }
        }
        Finder finder(p.term);
        size_t kept = 0, j = 0;
        for (size_t i = 0; i < set.docs.size(); ++i) {
            PaperIndex d = set.docs[i];
            bool mayHold = true;
            if (narrowed) {
                while (j < possible.docs.size() && possible.docs[j] < d) ++j;
                mayHold = j < possible.docs.size() && possible.docs[j] == d;
            }
            if (mayHold && finder.findTerm(docText(d), 0) != std::string_view::npos) continue;
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
                   listStart_.capacity() * sizeof(uint64_t) + listCount_.capacity() * sizeof(uint32_t) + postings_.capacity();
    for (const auto& r : ranks_) bytes += r.capacity() * sizeof(uint32_t);
    return bytes;
}

}  // namespace papertide::core
