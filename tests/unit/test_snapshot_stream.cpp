// The section reader's bulk path (SectionReader::append): arrays and strings copied through its window without
// zero-filling the destination first, also when an element lies across the window's end or out of alignment.
#include <cstring>
#include <string>
#include <vector>

#include "core/snapshot_stream.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::core::snapshot_detail;

namespace {

// One section at offset 0 of `bytes`, with its checksum.
SectionEntry sectionOver(const std::string& bytes) {
    return {kText, 0, bytes.size(), hash64(bytes.data(), bytes.size())};
}

void put(std::string& out, const void* data, size_t size) { out.append(static_cast<const char*>(data), size); }

}  // namespace

TEST_CASE("snapshot section reader: append crosses window ends at any alignment, and appends") {
    // A byte first, so the 32-bit numbers after it start out of line and some lie across the 64 KiB window's end.
    std::vector<uint32_t> numbers(40000);
    for (size_t i = 0; i < numbers.size(); ++i) numbers[i] = static_cast<uint32_t>(i * 2654435761u);
    const std::string text(100000, 'x');
    std::string bytes;
    const uint8_t tag = 7;
    put(bytes, &tag, 1);
    put(bytes, numbers.data(), numbers.size() * 4);
    put(bytes, text.data(), text.size());
    const SectionEntry entry = sectionOver(bytes);
    const SnapshotSource source = memorySnapshotSource(bytes);

    std::string error;
    SectionReader r(source, entry, error);
    uint8_t first = 0;
    REQUIRE(r.u8(first));
    CHECK(first == tag);
    std::vector<uint32_t> read = {123};  // appended to, not replaced
    REQUIRE_MESSAGE(r.append(read, numbers.size() * 4), error);
    REQUIRE(read.size() == numbers.size() + 1);
    CHECK(read[0] == 123);
    CHECK(std::equal(numbers.begin(), numbers.end(), read.begin() + 1));
    std::string readText;
    REQUIRE(r.append(readText, text.size()));
    CHECK(readText == text);
    CHECK(r.remaining() == 0);
    CHECK_MESSAGE(r.finish(), error);
}

TEST_CASE("snapshot section reader: append refuses more bytes than the section has, or a partial element") {
    const std::string bytes(10, 'a');
    const SectionEntry entry = sectionOver(bytes);
    const SnapshotSource source = memorySnapshotSource(bytes);
    {
        std::string error;
        SectionReader r(source, entry, error);
        std::string s;
        CHECK_FALSE(r.append(s, 11));
        CHECK(error.find("needs 11 bytes, 10 left") != std::string::npos);
    }
    {
        std::string error;
        SectionReader r(source, entry, error);
        std::vector<uint32_t> v;
        CHECK_FALSE(r.append(v, 10));  // two numbers and two bytes over
        CHECK(error.find("partial element") != std::string::npos);
    }
    {
        std::string error;
        SectionReader r(source, entry, error);
        std::vector<uint64_t> v;
        CHECK_FALSE(r.array(v));  // 10 bytes are not a whole number of 64-bit values
        CHECK(error.find("not a multiple of 8") != std::string::npos);
    }
}

TEST_CASE("snapshot section reader: a damaged section reads as a checksum mismatch, also through append") {
    std::string bytes(200000, 'b');
    SectionEntry entry = sectionOver(bytes);
    bytes[150000] = 'c';  // after the checksum was taken
    const SnapshotSource source = memorySnapshotSource(bytes);
    std::string error;
    SectionReader r(source, entry, error);
    std::string s;
    REQUIRE(r.append(s, bytes.size()));  // the bytes are read; the checksum is compared at the end
    CHECK_FALSE(r.finish());
    CHECK(error.find("checksum mismatch") != std::string::npos);
}
