// Writing and reading whole snapshots: header, the sections in order, the section table and the trailer,
// and the refusals (magic, version, truncation, table checksum, layout) before any section is decoded.
#include "core/snapshot.h"

#include <algorithm>
#include <cstring>

#include "core/snapshot_codec.h"

namespace papertide::core {

using namespace snapshot_detail;

SnapshotSource memorySnapshotSource(std::string_view bytes) {
    SnapshotSource s;
    s.size = bytes.size();
    s.read = [bytes](uint64_t offset, void* dst, size_t size) {
        if (offset > bytes.size() || size > bytes.size() - offset) return false;
        if (size) std::memcpy(dst, bytes.data() + offset, size);
        return true;
    };
    return s;
}

bool writeSnapshot(const Corpus& corpus, const SearchIndex& index, const std::vector<Diagnostic>& diagnostics,
                   const SnapshotSink& sink, std::string& error) {
    if (countErrors(diagnostics) > 0) {
        error = "snapshot: the corpus has errors; a snapshot only holds a valid corpus";
        return false;
    }
    if (index.paperCount() != corpus.papers.size()) {
        error = "snapshot: the index does not belong to this corpus";
        return false;
    }
    SnapshotWriter w(sink);
    writeCorpusSections(w, corpus, diagnostics);
    SnapshotCodec::writeIndex(w, index);
    return w.finish(error);
}

std::string writeSnapshot(const Corpus& corpus, const SearchIndex& index, const std::vector<Diagnostic>& diagnostics) {
    std::string out, error;
    bool ok = writeSnapshot(
        corpus, index, diagnostics,
        [&](const void* data, size_t size) {
            out.append(static_cast<const char*>(data), size);
            return true;
        },
        error);
    return ok ? out : std::string();
}

namespace {

std::string num(uint64_t v) { return std::to_string(v); }

// Header, trailer and table: everything needed to find the sections, each offset checked against the file.
bool readTable(const SnapshotSource& source, std::vector<SectionEntry>& entries, std::string& error) {
    const uint64_t size = source.size;
    if (!source.read) return error = "snapshot: no source to read from", false;
    if (size < kHeaderBytes + kTrailerBytes)
        return error = "snapshot: truncated: " + num(size) + " bytes, shorter than a header and a trailer", false;
    uint8_t header[kHeaderBytes];
    if (!source.read(0, header, sizeof header)) return error = "snapshot: cannot read the header", false;
    if (std::memcmp(header, kMagic, sizeof kMagic) != 0) return error = "snapshot: not a Papertide snapshot (bad magic)", false;
    uint32_t version = 0;
    std::memcpy(&version, header + 8, 4);
    if (version != kSnapshotFormatVersion)
        return error = "snapshot: format version " + num(version) + ", this build reads version " + num(kSnapshotFormatVersion), false;
    uint8_t trailer[kTrailerBytes];
    if (!source.read(size - kTrailerBytes, trailer, sizeof trailer)) return error = "snapshot: cannot read the trailer", false;
    if (std::memcmp(trailer + 32, kEndMagic, sizeof kEndMagic) != 0)
        return error = "snapshot: truncated or damaged: no trailer at the end of the " + num(size) + " bytes", false;
    uint64_t tableOffset = 0, tableHash = 0, written = 0;
    uint32_t count = 0, trailerVersion = 0;
    std::memcpy(&tableOffset, trailer, 8);
    std::memcpy(&count, trailer + 8, 4);
    std::memcpy(&trailerVersion, trailer + 12, 4);
    std::memcpy(&tableHash, trailer + 16, 8);
    std::memcpy(&written, trailer + 24, 8);
    if (written != size) return error = "snapshot: truncated: " + num(size) + " bytes, written as " + num(written), false;
    if (trailerVersion != version) return error = "snapshot: header and trailer disagree on the version", false;
    if (count > kMaxSections || tableOffset < kHeaderBytes || tableOffset > size ||
        tableOffset + uint64_t(count) * kEntryBytes != size - kTrailerBytes)
        return error = "snapshot: section table (offset " + num(tableOffset) + ", " + num(count) + " sections) does not end at the trailer", false;
    std::vector<uint8_t> table(size_t(count) * kEntryBytes);
    if (!table.empty() && !source.read(tableOffset, table.data(), table.size()))
        return error = "snapshot: cannot read the section table", false;
    if (hash64(table.data(), table.size()) != tableHash) return error = "snapshot: section table checksum mismatch", false;
    entries.resize(count);
    for (uint32_t i = 0; i < count; ++i) {
        SectionEntry& e = entries[i];
        const uint8_t* row = table.data() + size_t(i) * kEntryBytes;
        std::memcpy(&e.id, row, 4);
        std::memcpy(&e.offset, row + 8, 8);
        std::memcpy(&e.size, row + 16, 8);
        std::memcpy(&e.hash, row + 24, 8);
        const std::string what = "snapshot: section '" + sectionName(e.id) + "' (offset " + num(e.offset) + ", " + num(e.size) + " bytes)";
        if (e.offset % kAlign != 0 || e.offset < kHeaderBytes || e.offset > tableOffset || e.size > tableOffset - e.offset)
            return error = what + " lies outside the data area " + num(kHeaderBytes) + ".." + num(tableOffset), false;
        if (i > 0 && e.offset < entries[i - 1].offset + entries[i - 1].size)
            return error = what + " overlaps the section before it", false;
        for (uint32_t j = 0; j < i; ++j)
            if (entries[j].id == e.id) return error = what + " appears twice", false;
    }
    for (const SectionKind& k : kSections) {
        bool present = std::any_of(entries.begin(), entries.end(), [&](const SectionEntry& e) { return e.id == k.id; });
        if (k.required && !present) return error = std::string("snapshot: section '") + k.name + "' is missing", false;
    }
    return true;
}

}  // namespace

bool readSnapshot(const SnapshotSource& source, Snapshot& out, std::string& error) {
    out = Snapshot{};
    error.clear();
    std::vector<SectionEntry> entries;
    if (!readTable(source, entries, error)) return false;
    for (const SectionEntry& e : entries) {
        SectionReader r(source, e, error);
        bool known = readCorpusSection(r, e.id, out) || SnapshotCodec::readIndexSection(r, e.id, out.index);
        if (known) r.finish();  // sections this version does not know are skipped unread
        if (!error.empty()) break;
    }
    if (error.empty()) {
        std::string problem = checkCorpus(out.corpus, out.diagnostics);
        if (problem.empty()) problem = SnapshotCodec::checkIndex(out.index, out.corpus.papers.size());
        if (!problem.empty()) error = "snapshot: inconsistent: " + problem;
    }
    if (!error.empty()) {
        out = Snapshot{};
        return false;
    }
    return true;
}

bool readSnapshot(std::string_view bytes, Snapshot& out, std::string& error) {
    return readSnapshot(memorySnapshotSource(bytes), out, error);
}

bool describeSnapshot(const SnapshotSource& source, std::vector<SnapshotSectionInfo>& sections, std::string& error) {
    std::vector<SectionEntry> entries;
    if (!readTable(source, entries, error)) return false;
    sections.clear();
    for (const SectionEntry& e : entries) sections.push_back({sectionName(e.id), e.offset, e.size});
    return true;
}

}  // namespace papertide::core
