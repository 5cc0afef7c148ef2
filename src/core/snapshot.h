// Prebuilt corpus snapshots (docs/SNAPSHOT.md): the validated, merged corpus and its search index in one
// versioned, checksummed, little-endian binary file that loads by bulk copies, without JSON parsing and
// without rebuilding the index. `papertide pack` writes it; the app reads it and falls back to the JSON
// corpus when it is refused.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/search_index.h"

namespace papertide::core {

// Bumped whenever a section's layout changes: a reader refuses every other version.
inline constexpr uint32_t kSnapshotFormatVersion = 2;  // 2: the section table before the sections

// Where the reader takes the bytes from, piece by piece: the reader copies each section straight into its
// final vector, so reading from a file (or, in the browser, from a JS ArrayBuffer slice by slice) never holds
// the file and the loaded structures at once.
struct SnapshotSource {
    uint64_t size = 0;
    // Copies [offset, offset + bytes) into dst; false on an I/O error. Only called within [0, size).
    std::function<bool(uint64_t offset, void* dst, size_t bytes)> read;
};
// A source over bytes already in memory (tests, fuzzing, or a fetched buffer); `bytes` must outlive it.
SnapshotSource memorySnapshotSource(std::string_view bytes);

// What a snapshot holds: everything Explorer::setCorpus computes at start-up that is worth storing.
struct Snapshot {
    Corpus corpus;  // with its id maps rebuilt
    SearchIndex index;
    std::vector<Diagnostic> diagnostics;  // the corpus's warnings when it was packed (never errors)
};

// Reads a snapshot while its bytes arrive, so that the reading overlaps the download: each call takes in the
// sections whose bytes are all there (the header and the table come first). readSnapshot is one call of it.
class SnapshotReader {
public:
    enum class Status { NeedMore, Done, Refused };
    SnapshotReader();
    ~SnapshotReader();
    SnapshotReader(const SnapshotReader&) = delete;
    SnapshotReader& operator=(const SnapshotReader&) = delete;
    // `source.size` is how many bytes have arrived so far (never fewer than at the last call); `complete`: no
    // more will come. Done and Refused are final; after Refused, error() names the failed check.
    Status advance(const SnapshotSource& source, bool complete);
    // After Done: the snapshot, for the caller to move out.
    Snapshot& snapshot();
    const std::string& error() const;
    // The file size the header announces (0 until the header and the table are in and checked).
    uint64_t fileSize() const;
    // The bytes before this offset have been read and are not needed again (a download may let them go).
    uint64_t bytesRead() const;
    // Refuses, as soon as the header tells the file's size, a snapshot whose loaded corpus and index would need
    // more than `bytes` of memory (estimated at kLoadedBytesPerFileByte times the file): a browser tab, whose
    // memory has a hard limit, then says so at once instead of failing halfway through a long download.
    void setMemoryLimit(uint64_t bytes);
    bool refusedForMemory() const;
    // Measured: what stays in use is 1.15-1.16 times the file (100k to 500k papers), the peak up to 1.2 times.
    static constexpr double kLoadedBytesPerFileByte = 1.2;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Reads and checks a snapshot. On refusal returns false, leaves `out` empty and sets `error` to one line that
// names the failed check ("snapshot: format version 2, this build reads 1", "snapshot: section 'index
// postings' (offset 4096, 812 bytes): checksum ..."). Every count, offset and index is validated before use:
// a damaged or hostile file is refused, never a crash or undefined behaviour.
bool readSnapshot(const SnapshotSource& source, Snapshot& out, std::string& error);
bool readSnapshot(std::string_view bytes, Snapshot& out, std::string& error);

// Receives the snapshot's bytes in order; returns false on an I/O error (the writer then stops).
using SnapshotSink = std::function<bool(const void* data, size_t bytes)>;
// Writes a snapshot of a corpus (which must be free of errors: the caller checks) and its index.
bool writeSnapshot(const Corpus& corpus, const SearchIndex& index, const std::vector<Diagnostic>& diagnostics,
                   const SnapshotSink& sink, std::string& error);
std::string writeSnapshot(const Corpus& corpus, const SearchIndex& index, const std::vector<Diagnostic>& diagnostics);

// The table of contents, for `papertide pack` and the docs (no section is loaded or verified).
struct SnapshotSectionInfo {
    std::string name;
    uint64_t offset = 0, bytes = 0;
};
bool describeSnapshot(const SnapshotSource& source, std::vector<SnapshotSectionInfo>& sections, std::string& error);

}  // namespace papertide::core
