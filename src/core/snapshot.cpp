// Writing and reading whole snapshots: header, section table, the sections in order and the end mark, and the
// refusals (magic, version, table checksum, layout, truncation) before any section is decoded.
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
    // Twice over the same content: the first pass measures the table that the second writes in front.
    const auto sections = [&](SnapshotWriter& w) {
        writeCorpusSections(w, corpus, diagnostics);
        SnapshotCodec::writeIndex(w, index);
        return w.finish(error);
    };
    SnapshotWriter measured;
    if (!sections(measured)) return false;
    SnapshotWriter w(sink, measured);
    return sections(w);
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

using Status = SnapshotReader::Status;

std::string num(uint64_t v) { return std::to_string(v); }

Status refuse(std::string& error, std::string message) {
    error = std::move(message);
    return Status::Refused;
}

std::string sizeMismatch(uint64_t have, uint64_t written) {
    return have < written ? "snapshot: truncated: " + num(have) + " bytes, written as " + num(written)
                          : "snapshot: " + num(have) + " bytes, written as " + num(written) + " (something follows its end)";
}

// Header and table: everything needed to find the sections, each row checked against the file. NeedMore while
// they have not all arrived; once `complete`, also the file's size against the one the header announces.
Status readTable(const SnapshotSource& source, bool complete, std::vector<SectionEntry>& entries, uint64_t& fileSize,
                 std::string& error) {
    const uint64_t have = source.size;
    if (!source.read) return refuse(error, "snapshot: no source to read from");
    const auto tooShort = [&] {
        return complete ? refuse(error, "snapshot: truncated: " + num(have) + " bytes, shorter than its header and table")
                        : Status::NeedMore;
    };
    // The magic as soon as it is in: a web page served in the snapshot's place is named as such.
    uint8_t header[kHeaderBytes];
    if (have < sizeof kMagic) return tooShort();
    if (!source.read(0, header, sizeof kMagic)) return refuse(error, "snapshot: cannot read the header");
    if (std::memcmp(header, kMagic, sizeof kMagic) != 0) return refuse(error, "snapshot: not a Papertide snapshot (bad magic)");
    if (have < kHeaderBytes) return tooShort();
    if (!source.read(0, header, sizeof header)) return refuse(error, "snapshot: cannot read the header");
    uint32_t version = 0, count = 0;
    uint64_t size = 0, tableHash = 0;
    std::memcpy(&version, header + 8, 4);
    std::memcpy(&count, header + 12, 4);
    std::memcpy(&size, header + 16, 8);
    std::memcpy(&tableHash, header + 24, 8);
    if (version != kSnapshotFormatVersion)
        return refuse(error, "snapshot: format version " + num(version) + ", this build reads version " + num(kSnapshotFormatVersion));
    if (count > kMaxSections) return refuse(error, "snapshot: " + num(count) + " sections, more than " + num(kMaxSections));
    const uint64_t dataStart = kHeaderBytes + uint64_t(count) * kEntryBytes;
    if (have < dataStart) return tooShort();
    std::vector<uint8_t> table(size_t(count) * kEntryBytes);
    if (!table.empty() && !source.read(kHeaderBytes, table.data(), table.size()))
        return refuse(error, "snapshot: cannot read the section table");
    if (tableChecksum(header, table.data(), table.size()) != tableHash)
        return refuse(error, "snapshot: section table checksum mismatch");
    if (size < dataStart + kTrailerBytes)
        return refuse(error, "snapshot: a file of " + num(size) + " bytes cannot hold a table of " + num(count) + " sections");
    if (have > size || (complete && have != size)) return refuse(error, sizeMismatch(have, size));
    const uint64_t dataEnd = size - kTrailerBytes;
    entries.resize(count);
    for (uint32_t i = 0; i < count; ++i) {
        SectionEntry& e = entries[i];
        const uint8_t* row = table.data() + size_t(i) * kEntryBytes;
        std::memcpy(&e.id, row, 4);
        std::memcpy(&e.offset, row + 8, 8);
        std::memcpy(&e.size, row + 16, 8);
        std::memcpy(&e.hash, row + 24, 8);
        const std::string what = "snapshot: section '" + sectionName(e.id) + "' (offset " + num(e.offset) + ", " + num(e.size) + " bytes)";
        if (e.offset % kAlign != 0 || e.offset < dataStart || e.offset > dataEnd || e.size > dataEnd - e.offset)
            return refuse(error, what + " lies outside the data area " + num(dataStart) + ".." + num(dataEnd));
        if (i > 0 && e.offset < entries[i - 1].offset + entries[i - 1].size)
            return refuse(error, what + " overlaps the section before it");
        for (uint32_t j = 0; j < i; ++j)
            if (entries[j].id == e.id) return refuse(error, what + " appears twice");
    }
    for (const SectionKind& k : kSections) {
        bool present = std::any_of(entries.begin(), entries.end(), [&](const SectionEntry& e) { return e.id == k.id; });
        if (k.required && !present) return refuse(error, std::string("snapshot: section '") + k.name + "' is missing");
    }
    fileSize = size;
    return Status::Done;
}

