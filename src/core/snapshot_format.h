// The snapshot's on-disk layout (docs/SNAPSHOT.md): header, section table, sections, end mark, the section
// ids and the checksum. Shared by the writer and the reader; not part of the core's interface.
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace papertide::core::snapshot_detail {

static_assert(std::endian::native == std::endian::little, "snapshots are little-endian and read by bulk copies");

// "PTSNAP\r\n": the CR LF catches a file mangled by a text-mode transfer.
inline constexpr char kMagic[8] = {'P', 'T', 'S', 'N', 'A', 'P', '\r', '\n'};
inline constexpr char kEndMagic[8] = {'P', 'T', 'S', 'N', 'A', 'P', 'E', 'N'};
// The header and the section table come first, so that a reader can take sections in while the rest of the
// file is still arriving (the browser reads a snapshot during its download).
inline constexpr size_t kHeaderBytes = 32;   // magic, u32 version, u32 section count, u64 file size,
                                             // u64 table hash (over the header's first 24 bytes and the table)
inline constexpr size_t kEntryBytes = 32;    // u32 id, u32 reserved, u64 offset, u64 size, u64 hash
inline constexpr size_t kTrailerBytes = 8;   // the end magic: a file cut short or run on is caught even when
                                             // the size in the header was damaged too
inline constexpr size_t kAlign = 8;          // every section starts at a multiple of 8
inline constexpr uint32_t kMaxSections = 256;

// Section ids are four ASCII letters read as a little-endian u32, so a hex dump shows them.
constexpr uint32_t fourcc(const char (&s)[5]) {
    return uint32_t(uint8_t(s[0])) | uint32_t(uint8_t(s[1])) << 8 | uint32_t(uint8_t(s[2])) << 16 | uint32_t(uint8_t(s[3])) << 24;
}

// One row per section the format knows, in file order. Adding a section: a row here, an encoder in the
// writer's list and a decoder in the reader's switch (snapshot_corpus.cpp, snapshot_index.cpp); readers
// skip ids they do not know, so a new optional section needs no version bump, a changed layout does.
struct SectionKind {
    uint32_t id;
    const char* name;
    bool required;
};
enum : uint32_t {
    kMeta = fourcc("META"), kTopics = fourcc("TOPC"), kDigests = fourcc("DIGS"), kPapers = fourcc("PAPR"),
    kAppearances = fourcc("APPR"), kAuthors = fourcc("AUTH"), kDiagnostics = fourcc("DIAG"), kGlossary = fourcc("GLOS"),
    kText = fourcc("ITXT"), kDocStart = fourcc("IDOC"), kTitleEnd = fourcc("ITTL"), kAuthorsEnd = fourcc("IAUT"),
    kGramKeys = fourcc("IGRM"), kWords = fourcc("IWRD"), kWordStart = fourcc("IWST"), kListStart = fourcc("ILST"),
    kListCount = fourcc("ILCN"), kPostings = fourcc("IPST"), kPosStart = fourcc("IPSS"), kPositions = fourcc("IPOS"),
    kPrefixLists = fourcc("IPFX"), kRanks = fourcc("IRNK"), kOrders = fourcc("IORD"),
};
inline constexpr SectionKind kSections[] = {
    {kMeta, "meta", true},           {kTopics, "topics", true},         {kDigests, "digests", true},
    {kPapers, "papers", true},       {kAppearances, "appearances", true}, {kAuthors, "authors", true},
    {kDiagnostics, "diagnostics", true}, {kGlossary, "glossary", true},
    {kDocStart, "index doc starts", true}, {kTitleEnd, "index title ends", true},
    {kAuthorsEnd, "index author ends", true}, {kGramKeys, "index gram keys", true}, {kWords, "index words", true},
    {kWordStart, "index word starts", true}, {kListStart, "index list starts", true},
    {kListCount, "index list counts", true}, {kPosStart, "index position starts", true},
    {kPositions, "index positions", true}, {kPostings, "index postings", true}, {kText, "index text", true},
    {kPrefixLists, "index prefix lists", true}, {kRanks, "index ranks", true}, {kOrders, "index orders", true},
};

inline std::string sectionName(uint32_t id) {
    for (const SectionKind& k : kSections)
        if (k.id == id) return k.name;
    std::string s = "unknown section '";
    for (int i = 0; i < 4; ++i) {
        char c = static_cast<char>((id >> (8 * i)) & 0xFF);
        s += (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    return s + "'";
}

// A streaming 64-bit checksum over 32-byte stripes in four independent lanes (several bytes per cycle even
// in wasm, so verifying a few hundred megabytes stays far below the start-up budget). It detects damage,
// not tampering: the reader validates every count and offset regardless.
class Hash64 {
public:
    void update(const void* data, size_t bytes) {
        if (bytes == 0) return;  // an empty vector's data() may be null: never passed to memcpy
        const auto* p = static_cast<const uint8_t*>(data);
        total_ += bytes;
        if (used_) {
            size_t take = bytes < 32 - used_ ? bytes : 32 - used_;
            std::memcpy(stripe_ + used_, p, take);
            used_ += take, p += take, bytes -= take;
            if (used_ < 32) return;
            mix(stripe_);
            used_ = 0;
        }
        for (; bytes >= 32; p += 32, bytes -= 32) mix(p);
        std::memcpy(stripe_, p, bytes);
        used_ = bytes;
    }
    uint64_t finish() const {
        uint64_t h = rotl(lane_[0], 1) + rotl(lane_[1], 7) + rotl(lane_[2], 12) + rotl(lane_[3], 18);
        for (uint64_t lane : lane_) h = (h ^ round(0, lane)) * kP1 + kP4;
        h += total_;
        size_t i = 0;
        for (; i + 8 <= used_; i += 8) h = rotl(h ^ round(0, load(stripe_ + i)), 27) * kP1 + kP4;
        for (; i < used_; ++i) h = rotl(h ^ (stripe_[i] * kP5), 11) * kP1;
        h ^= h >> 33;
        h *= kP2;
        h ^= h >> 29;
        h *= kP3;
        return h ^ (h >> 32);
    }

private:
    static constexpr uint64_t kP1 = 0x9E3779B185EBCA87ull, kP2 = 0xC2B2AE3D27D4EB4Full, kP3 = 0x165667B19E3779F9ull,
                              kP4 = 0x85EBCA77C2B2AE63ull, kP5 = 0x27D4EB2F165667C5ull;
    static uint64_t rotl(uint64_t v, int r) { return (v << r) | (v >> (64 - r)); }
    static uint64_t load(const uint8_t* p) {
        uint64_t v;
        std::memcpy(&v, p, 8);
        return v;
    }
    static uint64_t round(uint64_t acc, uint64_t input) { return rotl(acc + input * kP2, 31) * kP1; }
    void mix(const uint8_t* p) {
        for (int k = 0; k < 4; ++k) lane_[k] = round(lane_[k], load(p + 8 * k));
    }

    uint64_t lane_[4] = {kP1 + kP2, kP2, 0, 0 - kP1};
    uint8_t stripe_[32] = {};
    size_t used_ = 0;
    uint64_t total_ = 0;
};

inline uint64_t hash64(const void* data, size_t bytes) {
    Hash64 h;
    h.update(data, bytes);
    return h.finish();
}

// The checksum stored in the header: over the header's first 24 bytes (magic, version, section count, file size)
// and the section table, so that a damaged count or size is caught like a damaged row.
inline uint64_t tableChecksum(const uint8_t* header, const uint8_t* table, size_t tableBytes) {
    Hash64 h;
    h.update(header, 24);
    h.update(table, tableBytes);
    return h.finish();
}

}  // namespace papertide::core::snapshot_detail
