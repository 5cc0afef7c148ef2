// A byte buffer laid out anew from pieces of itself (kept in their order) and a few new bytes, in place.
// Merging a reader's digest into a 100k-paper index changes a few hundred KB of its 170 MB of text, postings and
// positions; building the merged arrays beside the old ones held both for a moment, and wasm memory never shrinks
// after such a peak. In place, the buffer grows into the room its owner reserved (mergeRoom) and the peak is the
// new bytes only.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace papertide::core {

// Spare capacity for the index's large byte arrays, so that digests merged later grow them in place: about 1 %
// (at 100k papers 1.3 MB in all, room for a few hundred more papers), and 64 KB for a small corpus.
inline uint64_t mergeRoom(uint64_t bytes) { return bytes / 128 + (uint64_t(64) << 10); }

// Makes room for `needed` bytes in `buffer`, keeping its contents: when the capacity is short, a new one of
// needed + mergeRoom (not the doubling of a growing std::string or vector, which at 100k would leave tens of MB
// unused for good).
void reserveWithRoom(std::string& buffer, uint64_t needed);
void reserveWithRoom(std::vector<uint8_t>& buffer, uint64_t needed);

class ByteRelayout {
public:
    // Appends `size` bytes of the old buffer from `offset`. Pieces copied are expected in ascending, disjoint
    // order (a merge walks the old buffer once); otherwise apply() lays the buffer out in a new one.
    void copy(uint64_t offset, uint64_t size);
    void put(std::string_view bytes);
    void putVarint(uint32_t value);
    uint64_t size() const { return size_; }  // of the new layout so far
    uint64_t freshBytes() const { return fresh_.size(); }

    // Rewrites `buffer` (the old one the copied pieces refer to) into the new layout; its capacity grows (with
    // mergeRoom to spare) only if the new layout does not fit.
    void apply(std::string& buffer) const;
    void apply(std::vector<uint8_t>& buffer) const;

private:
    struct Piece {
        uint64_t from;  // in the old buffer, or in fresh_
        uint64_t size;
        bool fresh;
    };
    template <typename Buffer>
    void applyTo(Buffer& buffer) const;

    std::vector<Piece> pieces_;
    std::string fresh_;
    uint64_t size_ = 0;
    uint64_t copiedEnd_ = 0;  // the end of the last piece copied
    bool ordered_ = true;
};

// Where a merge writes a list's bytes: planned as a layout of an old array (pieces of it and new bytes), or
// appended to the end of an array directly (growing it with mergeRoom to spare).
class ByteSink {
public:
    ByteSink() = default;
    static ByteSink planned(const uint8_t* old, ByteRelayout& layout) { return ByteSink(old, &layout, nullptr); }
    static ByteSink appending(std::vector<uint8_t>& out) { return ByteSink(nullptr, nullptr, &out); }
    void copy(const uint8_t* from, const uint8_t* to);  // bytes of the old array (planned) or of anywhere (appending)
    void varint(uint32_t value);
    uint64_t size() const { return layout_ ? layout_->size() : out_->size(); }

private:
    ByteSink(const uint8_t* old, ByteRelayout* layout, std::vector<uint8_t>* out) : old_(old), layout_(layout), out_(out) {}
    const uint8_t* old_ = nullptr;
    ByteRelayout* layout_ = nullptr;
    std::vector<uint8_t>* out_ = nullptr;
};

}  // namespace papertide::core
