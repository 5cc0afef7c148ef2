// SnapshotReader takes a snapshot in while its bytes arrive (the browser reads it during the download): it
// asks for more until the whole file is in, gives the same snapshot as reading it at once whatever the
// pieces, reads sections as soon as they are complete (a damaged one is refused before the rest arrives),
// and refuses a download that ends early or runs on.
#include <cstring>
#include <string>
#include <vector>

#include "snapshot_test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

// The first `arrived` bytes of `bytes`, as the reader sees a download in progress.
SnapshotReader::Status feed(SnapshotReader& reader, const std::string& bytes, size_t arrived, bool complete) {
    return reader.advance(memorySnapshotSource(std::string_view(bytes).substr(0, arrived)), complete);
}

}  // namespace

TEST_CASE("snapshot arriving: pieces of any size give the snapshot a whole read gives") {
    const std::string& bytes = seedSnapshot();
    const SnapshotSectionInfo papers = snapshotSection(bytes, "papers");
    for (size_t step : {size_t(1) << 20, size_t(4093), size_t(64), size_t(7)}) {
        CAPTURE(step);
        SnapshotReader reader;
        SnapshotReader::Status status = SnapshotReader::Status::NeedMore;
        size_t arrived = 0, calls = 0;
        while (status == SnapshotReader::Status::NeedMore && arrived < bytes.size()) {
            arrived = std::min(bytes.size(), arrived + step);
            status = feed(reader, bytes, arrived, false);
            ++calls;
            if (arrived >= 32 + 23 * 32) CHECK(reader.fileSize() == bytes.size());  // once header and table are in
            CHECK(reader.bytesRead() <= arrived);
            if (status == SnapshotReader::Status::NeedMore && arrived >= papers.offset + papers.bytes)
                CHECK(reader.bytesRead() >= papers.offset + papers.bytes);  // read as soon as it was in
        }
        REQUIRE_MESSAGE(status == SnapshotReader::Status::Done, reader.error());
        CHECK(arrived == bytes.size());  // never done before the last byte
        CHECK(calls == (bytes.size() + step - 1) / step);
        // Done is final; the snapshot is the one a whole read gives, to the byte.
        CHECK(feed(reader, bytes, bytes.size(), true) == SnapshotReader::Status::Done);
        Snapshot& s = reader.snapshot();
        CHECK(writeSnapshot(s.corpus, s.index, s.diagnostics) == bytes);
    }
}

TEST_CASE("snapshot arriving: a damaged section is refused as soon as it is in") {
    std::string bytes = seedSnapshot();
    const SnapshotSectionInfo papers = snapshotSection(bytes, "papers");
    bytes[papers.offset + papers.bytes / 2] ^= 0x20;
    SnapshotReader reader;
    CHECK(feed(reader, bytes, papers.offset + papers.bytes - 1, false) == SnapshotReader::Status::NeedMore);
    CHECK(feed(reader, bytes, papers.offset + papers.bytes, false) == SnapshotReader::Status::Refused);
    CHECK(contains(reader.error(), "section 'papers'"));
    CHECK(contains(reader.error(), "checksum mismatch"));
    // Refused is final, and nothing is left behind.
    CHECK(feed(reader, seedSnapshot(), seedSnapshot().size(), true) == SnapshotReader::Status::Refused);
    CHECK(reader.snapshot().corpus.papers.empty());
}

TEST_CASE("snapshot arriving: a large array read in parts is still checked whole") {
    // The index text is read as far as it has arrived; a damaged byte in a part read early is still caught by
    // the section's checksum once the whole text is in.
    std::string bytes = seedSnapshot();
    const SnapshotSectionInfo text = snapshotSection(bytes, "index text");
    REQUIRE(text.bytes > 1000);
    bytes[text.offset + 10] ^= 0x01;
    SnapshotReader reader;
    SnapshotReader::Status status = SnapshotReader::Status::NeedMore;
    size_t arrived = text.offset;
    for (; status == SnapshotReader::Status::NeedMore && arrived < bytes.size(); arrived += 100)
        status = feed(reader, bytes, std::min(arrived, bytes.size()), false);
    CHECK(status == SnapshotReader::Status::Refused);
    CHECK(arrived - 100 >= text.offset + text.bytes);  // not before the whole text was in
    CHECK(arrived - 100 < text.offset + text.bytes + 100);
    CHECK(contains(reader.error(), "section 'index text'"));
    CHECK(contains(reader.error(), "checksum mismatch"));
}

