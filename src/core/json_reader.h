// Typed, located access to a JsonDocument for validators: every problem becomes a Diagnostic that points
// at the offending value (file, line, column, JSON pointer) and says what was expected.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/json_document.h"

namespace papertide::core {

enum class TextRule {
    Any,      // any text without NUL characters
    Id,       // ^[a-z0-9][a-z0-9-]*$
    PaperId,  // an Id, or "arxiv:" followed by a new-style arXiv id
    Month,    // YYYY-MM, a real month
    Date,     // YYYY-MM-DD, a real day
    Url,      // http(s) only, no whitespace or control characters
    Color,    // #rrggbb
};

struct TextLimits {
    size_t maxBytes = 256 * 1024;
    bool allowEmpty = false;
};

bool isSafeHttpUrl(std::string_view url);
// The diagnostic for a file that is not well-formed JSON.
Diagnostic describeParseError(std::string_view file, std::string_view bytes, const JsonParseError& error);
bool isArxivId(std::string_view id);

class JsonReader {
public:
    JsonReader(const JsonDocument& doc, std::string_view bytes, std::string file, std::vector<Diagnostic>& out);

    void error(const JsonNode& at, const std::string& pointer, const std::string& message);
    void warning(const JsonNode& at, const std::string& pointer, const std::string& message);
    void errorAtKey(const JsonNode& member, const std::string& pointer, const std::string& message);
    size_t errorCount() const { return errors_; }
    // At most kMaxReported problems per file are kept (each is counted); finish() then adds one line saying
    // how many more there were, so a file with 100,000 broken entries cannot flood memory or the UI.
    static constexpr size_t kMaxReported = 200;
    void finish();
    const std::string& file() const { return file_; }
    const JsonDocument& doc() const { return doc_; }
    // Location of a value, for messages raised later (e.g. while merging digests).
    Diagnostic locate(const JsonNode& at, const std::string& pointer) const;

    bool expectKind(const JsonNode& n, const std::string& pointer, JsonKind kind);
    // Warns about members other than `known` ("$schema" is always allowed).
    void checkMembers(const JsonNode& object, const std::string& pointer, std::initializer_list<std::string_view> known);

    const JsonNode* required(const JsonNode& object, const std::string& pointer, std::string_view key);
    std::optional<std::string> text(const JsonNode& object, const std::string& pointer, std::string_view key,
                                    bool isRequired, TextRule rule = TextRule::Any, TextLimits limits = {});
    std::optional<std::string> textValue(const JsonNode& value, const std::string& pointer, TextRule rule,
                                         TextLimits limits = {});
    std::optional<bool> flag(const JsonNode& object, const std::string& pointer, std::string_view key);
    // An array of strings (absent -> empty when optional).
    std::optional<std::vector<std::string>> textList(const JsonNode& object, const std::string& pointer,
                                                     std::string_view key, bool isRequired, TextRule rule,
                                                     TextLimits limits = {}, size_t maxItems = 10000);

private:
    void report(Severity severity, size_t offset, const std::string& pointer, const std::string& message);

    const JsonDocument& doc_;
    std::string_view bytes_;
    LineIndex lines_;
    std::string file_;
    std::vector<Diagnostic>& out_;
    size_t errors_ = 0;
    size_t reported_ = 0, suppressed_ = 0, suppressedErrors_ = 0;
    Diagnostic firstSuppressed_;
};

}  // namespace papertide::core
