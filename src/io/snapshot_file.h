// Snapshot files on disk: a SnapshotSource that reads a file section by section (the whole file is never in
// memory at once), and writing a snapshot to a file atomically (a temporary file, then a rename).
#pragma once
#include <string>

#include "core/snapshot.h"

namespace papertide::io {

// Opens `path` for core::readSnapshot; false with `error` when it cannot be opened. The file stays open
// as long as a copy of the source exists.
bool openSnapshotFile(const std::string& path, core::SnapshotSource& source, std::string& error);

// Writes `path` through `path`.tmp, so a reader never sees half a snapshot.
bool writeSnapshotFile(const std::string& path, const core::Corpus& corpus, const core::SearchIndex& index,
                       const std::vector<core::Diagnostic>& diagnostics, std::string& error);

}  // namespace papertide::io
