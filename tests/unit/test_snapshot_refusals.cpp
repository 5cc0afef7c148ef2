// Snapshots that must be refused, each with a message naming the failed check, leaving nothing loaded:
// another format, another version, wrong checksums, truncation at every kind of offset, and (with the
// checksums recomputed, as a hostile file would) corrupted counts, indices, offsets, postings and text.
#include <cstring>
#include <string>

#include "snapshot_test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

// Refused, with `expected` in the message, and nothing left in the output.
std::string refused(const std::string& bytes, const std::string& expected) {
    Snapshot out;
    out.corpus.papers.resize(3);  // stale content must be cleared too
    std::string error;
    CHECK_FALSE(readSnapshot(bytes, out, error));
    CHECK_MESSAGE(contains(error, expected), error);
    CHECK(error.rfind("snapshot: ", 0) == 0);
    CHECK(out.corpus.papers.empty());
    CHECK(out.index.paperCount() == 0);
    return error;
}

template <typename T>
void poke(std::string& bytes, uint64_t offset, T value) {
    REQUIRE(offset + sizeof(T) <= bytes.size());
    std::memcpy(bytes.data() + offset, &value, sizeof(T));
}

// A change inside a section, with every checksum recomputed: only the structural checks can catch it.
template <typename T>
std::string hostile(const std::string& name, uint64_t at, T value) {
    std::string bytes = seedSnapshot();
    poke(bytes, snapshotSection(bytes, name).offset + at, value);
    papertide::fuzz::resealSnapshot(bytes);
    return bytes;
}

}  // namespace

TEST_CASE("snapshot refusals: not a snapshot, another version") {
    std::string bytes = seedSnapshot();
    Snapshot ok;
    std::string error;
    REQUIRE_MESSAGE(readSnapshot(bytes, ok, error), error);

    std::string json = readText(dataDir() + "/topics.json");
    refused(json, "bad magic");
    refused("", "truncated");
    bytes[0] = 'X';
    refused(bytes, "not a Papertide snapshot (bad magic)");
    bytes = seedSnapshot();
    poke<uint32_t>(bytes, 8, kSnapshotFormatVersion + 1);
    refused(bytes, "format version " + std::to_string(kSnapshotFormatVersion + 1) + ", this build reads version " +
                       std::to_string(kSnapshotFormatVersion));
}

TEST_CASE("snapshot refusals: checksums of sections and of the table") {
    for (const char* name : {"papers", "appearances", "index text", "index postings", "index orders"}) {
        std::string bytes = seedSnapshot();
        SnapshotSectionInfo s = snapshotSection(bytes, name);
        REQUIRE(s.bytes > 8);
        bytes[s.offset + s.bytes / 2] ^= 0x20;
        refused(bytes, std::string("section '") + name + "' (offset " + std::to_string(s.offset) + ", " + std::to_string(s.bytes) +
                           " bytes): checksum mismatch");
    }
    std::string bytes = seedSnapshot();
    bytes[32 + 22 * 32 + 5] ^= 1;  // the reserved field of the last table row
    refused(bytes, "section table checksum mismatch");
    bytes = seedSnapshot();
    poke<uint64_t>(bytes, 16, bytes.size() + 8);  // the file size in the header: covered by the table's checksum
    refused(bytes, "section table checksum mismatch");
}

TEST_CASE("snapshot refusals: truncated or extended at many offsets") {
    const std::string& full = seedSnapshot();
    std::vector<size_t> lengths;
    for (size_t n = 0; n < 200; ++n) lengths.push_back(n);
    for (size_t n = 200; n < full.size(); n += full.size() / 257 + 1) lengths.push_back(n);
    for (size_t n = full.size() - 200; n < full.size(); ++n) lengths.push_back(n);
    for (size_t n : lengths) {
        CAPTURE(n);
        refused(full.substr(0, n), "snapshot: ");
    }
    refused(full.substr(0, full.size() - 1), "truncated: " + std::to_string(full.size() - 1) + " bytes, written as " +
                                                 std::to_string(full.size()));
    refused(full + std::string(8, '\0'), "something follows its end");
    std::string damagedEnd = full;
    damagedEnd[damagedEnd.size() - 3] ^= 1;
    refused(damagedEnd, "no end mark");
}

TEST_CASE("snapshot refusals: corrupted counts, indices and offsets behind valid checksums") {
    refused(hostile<uint32_t>("papers", 0, 0xFFFFFFFFu), "papers count 4294967295 cannot fit");
    refused(hostile<uint32_t>("appearances", 0, 0u), "bytes left over");
    refused(hostile<uint32_t>("appearances", 4, 999999u), "appearance 0 names paper/digest out of range");
    refused(hostile<uint32_t>("papers", 4, 0x7FFFFFF0u), "string length count");
    refused(hostile<uint32_t>("index doc starts", 8, 0xFFFFFFF0u), "index doc starts");
    {
        const std::string& b = seedSnapshot();
        uint32_t first = 0;
        std::memcpy(&first, b.data() + snapshotSection(b, "index orders").offset, 4);
        refused(hostile<uint32_t>("index orders", 4, first), "not a permutation");  // one paper twice
    }
    refused(hostile<uint32_t>("index ranks", 0, 0xFFFFu), "rank");
    refused(hostile<uint64_t>("index gram keys", 0, ~uint64_t(0)), "gram keys: not strictly ascending");
    {
        const SnapshotSectionInfo postings = snapshotSection(seedSnapshot(), "index postings");
        refused(hostile<uint8_t>("index postings", postings.bytes - 1, 0x80), "runs past the list");
        refused(hostile<uint8_t>("index postings", 0, 0x07), "not ascending");  // paper delta 0
        refused(hostile<uint8_t>("index postings", 0, 0x27), "bad metadata");   // 8 hits
    }
    refused(hostile<uint8_t>("index list counts", 0, 0xFF), "index list");
    // The first paper's id: a byte that is not UTF-8.
    refused(hostile<uint8_t>("papers", 8, 0xFF), "not valid UTF-8");
    // The table: a section moved outside the file, one renamed (so a required one is missing).
    std::string bytes = seedSnapshot();
    const size_t table = 32;
    poke<uint64_t>(bytes, table + 8, bytes.size() * 2);
    papertide::fuzz::resealSnapshot(bytes);
    refused(bytes, "lies outside the data area");
    bytes = seedSnapshot();
    poke<uint32_t>(bytes, table + 22 * 32, 0x5A5A5A5A);
    papertide::fuzz::resealSnapshot(bytes);
    refused(bytes, "section 'index orders' is missing");
}

TEST_CASE("snapshot: every single-byte change of the seed snapshot is refused or still consistent") {
    // A sweep over the whole file (about 200 bytes, with the checksums recomputed): never a crash, and what
    // is accepted passes the same checks as the fuzz harness (queries, sorting, writing back).
    const std::string& full = seedSnapshot();
    size_t accepted = 0;
    for (size_t at = 0; at < full.size(); at += full.size() / 200 + 1) {
        std::string bytes = full;
        bytes[at] = static_cast<char>(bytes[at] ^ 0x5B);
        papertide::fuzz::resealSnapshot(bytes);
        Snapshot s;
        std::string error;
        if (readSnapshot(bytes, s, error)) {
            ++accepted;
            papertide::fuzz::checkLoadedSnapshot(s, bytes);
        } else {
            CHECK(error.rfind("snapshot: ", 0) == 0);
        }
    }
    CHECK(accepted > 0);  // text changes inside strings stay valid snapshots
}
