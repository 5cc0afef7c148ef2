#include "core/byte_relayout.h"

#include <cstring>

namespace papertide::core {

namespace {

template <typename Buffer>
void growWithRoom(Buffer& buffer, uint64_t needed) {
    if (buffer.capacity() >= needed) return;
    Buffer grown;
    grown.reserve(needed + mergeRoom(needed));
    grown.assign(buffer.begin(), buffer.end());
    buffer.swap(grown);
}

// LEB128, as the index stores its postings and positions (search_detail::appendVarint); returns the length.
size_t encodeVarint(uint32_t value, uint8_t (&out)[5]) {
    size_t n = 0;
    while (value >= 0x80) {
        out[n++] = static_cast<uint8_t>(value | 0x80);
        value >>= 7;
    }
    out[n++] = static_cast<uint8_t>(value);
    return n;
}

}  // namespace

void reserveWithRoom(std::string& buffer, uint64_t needed) { growWithRoom(buffer, needed); }
void reserveWithRoom(std::vector<uint8_t>& buffer, uint64_t needed) { growWithRoom(buffer, needed); }

void ByteRelayout::copy(uint64_t offset, uint64_t size) {
    if (size == 0) return;
    if (offset < copiedEnd_) ordered_ = false;
    copiedEnd_ = offset + size;
    if (!pieces_.empty() && !pieces_.back().fresh && pieces_.back().from + pieces_.back().size == offset)
        pieces_.back().size += size;
    else pieces_.push_back({offset, size, false});
    size_ += size;
}

void ByteRelayout::put(std::string_view bytes) {
    if (bytes.empty()) return;
    if (!pieces_.empty() && pieces_.back().fresh) pieces_.back().size += bytes.size();
    else pieces_.push_back({fresh_.size(), bytes.size(), true});
    fresh_.append(bytes);
    size_ += bytes.size();
}

void ByteRelayout::putVarint(uint32_t value) {
    uint8_t bytes[5];
    const size_t n = encodeVarint(value, bytes);
    put(std::string_view(reinterpret_cast<const char*>(bytes), n));
}

void ByteRelayout::apply(std::string& buffer) const { applyTo(buffer); }
void ByteRelayout::apply(std::vector<uint8_t>& buffer) const { applyTo(buffer); }

// Copied pieces keep their order and length, so each moves right (to a higher offset), left, or not at all. A
// piece moving right can only land on old bytes of pieces to its right that also move right: moving those first
// (right to left) frees its place. A piece moving left can only land on old bytes of pieces to its left, all moved
// by then (the right-movers first, then the left-movers left to right). New bytes go last, when every old byte
// has reached its place; their places never overlap a piece's new place.
template <typename Buffer>
void ByteRelayout::applyTo(Buffer& buffer) const {
    if (!ordered_) {  // not a single walk over the old buffer: no in-place order exists in general
        Buffer laid;
        growWithRoom(laid, size_);
        for (const Piece& p : pieces_) {
            const char* from = p.fresh ? fresh_.data() + p.from : reinterpret_cast<const char*>(buffer.data()) + p.from;
            laid.insert(laid.end(), from, from + p.size);
        }
        buffer.swap(laid);
        return;
    }
    growWithRoom(buffer, size_);  // only when the room ran out
    if (buffer.size() < size_) buffer.resize(size_);
    auto* data = reinterpret_cast<char*>(buffer.data());
    std::vector<uint64_t> to(pieces_.size());
    for (uint64_t i = 0, at = 0; i < pieces_.size(); at += pieces_[i].size, ++i) to[i] = at;
    for (size_t i = pieces_.size(); i-- > 0;)
        if (!pieces_[i].fresh && to[i] > pieces_[i].from) std::memmove(data + to[i], data + pieces_[i].from, pieces_[i].size);
    for (size_t i = 0; i < pieces_.size(); ++i)
        if (!pieces_[i].fresh && to[i] < pieces_[i].from) std::memmove(data + to[i], data + pieces_[i].from, pieces_[i].size);
    for (size_t i = 0; i < pieces_.size(); ++i)
        if (pieces_[i].fresh) std::memcpy(data + to[i], fresh_.data() + pieces_[i].from, pieces_[i].size);
    buffer.resize(size_);  // shrinking keeps the capacity: room for the next merge
}

void ByteSink::copy(const uint8_t* from, const uint8_t* to) {
    if (layout_) return layout_->copy(uint64_t(from - old_), uint64_t(to - from));
    reserveWithRoom(*out_, out_->size() + uint64_t(to - from));
    out_->insert(out_->end(), from, to);
}

void ByteSink::varint(uint32_t value) {
    if (layout_) return layout_->putVarint(value);
    uint8_t bytes[5];
    copy(bytes, bytes + encodeVarint(value, bytes));
}

}  // namespace papertide::core