TEST_CASE("snapshot arriving: the cross-checks run as soon as their sections are in") {
    // An appearance naming a paper out of range, behind valid checksums: the corpus's check runs once the corpus
    // sections are in, before the index has arrived.
    std::string bytes = seedSnapshot();
    const SnapshotSectionInfo appearances = snapshotSection(bytes, "appearances"), diagnostics = snapshotSection(bytes, "diagnostics");
    uint32_t far = 999999;
    std::memcpy(bytes.data() + appearances.offset + 4, &far, 4);
    papertide::fuzz::resealSnapshot(bytes);
    SnapshotReader reader;
    CHECK(feed(reader, bytes, diagnostics.offset + diagnostics.bytes, false) == SnapshotReader::Status::Refused);
    CHECK(contains(reader.error(), "inconsistent: corpus: appearance 0 names paper/digest out of range"));
    CHECK(snapshotSection(bytes, "index text").offset > diagnostics.offset + diagnostics.bytes);
}

TEST_CASE("snapshot arriving: a web page, a download that ends early, one that runs on") {
    {
        SnapshotReader reader;  // the magic is checked as soon as its bytes are in
        CHECK(reader.advance(memorySnapshotSource("<!doctype html>"), false) == SnapshotReader::Status::Refused);
        CHECK(contains(reader.error(), "bad magic"));
    }
    const std::string& bytes = seedSnapshot();
    for (size_t cut : {size_t(5), size_t(40), bytes.size() / 2, bytes.size() - 1}) {
        CAPTURE(cut);
        SnapshotReader reader;
        CHECK(feed(reader, bytes, cut, false) == SnapshotReader::Status::NeedMore);
        CHECK(feed(reader, bytes, cut, true) == SnapshotReader::Status::Refused);  // the download ended there
        CHECK(contains(reader.error(), "truncated"));
    }
    SnapshotReader reader;
    CHECK(feed(reader, bytes, bytes.size() / 2, false) == SnapshotReader::Status::NeedMore);
    const std::string longer = bytes + "more";
    CHECK(feed(reader, longer, longer.size(), false) == SnapshotReader::Status::Refused);
    CHECK(contains(reader.error(), "something follows its end"));
}

TEST_CASE("snapshot arriving: a corpus too large for the memory there is, refused once its header is in") {
    const std::string& bytes = seedSnapshot();
    const size_t header = 32 + 23 * 32;
    const auto needed = uint64_t(double(bytes.size()) * SnapshotReader::kLoadedBytesPerFileByte);
    {
        SnapshotReader reader;
        reader.setMemoryLimit(needed - 1024);
        CHECK(feed(reader, bytes, header - 1, false) == SnapshotReader::Status::NeedMore);
        CHECK(feed(reader, bytes, header, false) == SnapshotReader::Status::Refused);  // long before the rest
        CHECK(reader.refusedForMemory());
        CHECK(contains(reader.error(), "MB of memory once loaded, more than the"));
    }
    {
        SnapshotReader reader;  // enough: read as usual
        reader.setMemoryLimit(needed + 1024);
        CHECK(feed(reader, bytes, bytes.size(), true) == SnapshotReader::Status::Done);
        CHECK_FALSE(reader.refusedForMemory());
    }
    {
        SnapshotReader reader;  // a damaged file is not a memory refusal
        reader.setMemoryLimit(needed + 1024);
        CHECK(feed(reader, bytes.substr(0, 100) + std::string(bytes.size() - 100, 'x'), bytes.size(), true) ==
              SnapshotReader::Status::Refused);
        CHECK_FALSE(reader.refusedForMemory());
    }
}
