// The merger behind SearchIndex::afterMerge (search_index.h): the index of a grown corpus from the index it had and
// an overlay index of the changed papers. search_index_merge.cpp merges the text and the key lists,
// search_index_merge_prefix.cpp the stored prefix unions. Not part of the core's interface.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/byte_relayout.h"
#include "core/search_index.h"

namespace papertide::core {

class SearchIndexMerger {
public:
    SearchIndexMerger(SearchIndex& base, const SearchIndex& overlay, const std::vector<PaperIndex>& changed,
                      const Corpus& corpus, SearchIndex& out)
        : base_(base), ov_(overlay), changed_(changed), c_(corpus), out_(out), n_(corpus.papers.size()) {}

    void run();

private:
    static constexpr uint32_t kNone = UINT32_MAX;
    struct Key {
        bool word = false;
        uint64_t gram = 0;
        std::string_view text;
    };
    struct Entry {
        PaperIndex doc;
        uint32_t meta;  // as stored: zone << 3 | hits - 1
        uint32_t pos;
        bool hasPos;
        // A base posting: its bytes and its predecessor in the base list. Written after the same predecessor, its
        // bytes are the same (the deltas are relative), so they are copied, not encoded again.
        PaperIndex basePrev = kNone;
        const uint8_t* postingBytes = nullptr;
        const uint8_t* positionBytes = nullptr;
        uint8_t postingSize = 0, positionSize = 0;
    };

    bool changed(PaperIndex p) const { return localOf_[p] != kNone; }
    // A base list's bytes: key lists in the base's arrays (read before they are laid out anew), prefix unions in
    // the copies set aside.
    bool isPrefixList(uint32_t b) const { return b >= firstPrefixList_; }
    const uint8_t* basePostings(uint32_t b) const {
        return isPrefixList(b) ? asidePostings_.data() + (base_.listStart_[b] - base_.listStart_[firstPrefixList_])
                               : base_.postings_.data() + base_.listStart_[b];
    }
    const uint8_t* basePositions(uint32_t b) const {
        return isPrefixList(b) ? asidePositions_.data() + (base_.posStart_[b] - base_.posStart_[firstPrefixList_])
                               : base_.positions_.data() + base_.posStart_[b];
    }
    uint64_t listBytes(uint32_t b) const { return base_.listStart_[b + 1] - base_.listStart_[b]; }
    uint64_t positionBytes(uint32_t b) const { return base_.posStart_[b + 1] - base_.posStart_[b]; }

    // The base's prefix unions are the tail of its arrays, which the key lists' new layout may overwrite.
    void setPrefixListsAside();
    static bool storesPositions(const SearchIndex& ix, uint32_t list) { return ix.posStart_[list + 1] > ix.posStart_[list]; }
    bool keepsPositions(uint64_t count) const { return count * 4 <= n_; }

    // Every paper's text in paper order: an unchanged paper's from the base (in place), a changed one's from the
    // overlay.
    void writeText();

    // Base lists that hold a changed paper: the keys of those papers' old text.
    void markDirtyLists();
    void mergeGrams();
    void mergeWords();

    // Writes the merged list of base list `b` and overlay list `o` (either may be kNone); false when it is empty.
    bool emit(uint32_t b, uint32_t o, const Key& key);

    // The head of a base list, up to its first changed paper (or the overlay's first paper, which must come after
    // it): copied as bytes instead of decoded and encoded again. The rest of the list's unchanged papers go to
    // `rest`. Most lists only gain new papers at their end, so most of every list is a head.
    struct Head {
        const uint8_t* postingsEnd = nullptr;
        const uint8_t* positionsEnd = nullptr;
        uint32_t count = 0;
        uint32_t lastDoc = UINT32_MAX;  // UINT32_MAX: the head is empty (the first delta is then doc + 1)
    };
    Head splitBase(uint32_t b, std::vector<Entry>& rest) const;
    void writeHead(uint32_t b, const Head& h, bool positions, const Key* key);
    void mergeOverlay();

    // Appends the bytes of the pending run of unchanged base lists (their offsets were pushed as they joined).
    void flushRun();
    void write(const std::vector<Entry>& entries, bool positions, const Key* key, uint32_t prev = UINT32_MAX);

    // Where the builder would have put a key's first position in a paper: its first token of that key.
    uint32_t firstPosition(PaperIndex doc, const Key& key) const;

    // The same prefixes, in the same order, as SearchIndexBuilder::addPrefixLists over the merged vocabulary.
    void mergePrefixLists();
    void addPrefixList(std::string_view prefix, uint32_t first, uint32_t last);
    uint32_t basePrefixList(std::string_view prefix) const;

    // Appends the changed papers' union entries over the overlay's words starting with `prefix`.
    void overlayUnion(std::string_view prefix);

    SearchIndex& base_;  // consumed: its parts are released as soon as they are copied
    const SearchIndex& ov_;
    const std::vector<PaperIndex>& changed_;  // ascending; overlay paper i is corpus paper changed_[i]
    const Corpus& c_;
    SearchIndex& out_;
    const size_t n_;
    std::vector<uint32_t> localOf_;  // per corpus paper: its overlay number, or kNone when unchanged
    std::vector<bool> dirty_;        // per base key list: holds a changed paper
    uint32_t runFirst_ = kNone, runEnd_ = kNone;  // base lists [first, end) waiting to be copied as they are
    std::vector<Entry> entries_;  // the list being merged (after its head)
    std::vector<Entry> overlay_;  // the overlay's part of it
    const uint32_t firstPrefixList_ = uint32_t(base_.gramKeys_.size() + base_.wordCount());
    std::vector<uint8_t> asidePostings_, asidePositions_;  // the base's prefix unions
    ByteRelayout postingsLayout_, positionsLayout_;        // the merged key lists, planned over the base's arrays
    ByteSink postings_, positions_;  // where merged lists go: planned over the base's arrays, then appended
};

}  // namespace papertide::core
