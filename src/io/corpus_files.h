// Reading corpus files from a directory (native disk or Emscripten's MEMFS). The core never touches files.
#pragma once
#include <string>
#include <vector>

#include "io/source_file.h"

namespace papertide::io {

// Reads DIR/topics.json (first), DIR/glossary.json when there is one, and every DIR/digests/*.json (sorted by name). Unreadable files become
// entries in `errors` ("DIR/x.json: cannot read: ..."); the rest are returned.
std::vector<SourceFile> readCorpusDirectory(const std::string& dir, std::vector<std::string>& errors);
// Reads one file; returns false and sets `error` when it cannot be read.
bool readFile(const std::string& path, SourceFile& out, std::string& error);

}  // namespace papertide::io
