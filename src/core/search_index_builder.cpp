// Builds a SearchIndex in two passes over the corpus. Pass 1 writes the folded text of every paper and counts,
// per distinct key of each paper, one posting (see search_index.h for the layout): only sizes, so every list's
// place in the flat arrays is known before anything is written. Pass 2 reads the text again and writes each
// posting at its list's cursor. No list is ever held twice, so the build peaks at about the finished index
// (the price is tokenizing twice); then the stored prefix unions and the sort ranks.
#include <algorithm>
#include <deque>
#include <utility>

#include "core/byte_relayout.h"
#include "core/search_index.h"
#include "core/search_index_internal.h"
#include "core/text.h"

namespace papertide::core {

using namespace search_detail;

class SearchIndexBuilder {
public:
    SearchIndexBuilder(SearchIndex& ix, const Corpus& c) : ix_(ix), c_(c) {}
    // An overlay (core/search_index_merge.cpp): only `papers` (ascending), numbered 0.. in that order, every
    // list with positions, no prefix lists or ranks.
    SearchIndexBuilder(SearchIndex& ix, const Corpus& c, const std::vector<PaperIndex>& papers)
        : ix_(ix), c_(c), subset_(&papers) {}

    void run() {
        const size_t n = subset_ ? subset_->size() : c_.papers.size();
        ix_.text_.reserve(subset_ ? subsetTextBound() : foldedTextBound(c_));  // one buffer that never reallocates
        ix_.docStart_.resize(n + 1);
        ix_.titleEnd_.resize(n);
        ix_.authorsEnd_.resize(n);
        grams_.slots.resize(1 << 14);
        words_.slots.resize(1 << 12);
        for (PaperIndex pi = 0; pi < n; ++pi) {
            const size_t start = writeText(pi, subset_ ? (*subset_)[pi] : pi);
            postPaper(pi, start, ix_.text_.size(), Pass::Count);
            // Tables grow between papers only (at most 3/4 full, plus one paper's new keys).
            if (grams_.used * 4 > grams_.slots.size() * 3) grow(grams_);
            if (words_.used * 4 > words_.slots.size() * 3) grow(words_);
        }
        ix_.docStart_[n] = ix_.text_.size();
        layOut();
        for (PaperIndex pi = 0; pi < n; ++pi) postPaper(pi, ix_.docStart_[pi], ix_.docStart_[pi + 1], Pass::Write);
        std::vector<GramSlot>().swap(grams_.slots);
        std::vector<WordSlot>().swap(words_.slots);
        std::deque<List>().swap(lists_);
        if (subset_) return;
        addPrefixLists();
        computeSortRanks(c_, ix_.ranks_, ix_.orders_);
    }

private:
    enum class Pass { Count, Write };
    // A posting list, 24 bytes (there is one per distinct key: these are most of the build's transient memory).
    // Pass 1 counts its postings and their bytes; layOut turns the two byte counts into where the list's next
    // bytes go (pass 2), `noPositions` for a list that keeps none.
    struct List {
        uint32_t lastDoc = UINT32_MAX;
        uint32_t count = 0;
        uint64_t postings = 0;   // pass 1: bytes; pass 2: the write cursor in ix_.postings_
        uint64_t positions = 0;  // pass 1: bytes; pass 2: the write cursor in ix_.positions_, or noPositions
    };
    static constexpr uint64_t noPositions = UINT64_MAX;
    // Open addressing: the probed tables stay small enough for the cache. A word's slot also says where its
    // text is (in the text buffer, which never moves), so equal hashes are told apart without another table.
    struct GramSlot {
        uint64_t key = 0;  // gram code; 0 = empty
        uint32_t list = 0;
    };
    struct WordSlot {
        uint64_t key = 0;  // word hash | 1; 0 = empty
        uint32_t list = 0;
        uint32_t size = 0;
        uint64_t at = 0;
        std::string_view text(const std::string& buffer) const { return std::string_view(buffer).substr(at, size); }
    };
    template <class Slot>
    struct Table {
        std::vector<Slot> slots;
        size_t used = 0;
    };

    size_t subsetTextBound() const {
        size_t bytes = 16;
        for (PaperIndex p : *subset_) bytes += paperTextBound(c_, p);
        return bytes;
    }

    // Appends corpus paper `paper`'s folded text ([title (+ Chinese titles) | authors; id | summaries]) as the
    // index's paper `pi`; returns its start.
    size_t writeText(PaperIndex pi, PaperIndex paper) {
        const Paper& p = c_.papers[paper];
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
        return start;
    }