// The cross-checks between sections, each run as soon as the sections it reads are in: while a download is
// read, only the checks of the last sections are left when it ends.
struct CrossCheck {
    std::vector<uint32_t> needs;
    std::string (*run)(Snapshot&);
};
const CrossCheck kCrossChecks[] = {
    {{kMeta, kTopics, kDigests, kPapers, kAppearances, kAuthors, kDiagnostics},
     [](Snapshot& s) { return checkCorpus(s.corpus, s.diagnostics); }},
    {{kPapers, kDocStart, kTitleEnd, kAuthorsEnd, kGramKeys, kWords, kWordStart, kListStart, kListCount, kPostings,
      kPosStart, kPositions},
     [](Snapshot& s) { return SnapshotCodec::checkIndexLists(s.index, s.corpus.papers.size()); }},
    {{kDocStart, kText}, [](Snapshot& s) { return SnapshotCodec::checkIndexText(s.index); }},
    {{kGramKeys, kWords, kWordStart, kListCount, kPrefixLists}, [](Snapshot& s) { return SnapshotCodec::checkIndexPrefixes(s.index); }},
    {{kPapers, kRanks, kOrders}, [](Snapshot& s) { return SnapshotCodec::checkIndexOrders(s.index, s.corpus.papers.size()); }},
};
constexpr size_t kCrossCheckCount = sizeof kCrossChecks / sizeof kCrossChecks[0];

}  // namespace

struct SnapshotReader::State {
    Status status = Status::NeedMore;
    bool tableRead = false;
    uint64_t fileSize = 0;
    std::vector<SectionEntry> entries;
    size_t next = 0;  // the first section not read yet
    std::unique_ptr<SectionReader> partial;  // entries[next], when it is being read in parts
    uint64_t memoryLimit = 0;                // 0: none
    bool refusedForMemory = false;
    bool checked[kCrossCheckCount] = {};
    Snapshot out;
    std::string error;
};

SnapshotReader::SnapshotReader() : state_(std::make_unique<State>()) {}
SnapshotReader::~SnapshotReader() = default;
Snapshot& SnapshotReader::snapshot() { return state_->out; }
const std::string& SnapshotReader::error() const { return state_->error; }
uint64_t SnapshotReader::fileSize() const { return state_->fileSize; }
void SnapshotReader::setMemoryLimit(uint64_t bytes) { state_->memoryLimit = bytes; }
bool SnapshotReader::refusedForMemory() const { return state_->refusedForMemory; }

uint64_t SnapshotReader::bytesRead() const {
    const State& st = *state_;
    if (!st.tableRead) return 0;
    if (st.next == 0) return kHeaderBytes + st.entries.size() * kEntryBytes;
    return st.entries[st.next - 1].offset + st.entries[st.next - 1].size;
}

