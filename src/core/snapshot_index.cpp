// The search index's sections of a snapshot: its flat arrays as they are in memory (read straight into
// their vectors), and the checks that make every query on a loaded index stay within its arrays.
#include <string>

#include "core/byte_relayout.h"
#include "core/search_index.h"
#include "core/search_index_internal.h"
#include "core/snapshot_codec.h"

namespace papertide::core {

using namespace snapshot_detail;

void SnapshotCodec::writeIndex(SnapshotWriter& w, const SearchIndex& ix) {
    auto section = [&](uint32_t id, const auto& array) {
        w.begin(id);
        w.array(array);
        w.end();
    };
    // In this order for a reader that reads during the download (docs/SNAPSHOT.md, "Reading while it arrives"):
    // the lists' check, the costliest, runs once the postings are in, while the text (the largest section, and
    // the cheapest to read) still arrives; the small sections after it hide most of the text's own reading.
    section(kDocStart, ix.docStart_);
    section(kTitleEnd, ix.titleEnd_);
    section(kAuthorsEnd, ix.authorsEnd_);
    section(kGramKeys, ix.gramKeys_);
    section(kWords, ix.words_);
    section(kWordStart, ix.wordStart_);
    section(kListStart, ix.listStart_);
    section(kListCount, ix.listCount_);
    section(kPosStart, ix.posStart_);
    section(kPositions, ix.positions_);
    section(kPostings, ix.postings_);
    section(kText, ix.text_);
    w.begin(kPrefixLists);
    w.u32(static_cast<uint32_t>(ix.prefixLists_.size()));
    for (const auto& [prefix, list] : ix.prefixLists_) {
        w.str(prefix);
        w.u32(list);
    }
    w.end();
    w.begin(kRanks);
    for (const auto& r : ix.ranks_) w.array(r);
    w.end();
    w.begin(kOrders);
    for (const auto& o : ix.orders_) w.array(o);
    w.end();
}

bool SnapshotCodec::readsInParts(uint32_t id) { return id == kText || id == kPostings || id == kPositions; }

bool SnapshotCodec::readIndexSectionPart(SectionReader& r, uint32_t id, SearchIndex& ix, uint64_t bytes) {
    const auto part = [&](auto& array) {
        // Once: the parts append in place, and digests merged later grow the array in place (core/byte_relayout.h).
        if (array.empty()) reserveWithRoom(array, r.remaining());
        return r.append(array, bytes);
    };
    switch (id) {
        case kText: return part(ix.text_);
        case kPostings: return part(ix.postings_);
        case kPositions: return part(ix.positions_);
        default: return r.fail("not read in parts (a reader bug)");
    }
}

bool SnapshotCodec::readIndexSection(SectionReader& r, uint32_t id, SearchIndex& ix) {
    // Four equal parts of one array section (ranks or orders: one per sort order).
    auto quarters = [&](std::vector<uint32_t>(&parts)[4]) {
        if (r.remaining() % 16 != 0) return r.fail("size is not four arrays of 32-bit numbers");
        const size_t n = static_cast<size_t>(r.remaining() / 16);
        for (auto& part : parts) {
            part.clear();
            if (!r.append(part, n * 4)) return false;
        }
        return true;
    };
    const auto withRoom = [&](auto& array) {  // as readIndexSectionPart: room for digests merged later
        array.clear();
        reserveWithRoom(array, r.remaining());
        r.array(array);
        return true;
    };
    switch (id) {
        case kText: return withRoom(ix.text_);
        case kDocStart: r.array(ix.docStart_); return true;
        case kTitleEnd: r.array(ix.titleEnd_); return true;
        case kAuthorsEnd: r.array(ix.authorsEnd_); return true;
        case kGramKeys: r.array(ix.gramKeys_); return true;
        case kWords: r.array(ix.words_); return true;
        case kWordStart: r.array(ix.wordStart_); return true;
        case kListStart: r.array(ix.listStart_); return true;
        case kListCount: r.array(ix.listCount_); return true;
        case kPostings: return withRoom(ix.postings_);
        case kPosStart: r.array(ix.posStart_); return true;
        case kPositions: return withRoom(ix.positions_);
        case kPrefixLists: {
            uint32_t n = 0;
            if (!r.count(n, 8, "prefix lists")) return true;
            ix.prefixLists_.resize(n);
            for (auto& [prefix, list] : ix.prefixLists_)
                if (!r.str(prefix) || !r.u32(list)) break;
            return true;
        }
        case kRanks: quarters(ix.ranks_); return true;
        case kOrders: quarters(ix.orders_); return true;
        default: return false;
    }
}

namespace {

// Reads one varint within [p, end): at most 5 bytes, no bits beyond 32. False if it runs off the end.
// The structural check decodes every posting and position of the index once (tens of millions at 100k
// papers), so the usual case, five bytes or more left, reads without a bounds test per byte, inlined.
[[gnu::always_inline]] inline bool boundedVarint(const uint8_t*& p, const uint8_t* end, uint32_t& v) {
    if (end - p >= 5) {
        uint32_t b = p[0];
        v = b & 0x7F;
        if (b < 0x80) return p += 1, true;
        b = p[1], v |= (b & 0x7F) << 7;
        if (b < 0x80) return p += 2, true;
        b = p[2], v |= (b & 0x7F) << 14;
        if (b < 0x80) return p += 3, true;
        b = p[3], v |= (b & 0x7F) << 21;
        if (b < 0x80) return p += 4, true;
        b = p[4];
        if (b & 0xF0) return false;
        v |= b << 28;
        return p += 5, true;
    }
    v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (p == end) return false;
        uint8_t b = *p++;
        if (shift == 28 && (b & 0x70)) return false;
        v |= uint32_t(b & 0x7F) << shift;
        if (b < 0x80) return true;
    }
    return false;
}

template <typename T>
bool ascending(const std::vector<T>& v) {
    for (size_t i = 1; i < v.size(); ++i)
        if (v[i] < v[i - 1]) return false;
    return true;
}

std::string num(uint64_t v) { return std::to_string(v); }

}  // namespace

