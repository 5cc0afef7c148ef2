// What several fuzz harnesses share: the corpus directory's files and the checks of diagnostics and JSON trees.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_document.h"
#include "invariant.h"

namespace papertide::fuzz {

bool validUtf8(std::string_view s);

// A whole file, or an empty string if it cannot be read.
std::string readWholeFile(const std::string& path);
// A file of the corpus directory (data/) the harnesses are built against, the same way.
std::string readDataFile(const std::string& relativePath);
std::string dataDir();

// Every diagnostic names the file, a real line and column (or 0:0 for whole-file problems), a JSON pointer, a
// non-empty message, and is valid UTF-8 (the UI renders it and JSON-encodes it for the page).
void checkDiagnostics(const std::vector<core::Diagnostic>& diagnostics, std::string_view file, size_t inputSize);

// The tree is consistent: every node is reachable exactly once, child counts agree, offsets are inside.
void checkTree(const core::JsonDocument& doc, size_t inputSize);

}  // namespace papertide::fuzz
