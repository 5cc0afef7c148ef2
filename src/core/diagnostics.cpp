#include "core/diagnostics.h"

#include <algorithm>

#include "core/text.h"

namespace papertide::core {

std::string formatDiagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    out += ": ";
    out += d.pointer.empty() ? "/" : d.pointer;
    out += ": ";
    if (d.severity == Severity::Warning) out += "warning: ";
    out += d.message;
    return out;
}

size_t countErrors(const std::vector<Diagnostic>& diagnostics) {
    return std::count_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

LineIndex::LineIndex(std::string_view text) : text_(text) {}

void LineIndex::build() const {
    built_ = true;
    lineStarts_.push_back(0);
    blockCodePoints_.reserve(text_.size() / kBlock + 1);
    size_t codePoints = 0;
    for (size_t i = 0; i < text_.size(); ++i) {
        if (i % kBlock == 0) blockCodePoints_.push_back(codePoints);
        if (text_[i] == '\n') lineStarts_.push_back(i + 1);
        codePoints += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
    }
}

size_t LineIndex::codePointsBefore(size_t offset) const {
    if (blockCodePoints_.empty()) return 0;
    size_t block = std::min(offset / kBlock, blockCodePoints_.size() - 1);
    return blockCodePoints_[block] + countCodePoints(text_.substr(block * kBlock, offset - block * kBlock));
}

void LineIndex::locate(size_t offset, int& line, int& column) const {
    if (!built_) build();
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    size_t lineStart = *(it - 1);
    line = static_cast<int>(it - lineStarts_.begin());
    // Counting from the line start would make 100,000 problems on one 1 MB line take minutes.
    column = 1 + static_cast<int>(codePointsBefore(offset) - codePointsBefore(lineStart));
    if (line == 1 && offset >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") --column;  // editors don't count a BOM
}

std::string shortenForMessage(std::string_view text, size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // never split a character
    return std::string(text.substr(0, cut)) + "…";
}

std::string appendPointer(std::string_view pointer, std::string_view token) {
    std::string out(pointer);
    out += '/';
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string appendPointer(std::string_view pointer, size_t index) {
    return std::string(pointer) + "/" + std::to_string(index);
}

}  // namespace papertide::core