std::string SnapshotCodec::checkIndexLists(const SearchIndex& ix, size_t n) {
    if (ix.docStart_.size() != n + 1) return "index doc starts: " + num(ix.docStart_.size()) + " entries for " + num(n) + " papers";
    if (ix.titleEnd_.size() != n || ix.authorsEnd_.size() != n) return "index title/author ends: not one per paper";
    if (!ascending(ix.docStart_)) return "index doc starts: not ascending";
    for (size_t p = 0; p < n; ++p) {
        const uint64_t length = ix.docStart_[p + 1] - ix.docStart_[p];
        if (length > UINT32_MAX || ix.titleEnd_[p] > ix.authorsEnd_[p] || ix.authorsEnd_[p] > length)
            return "index: paper " + num(p) + " has zone ends beyond its text";
    }
    for (size_t i = 1; i < ix.gramKeys_.size(); ++i)
        if (ix.gramKeys_[i] <= ix.gramKeys_[i - 1]) return "index gram keys: not strictly ascending at " + num(i);
    if (ix.wordStart_.empty() || ix.wordStart_[0] != 0 || !ascending(ix.wordStart_) || ix.wordStart_.back() != ix.words_.size())
        return "index word starts: not ascending offsets covering the " + num(ix.words_.size()) + "-byte vocabulary";
    const size_t words = ix.wordStart_.size() - 1, lists = ix.listCount_.size();
    for (size_t w = 1; w < words; ++w)
        if (!(ix.word(w - 1) < ix.word(w))) return "index words: not strictly ascending at " + num(w);
    if (ix.listStart_.size() != lists + 1 || ix.posStart_.size() != lists + 1) return "index list/position starts: not lists + 1 entries";
    if (!ascending(ix.listStart_) || ix.listStart_[0] != 0 || ix.listStart_[lists] != ix.postings_.size())
        return "index list starts: not ascending offsets covering the postings";
    if (!ascending(ix.posStart_) || ix.posStart_[0] != 0 || ix.posStart_[lists] != ix.positions_.size())
        return "index position starts: not ascending offsets covering the positions";
    // Every posting: a bounded varint, papers strictly ascending below n, at most 5 hits, zone 0-2, and either
    // no positions or exactly one bounded position per posting, within the paper's text.
    for (size_t l = 0; l < lists; ++l) {
        const uint8_t* p = ix.postings_.data() + ix.listStart_[l];
        const uint8_t* end = ix.postings_.data() + ix.listStart_[l + 1];
        const uint8_t* q = ix.positions_.data() + ix.posStart_[l];
        const uint8_t* qEnd = ix.positions_.data() + ix.posStart_[l + 1];
        const bool positions = q != qEnd;
        uint32_t doc = UINT32_MAX;
        for (uint32_t k = 0; k < ix.listCount_[l]; ++k) {
            uint32_t v = 0, pos = 0;
            if (!boundedVarint(p, end, v)) return "index list " + num(l) + ": posting " + num(k) + " runs past the list";
            // The first posting's delta counts from -1, the others from the previous paper: 0 is never valid.
            const uint32_t delta = v >> 5;
            const uint64_t paper = k == 0 ? uint64_t(delta) - 1 : uint64_t(doc) + delta;
            if (delta == 0 || paper >= n)
                return "index list " + num(l) + ": posting " + num(k) + " names paper " + num(paper) + " (not ascending or beyond " +
                       num(n) + ")";
            if ((v & 7) > 4 || ((v >> 3) & 3) == 3) return "index list " + num(l) + ": posting " + num(k) + " has bad metadata";
            doc = static_cast<uint32_t>(paper);
            if (positions) {
                if (!boundedVarint(q, qEnd, pos)) return "index list " + num(l) + ": position " + num(k) + " runs past the list";
                if (pos >= ix.docStart_[doc + 1] - ix.docStart_[doc])
                    return "index list " + num(l) + ": position " + num(pos) + " beyond paper " + num(doc) + "'s text";
            }
        }
        if (p != end || q != qEnd) return "index list " + num(l) + ": bytes left over after " + num(ix.listCount_[l]) + " postings";
    }
    return "";
}