SnapshotReader::Status SnapshotReader::advance(const SnapshotSource& source, bool complete) {
    State& st = *state_;
    if (st.status != Status::NeedMore) return st.status;
    const auto refused = [&st] {
        st.out = Snapshot{};
        return st.status = Status::Refused;
    };
    if (!st.tableRead) {
        const Status table = readTable(source, complete, st.entries, st.fileSize, st.error);
        if (table == Status::Refused) return refused();
        if (table == Status::NeedMore) return table;
        st.tableRead = true;
        const double needed = double(st.fileSize) * kLoadedBytesPerFileByte;
        if (st.memoryLimit > 0 && needed > double(st.memoryLimit)) {
            const auto mb = [](double bytes) { return num(uint64_t(bytes / (1 << 20))); };
            st.error = "snapshot: a corpus of " + mb(double(st.fileSize)) + " MB needs about " + mb(needed) +
                       " MB of memory once loaded, more than the " + mb(double(st.memoryLimit)) + " MB available";
            st.refusedForMemory = true;
            return refused();
        }
    } else if (source.size > st.fileSize || (complete && source.size != st.fileSize)) {
        st.error = sizeMismatch(source.size, st.fileSize);
        return refused();
    }
    for (; st.next < st.entries.size(); ++st.next) {
        const SectionEntry& e = st.entries[st.next];
        if (e.offset + e.size > source.size) {  // the rest is still arriving: a large array is read as far as it is in
            if (SnapshotCodec::readsInParts(e.id) && source.size > e.offset) {
                if (!st.partial) st.partial = std::make_unique<SectionReader>(source, e, st.error);
                st.partial->resume(source);
                if (!SnapshotCodec::readIndexSectionPart(*st.partial, e.id, st.out.index, st.partial->arrived())) return refused();
            }
            return Status::NeedMore;
        }
        if (st.partial) {  // the rest of a section read in parts
            st.partial->resume(source);
            if (SnapshotCodec::readIndexSectionPart(*st.partial, e.id, st.out.index, st.partial->remaining())) st.partial->finish();
            st.partial.reset();
        } else {
            SectionReader r(source, e, st.error);
            bool known = readCorpusSection(r, e.id, st.out) || SnapshotCodec::readIndexSection(r, e.id, st.out.index);
            if (known) r.finish();  // sections this version does not know are skipped unread
        }
        if (!st.error.empty()) return refused();
        for (size_t c = 0; c < kCrossCheckCount; ++c) {
            const std::vector<uint32_t>& needs = kCrossChecks[c].needs;
            const auto isRead = [&](uint32_t id) {
                return std::any_of(st.entries.begin(), st.entries.begin() + st.next + 1, [&](const SectionEntry& x) { return x.id == id; });
            };
            if (st.checked[c] || !std::all_of(needs.begin(), needs.end(), isRead)) continue;
            st.checked[c] = true;
            const std::string problem = kCrossChecks[c].run(st.out);
            if (!problem.empty()) {
                st.error = "snapshot: inconsistent: " + problem;
                return refused();
            }
        }
    }
    if (source.size < st.fileSize) return Status::NeedMore;  // only the end mark is missing
    uint8_t end[kTrailerBytes];
    if (!source.read(st.fileSize - kTrailerBytes, end, sizeof end) || std::memcmp(end, kEndMagic, sizeof end) != 0) {
        st.error = "snapshot: truncated or damaged: no end mark at the end of the " + num(st.fileSize) + " bytes";
        return refused();
    }
    // Each cross-check needs only required sections, which the table has: all have run (unless a section it
    // needs is made optional one day, which this catches).
    if (!std::all_of(std::begin(st.checked), std::end(st.checked), [](bool done) { return done; })) {
        st.error = "snapshot: inconsistent: a cross-check's sections are missing";
        return refused();
    }
    return st.status = Status::Done;
}

bool readSnapshot(const SnapshotSource& source, Snapshot& out, std::string& error) {
    out = Snapshot{};
    SnapshotReader reader;
    const bool ok = reader.advance(source, true) == SnapshotReader::Status::Done;
    error = reader.error();
    if (ok) out = std::move(reader.snapshot());
    return ok;
}

bool readSnapshot(std::string_view bytes, Snapshot& out, std::string& error) {
    return readSnapshot(memorySnapshotSource(bytes), out, error);
}

bool describeSnapshot(const SnapshotSource& source, std::vector<SnapshotSectionInfo>& sections, std::string& error) {
    std::vector<SectionEntry> entries;
    uint64_t size = 0;
    if (readTable(source, true, entries, size, error) != Status::Done) return false;
    sections.clear();
    for (const SectionEntry& e : entries) sections.push_back({sectionName(e.id), e.offset, e.size});
    return true;
}

}  // namespace papertide::core
