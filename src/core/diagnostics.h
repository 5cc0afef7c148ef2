// Problems found in input data, located precisely: FILE:LINE:COL: JSON-POINTER: message.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace papertide::core {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;    // 1-based; 0 when the problem concerns the whole file
    int column = 0;  // 1-based, in code points
    std::string pointer;  // RFC 6901 JSON pointer of the offending value ("" = the document)
    std::string message;
};

// "data/x.json:41:17: /papers/3/title: expected a string, got a number" (warnings say "warning: ").
std::string formatDiagnostic(const Diagnostic& d);
size_t countErrors(const std::vector<Diagnostic>& diagnostics);

// Maps byte offsets to 1-based line and code-point column, in time independent of the line's length (a
// minified file is one long line with possibly 100,000s of problems).
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    void locate(size_t offset, int& line, int& column) const;

private:
    static constexpr size_t kBlock = 1024;
    void build() const;
    size_t codePointsBefore(size_t offset) const;

    // Built on the first locate(): most files have nothing to report, and a pass over every byte of a
    // 100 MB corpus is not free.
    std::string_view text_;
    mutable bool built_ = false;
    mutable std::vector<size_t> lineStarts_;
    mutable std::vector<size_t> blockCodePoints_;  // code points before each kBlock-byte block
};

// At most `maxBytes` of `text`, cut at a character boundary, with "…" when something was cut.
std::string shortenForMessage(std::string_view text, size_t maxBytes);
// Keys come from the input and may be megabytes long: a diagnostic keeps at most this much of a pointer.
constexpr size_t kMaxPointerBytes = 200;
inline std::string boundedPointer(std::string_view pointer) { return shortenForMessage(pointer, kMaxPointerBytes); }

// Appends "/token" with RFC 6901 escaping (~ -> ~0, / -> ~1).
std::string appendPointer(std::string_view pointer, std::string_view token);
std::string appendPointer(std::string_view pointer, size_t index);

}  // namespace papertide::core