std::string SnapshotCodec::checkIndexText(const SearchIndex& ix) {
    if (!ix.docStart_.empty() && ix.docStart_.back() > ix.text_.size())
        return "index doc starts: beyond the " + num(ix.text_.size()) + "-byte text";
    return "";
}

std::string SnapshotCodec::checkIndexPrefixes(const SearchIndex& ix) {
    const size_t grams = ix.gramKeys_.size(), words = ix.wordStart_.empty() ? 0 : ix.wordStart_.size() - 1,
                 lists = ix.listCount_.size();
    if (lists != grams + words + ix.prefixLists_.size())
        return "index: " + num(lists) + " lists for " + num(grams) + " grams, " + num(words) + " words and " +
               num(ix.prefixLists_.size()) + " prefixes";
    for (size_t i = 0; i < ix.prefixLists_.size(); ++i) {
        const auto& [prefix, list] = ix.prefixLists_[i];
        if (list < grams + words || list >= lists) return "index prefix list " + num(i) + ": list " + num(list) + " out of range";
        if (i > 0 && !(ix.prefixLists_[i - 1] < ix.prefixLists_[i])) return "index prefix lists: not sorted at " + num(i);
    }
    return "";
}

std::string SnapshotCodec::checkIndexOrders(const SearchIndex& ix, size_t n) {
    for (int which = 0; which < 4; ++which) {
        const auto& rank = ix.ranks_[which];
        const auto& order = ix.orders_[which];
        if (rank.size() != n || order.size() != n) return "index ranks/orders: not one per paper";
        std::vector<char> seen(n, 0);
        for (size_t i = 0; i < n; ++i) {
            if (order[i] >= n || seen[order[i]]) return "index order " + num(which) + ": not a permutation of the papers";
            seen[order[i]] = 1;
            if (rank[i] >= n) return "index rank " + num(which) + ": paper " + num(i) + " has rank " + num(rank[i]);
        }
        for (size_t i = 1; i < n; ++i)
            if (rank[order[i]] < rank[order[i - 1]]) return "index order " + num(which) + ": disagrees with its ranks at " + num(i);
    }
    return "";
}

}  // namespace papertide::core
