// The harnesses' shared checks (harness_support.h). PAPERTIDE_FUZZ_DATA_DIR is set by the build.
#include "harness_support.h"

#include <fstream>
#include <iterator>

#include "core/text.h"

#ifndef PAPERTIDE_FUZZ_DATA_DIR
#error "PAPERTIDE_FUZZ_DATA_DIR must name the corpus directory (data/)"
#endif

namespace papertide::fuzz {

using namespace papertide::core;

bool validUtf8(std::string_view s) { return findInvalidUtf8(s) == std::string_view::npos; }

std::string dataDir() { return PAPERTIDE_FUZZ_DATA_DIR; }

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string readDataFile(const std::string& relativePath) { return readWholeFile(dataDir() + "/" + relativePath); }

void checkDiagnostics(const std::vector<Diagnostic>& diagnostics, std::string_view file, size_t inputSize) {
    for (const Diagnostic& d : diagnostics) {
        std::string line = formatDiagnostic(d);
        PAPERTIDE_FUZZ_CHECK(d.file == file, line);
        PAPERTIDE_FUZZ_CHECK(d.line >= 1 && d.column >= 1, line);
        PAPERTIDE_FUZZ_CHECK(
            static_cast<size_t>(d.line) <= inputSize + 1 && static_cast<size_t>(d.column) <= inputSize + 1, line);
        PAPERTIDE_FUZZ_CHECK(d.pointer.empty() || d.pointer[0] == '/', line);
        PAPERTIDE_FUZZ_CHECK(!d.message.empty(), line);
        PAPERTIDE_FUZZ_CHECK(validUtf8(line), "diagnostic is not valid UTF-8: " + line);
    }
}

void checkTree(const JsonDocument& doc, size_t inputSize) {
    std::vector<uint32_t> stack = {0};
    size_t seen = 0;
    while (!stack.empty()) {
        uint32_t index = stack.back();
        stack.pop_back();
        PAPERTIDE_FUZZ_CHECK(index < doc.nodeCount(), "node index out of range");
        const JsonNode& n = doc.node(index);
        ++seen;
        PAPERTIDE_FUZZ_CHECK(n.offset < inputSize, "node offset outside the input");
        uint32_t children = 0;
        for (uint32_t c = n.firstChild; c != kNoNode; c = doc.node(c).nextSibling) {
            PAPERTIDE_FUZZ_CHECK(c > index && c < doc.nodeCount(), "child index out of order");
            ++children;
            stack.push_back(c);
        }
        PAPERTIDE_FUZZ_CHECK(children == n.childCount, "childCount disagrees with the sibling chain");
        PAPERTIDE_FUZZ_CHECK(children == 0 || n.kind == JsonKind::Array || n.kind == JsonKind::Object,
                             "a scalar has children");
        // nlohmann checks UTF-8 (raw bytes and \u escapes): keys reach messages and pointers unchecked.
        PAPERTIDE_FUZZ_CHECK(validUtf8(n.text) && validUtf8(n.key), "invalid UTF-8 in the tree");
    }
    PAPERTIDE_FUZZ_CHECK(seen == doc.nodeCount(), "unreachable nodes in the tree");
}

}  // namespace papertide::fuzz