    // One posting per distinct key of the paper's text [start, end): counted (pass 1) or written (pass 2).
    void postPaper(PaperIndex pi, size_t start, size_t end, Pass pass) {
        std::string_view doc = std::string_view(ix_.text_).substr(start, end - start);
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
            List& list = l.word ? wordList(l.key, doc.substr(l.firstPos, l.size), start + l.firstPos) : gramList(l.key);
            const uint32_t zone = l.firstPos < titleEnd ? 2 : l.firstPos < authorsEnd ? 1 : 0;
            const uint32_t posting = ((pi - list.lastDoc) << 5) | (zone << 3) | (l.hits - 1u);  // lastDoc starts at -1
            if (pass == Pass::Count) {
                list.postings += varintBytes(posting);
                list.positions += varintBytes(l.firstPos);
                ++list.count;
            } else {
                list.postings = putVarint(ix_.postings_, list.postings, posting);
                if (list.positions != noPositions) list.positions = putVarint(ix_.positions_, list.positions, l.firstPos);
            }
            list.lastDoc = pi;
            l = Local{};
        }
    }

    static uint32_t varintBytes(uint32_t v) {
        uint32_t n = 1;
        while (v >= 0x80) v >>= 7, ++n;
        return n;
    }
    static uint64_t putVarint(std::vector<uint8_t>& out, uint64_t at, uint32_t v) {
        while (v >= 0x80) {
            out[at++] = static_cast<uint8_t>(v | 0x80);
            v >>= 7;
        }
        out[at++] = static_cast<uint8_t>(v);
        return at;
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

    uint32_t newList() {
        lists_.emplace_back();
        return static_cast<uint32_t>(lists_.size() - 1);
    }

    List& gramList(uint64_t key) {
        size_t mask = grams_.slots.size() - 1;
        for (size_t i = slotOf(key, mask);; i = (i + 1) & mask) {
            GramSlot& s = grams_.slots[i];
            if (s.key == key) return lists_[s.list];
            if (s.key == 0) {  // pass 1 only: pass 2 meets no new key
                s.key = key;
                s.list = newList();
                ++grams_.used;
                return lists_[s.list];
            }
        }
    }

    // `at` is where the word is in the text buffer: its first occurrence, which the slot remembers.
    List& wordList(uint64_t key, std::string_view word, size_t at) {
        size_t mask = words_.slots.size() - 1;
        for (size_t i = slotOf(key, mask);; i = (i + 1) & mask) {
            WordSlot& s = words_.slots[i];
            if (s.key == key && s.text(ix_.text_) == word) return lists_[s.list];
            if (s.key == 0) {  // pass 1 only
                s.key = key;
                s.list = newList();
                s.size = static_cast<uint32_t>(word.size());
                s.at = at;
                ++words_.used;
                return lists_[s.list];
            }
        }
    }

    template <class Slot>
    static void grow(Table<Slot>& t) {
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

    // Lays the lists out in key order (grams by code, then words alphabetically) in the flat arrays, sized
    // exactly from pass 1's counts, and points every list's cursors at its place.
    void layOut() {
        // The lists in layout order, by their numbers; the slots' order is let go before the big arrays are taken.
        std::vector<uint32_t> order;
        order.reserve(grams_.used + words_.used);
        {
            std::vector<const GramSlot*> gramSlots;
            std::vector<const WordSlot*> wordSlots;
            gramSlots.reserve(grams_.used);
            wordSlots.reserve(words_.used);
            for (const GramSlot& s : grams_.slots)
                if (s.key) gramSlots.push_back(&s);
            for (const WordSlot& s : words_.slots)
                if (s.key) wordSlots.push_back(&s);
            std::sort(gramSlots.begin(), gramSlots.end(), [](auto* a, auto* b) { return a->key < b->key; });
            const std::string& text = ix_.text_;
            std::sort(wordSlots.begin(), wordSlots.end(), [&](auto* a, auto* b) { return a->text(text) < b->text(text); });

            ix_.gramKeys_.reserve(gramSlots.size());
            for (const GramSlot* s : gramSlots) {
                ix_.gramKeys_.push_back(s->key);
                order.push_back(s->list);
            }
            size_t wordBytes = 0;
            for (const WordSlot* s : wordSlots) wordBytes += s->size;
            ix_.words_.reserve(wordBytes);
            ix_.wordStart_.reserve(wordSlots.size() + 1);
            ix_.wordStart_.push_back(0);
            for (const WordSlot* s : wordSlots) {
                ix_.words_.append(s->text(text));
                ix_.wordStart_.push_back(static_cast<uint32_t>(ix_.words_.size()));
                order.push_back(s->list);
            }
        }
        const size_t lists = order.size();
        ix_.listStart_.resize(lists + 1);
        ix_.posStart_.resize(lists + 1);
        ix_.listCount_.resize(lists);
        // Papers and first positions go to two arrays, so a term that needs no positions never reads them. Keys
        // in more than 1/4 of the papers keep no positions: they are never a term's rarest key unless every key
        // of the term is that common (those terms are verified by scanning instead).
        uint64_t postingBytes = 0, positionBytes = 0;
        for (size_t i = 0; i < lists; ++i) {
            List& list = lists_[order[i]];
            const bool keepPositions = subset_ || uint64_t(list.count) * 4 <= c_.papers.size();
            ix_.listStart_[i] = postingBytes;
            ix_.posStart_[i] = positionBytes;
            ix_.listCount_[i] = list.count;
            postingBytes += std::exchange(list.postings, postingBytes);
            if (keepPositions) positionBytes += std::exchange(list.positions, positionBytes);
            else list.positions = noPositions;
            list.lastDoc = UINT32_MAX;  // pass 2 encodes the same deltas again
        }
        ix_.listStart_[lists] = postingBytes;
        ix_.posStart_[lists] = positionBytes;
        std::vector<uint32_t>().swap(order);
        // Room for the stored prefix unions (addPrefixLists: 3 % of the postings at 100k papers) and for digests
        // merged later, taken now: growing the arrays then would hold the old and the new copy at once and leave
        // the old one as a hole the size of the postings (a wasm memory never gives it back).
        reserveWithRoom(ix_.postings_, postingBytes + postingBytes / 16);
        reserveWithRoom(ix_.positions_, positionBytes + positionBytes / 16);
        ix_.postings_.resize(postingBytes);
        ix_.positions_.resize(positionBytes);
    }

    // The first keystrokes of a Latin word ("l", "la") would union thousands of word lists: their unions are
    // stored as lists of their own (same papers, hits, zones and first positions as the union).
    void addPrefixLists() {
        const uint32_t grams = static_cast<uint32_t>(ix_.gramKeys_.size());
        forEachStoredPrefix(
            ix_.wordStart_.size() - 1, [&](size_t w) { return ix_.word(w); },
            [&](std::string_view prefix, size_t first, size_t last) {
                addPrefixList(prefix, grams + uint32_t(first), grams + uint32_t(last));
            });
        std::sort(ix_.prefixLists_.begin(), ix_.prefixLists_.end());
        // The unions were gathered apart: appended to the key lists one by one, the arrays would have doubled their
        // capacity (and been copied back to size), a peak of three times the postings. Now they go into the room
        // layOut reserved, or the arrays grow once, with room for digests merged later (core/byte_relayout.h).
        reserveWithRoom(ix_.postings_, ix_.postings_.size() + prefixPostings_.size());
        reserveWithRoom(ix_.positions_, ix_.positions_.size() + prefixPositions_.size());
        ix_.postings_.insert(ix_.postings_.end(), prefixPostings_.begin(), prefixPostings_.end());
        ix_.positions_.insert(ix_.positions_.end(), prefixPositions_.begin(), prefixPositions_.end());
        std::vector<uint8_t>().swap(prefixPostings_);
        std::vector<uint8_t>().swap(prefixPositions_);
    }

    void addPrefixList(std::string_view prefix, uint32_t first, uint32_t last) {
        SearchIndex::DocSet u;
        const bool positions = ix_.hasPositions(first, last);
        ix_.unionLists(first, last, u, true, positions);
        const uint32_t list = static_cast<uint32_t>(ix_.listCount_.size());
        const bool keepPositions = positions && uint64_t(u.docs.size()) * 4 <= c_.papers.size();
        uint32_t prev = UINT32_MAX;
        for (size_t i = 0; i < u.docs.size(); ++i) {
            uint32_t meta = (u.meta[i] & 0x18) | ((u.meta[i] & 7) - 1u);
            appendVarint(prefixPostings_, ((u.docs[i] - prev) << 5) | meta);
            prev = u.docs[i];
            if (keepPositions) appendVarint(prefixPositions_, u.pos[i]);
        }
        ix_.listCount_.push_back(static_cast<uint32_t>(u.docs.size()));
        ix_.listStart_.push_back(ix_.postings_.size() + prefixPostings_.size());
        ix_.posStart_.push_back(ix_.positions_.size() + prefixPositions_.size());
        ix_.prefixLists_.push_back({std::string(prefix), list});
    }

    SearchIndex& ix_;
    const Corpus& c_;
    Table<GramSlot> grams_;
    Table<WordSlot> words_;
    // Per key, by creation. A deque, not a vector: a third of a million keys at 100k papers, and a vector growing
    // by doubling would hold two copies at once and leave the old ones as holes no large array can use; a deque's
    // small blocks never move and fit the holes the corpus merge left (a wasm memory never shrinks).
    std::deque<List> lists_;
    std::vector<Local> local_;  // the current paper's keys
    size_t localMask_ = 0;
    std::vector<uint32_t> used_;  // its used slots
    const std::vector<PaperIndex>* subset_ = nullptr;
    std::vector<uint8_t> prefixPostings_, prefixPositions_;  // the stored prefix unions, until appended
};

SearchIndex::SearchIndex(const Corpus& corpus) {
    SearchIndexBuilder builder(*this, corpus);
    builder.run();
}

namespace search_detail {

SearchIndex buildOverlay(const Corpus& corpus, const std::vector<PaperIndex>& papers) {
    SearchIndex overlay;
    SearchIndexBuilder builder(overlay, corpus, papers);
    builder.run();
    return overlay;
}

}  // namespace search_detail

}  // namespace papertide::core
