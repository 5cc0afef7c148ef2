#include "core/json_reader.h"

#include <algorithm>
#include <cctype>

#include "core/month.h"
#include "core/text.h"

namespace papertide::core {

namespace {

bool isIdChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

bool isPlainId(std::string_view s) {
    return !s.empty() && s[0] != '-' && std::all_of(s.begin(), s.end(), isIdChar);
}

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

const char* ruleDescription(TextRule rule) {
    switch (rule) {
        case TextRule::Id: return "an id of lowercase letters, digits and '-' (e.g. \"language-models\")";
        case TextRule::PaperId: return "\"arxiv:NNNN.NNNNN\" or an id of lowercase letters, digits and '-'";
        case TextRule::Month: return "a month as \"YYYY-MM\" (e.g. \"2022-06\")";
        case TextRule::Date: return "a date as \"YYYY-MM-DD\"";
        case TextRule::Url: return "an http:// or https:// URL";
        case TextRule::Color: return "a colour as \"#rrggbb\"";
        case TextRule::Any: break;
    }
    return "text";
}

bool matchesRule(std::string_view s, TextRule rule) {
    switch (rule) {
        case TextRule::Any: return true;
        case TextRule::Id: return isPlainId(s);
        case TextRule::PaperId: return s.rfind("arxiv:", 0) == 0 ? isArxivId(s.substr(6)) : isPlainId(s);
        case TextRule::Month: return parseMonth(s).has_value();
        case TextRule::Date: return isValidDate(s);
        case TextRule::Url: return isSafeHttpUrl(s);
        case TextRule::Color:
            return s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), isHex);
    }
    return false;
}

std::string quoteForMessage(std::string_view s) {
    std::string shown(s.substr(0, 60));
    // Never cut a UTF-8 sequence in half.
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
    if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xC0) shown.pop_back();
    return "\"" + shown + (s.size() > 60 ? "…\"" : "\"");
}

}  // namespace

bool isArxivId(std::string_view id) {
    // New-style identifiers: YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015 on), without a version suffix.
    if (id.size() != 9 && id.size() != 10) return false;
    if (id[4] != '.') return false;
    for (size_t i = 0; i < id.size(); ++i)
        if (i != 4 && (id[i] < '0' || id[i] > '9')) return false;
    int year = (id[0] - '0') * 10 + (id[1] - '0');
    int month = (id[2] - '0') * 10 + (id[3] - '0');
    if (id.size() == 9 ? (year < 7 || year > 14) : year < 15) return false;  // 4 digits until 1412, 5 from 1501
    return month >= 1 && month <= 12;
}

bool isSafeHttpUrl(std::string_view url) {
    if (url.size() > 2048) return false;
    size_t schemeEnd;
    auto startsWithNoCase = [&](std::string_view prefix) {
        if (url.size() < prefix.size()) return false;
        for (size_t i = 0; i < prefix.size(); ++i)
            if (static_cast<char>(std::tolower(static_cast<unsigned char>(url[i]))) != prefix[i]) return false;
        return true;
    };
    if (startsWithNoCase("https://")) schemeEnd = 8;
    else if (startsWithNoCase("http://")) schemeEnd = 7;
    else return false;
    for (unsigned char c : url)
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return false;
    size_t hostEnd = url.find_first_of("/?#", schemeEnd);
    std::string_view authority = url.substr(schemeEnd, hostEnd == std::string_view::npos ? url.npos : hostEnd - schemeEnd);
    if (authority.find('@') != std::string_view::npos) return false;  // user:pass@ hides the real host
    size_t colon = authority.rfind(':');
    std::string_view host = authority.substr(0, colon);
    if (colon != std::string_view::npos) {
        std::string_view port = authority.substr(colon + 1);
        if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            std::stoi(std::string(port)) > 65535)
            return false;
    }
    if (host.empty() || host.front() == '.' || host.front() == '-') return false;
    for (unsigned char c : host)
        if (!(std::isalnum(c) || c == '.' || c == '-' || c >= 0x80)) return false;
    return true;
}

Diagnostic describeParseError(std::string_view file, std::string_view bytes, const JsonParseError& error) {
    Diagnostic d;
    d.file = std::string(file);
    LineIndex(bytes).locate(error.offset, d.line, d.column);
    d.pointer = boundedPointer(error.pointer);
    d.message = error.message;
    return d;
}

JsonReader::JsonReader(const JsonDocument& doc, std::string_view bytes, std::string file, std::vector<Diagnostic>& out)
    : doc_(doc), bytes_(bytes), lines_(bytes), file_(std::move(file)), out_(out) {}

void JsonReader::report(Severity severity, size_t offset, const std::string& pointer, const std::string& message) {
    if (severity == Severity::Error) ++errors_;
    if (reported_ >= kMaxReported) {
        if (suppressed_++ == 0) {
            firstSuppressed_.severity = severity;
            lines_.locate(offset, firstSuppressed_.line, firstSuppressed_.column);
            firstSuppressed_.pointer = boundedPointer(pointer);
        }
        if (severity == Severity::Error) ++suppressedErrors_;
        return;
    }
    ++reported_;
    Diagnostic d;
    d.severity = severity;
    d.file = file_;
    lines_.locate(offset, d.line, d.column);
    d.pointer = boundedPointer(pointer);
    d.message = message;
    out_.push_back(std::move(d));
}

void JsonReader::finish() {
    if (suppressed_ == 0) return;
    Diagnostic d = firstSuppressed_;
    d.file = file_;
    d.severity = suppressedErrors_ > 0 ? Severity::Error : Severity::Warning;
    d.message = std::to_string(suppressed_) + " more problem(s) from here on are not shown (" + std::to_string(suppressedErrors_) +
                " error(s)); fix the ones above first";
    out_.push_back(std::move(d));
    suppressed_ = 0;
}

Diagnostic JsonReader::locate(const JsonNode& at, const std::string& pointer) const {
    Diagnostic d;
    d.file = file_;
    lines_.locate(at.offset, d.line, d.column);
    d.pointer = boundedPointer(pointer);
    return d;
}

void JsonReader::error(const JsonNode& at, const std::string& pointer, const std::string& message) {
    report(Severity::Error, at.offset, pointer, message);
}
void JsonReader::warning(const JsonNode& at, const std::string& pointer, const std::string& message) {
    report(Severity::Warning, at.offset, pointer, message);
}
void JsonReader::errorAtKey(const JsonNode& member, const std::string& pointer, const std::string& message) {
    report(Severity::Error, member.keyOffset, pointer, message);
}

bool JsonReader::expectKind(const JsonNode& n, const std::string& pointer, JsonKind kind) {
    bool ok = n.kind == kind || (kind == JsonKind::Float && n.kind == JsonKind::Integer);
    // describeKind() calls integers and floats "a number"; say "an integer" so 1.0 for 1 reads sensibly.
    const char* expected = kind == JsonKind::Integer ? "an integer" : describeKind(kind);
    if (!ok) error(n, pointer, std::string("expected ") + expected + ", got " + describeKind(n.kind));
    return ok;
}

void JsonReader::checkMembers(const JsonNode& object, const std::string& pointer,
                              std::initializer_list<std::string_view> known) {
    for (const JsonNode& m : doc_.children(object)) {
        if (m.key == "$schema" || std::find(known.begin(), known.end(), m.key) != known.end()) continue;
        report(Severity::Warning, m.keyOffset, appendPointer(pointer, m.key),
               "unknown field " + quoteForMessage(m.key) + " is ignored (a typo?)");
    }
}

const JsonNode* JsonReader::required(const JsonNode& object, const std::string& pointer, std::string_view key) {
    const JsonNode* n = doc_.member(object, key);
    if (!n) error(object, pointer, "missing required field \"" + std::string(key) + "\"");
    return n;
}

std::optional<std::string> JsonReader::textValue(const JsonNode& value, const std::string& pointer, TextRule rule,
                                                 TextLimits limits) {
    if (!expectKind(value, pointer, JsonKind::String)) return std::nullopt;
    const std::string& s = value.text;
    if (s.size() > limits.maxBytes) {
        error(value, pointer, "text is " + std::to_string(s.size()) + " bytes long; the limit here is " +
                                  std::to_string(limits.maxBytes));
        return std::nullopt;
    }
    if (s.find('\0') != std::string::npos) {
        error(value, pointer, "text contains a NUL character");
        return std::nullopt;
    }
    if (size_t bad = findInvalidUtf8(s); bad != std::string::npos) {  // nlohmann checks raw bytes; \u escapes too
        error(value, pointer, "text is not valid UTF-8 (byte " + std::to_string(bad) + ")");
        return std::nullopt;
    }
    if (isBlankAfterFolding(s)) {  // folding turns U+3000 and other wide spaces into spaces
        if (!limits.allowEmpty) {
            error(value, pointer, "expected non-empty text");
            return std::nullopt;
        }
        return std::string();
    }
    if (!matchesRule(s, rule)) {
        std::string msg = std::string("expected ") + ruleDescription(rule) + ", got " + quoteForMessage(s);
        if (rule == TextRule::Url) msg += " (only http and https links are allowed)";
        error(value, pointer, msg);
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> JsonReader::text(const JsonNode& object, const std::string& pointer, std::string_view key,
                                            bool isRequired, TextRule rule, TextLimits limits) {
    const JsonNode* n = isRequired ? required(object, pointer, key) : doc_.member(object, key);
    if (!n) return std::nullopt;
    return textValue(*n, appendPointer(pointer, key), rule, limits);
}

std::optional<bool> JsonReader::flag(const JsonNode& object, const std::string& pointer, std::string_view key) {
    const JsonNode* n = doc_.member(object, key);
    if (!n) return std::nullopt;
    if (!expectKind(*n, appendPointer(pointer, key), JsonKind::Bool)) return std::nullopt;
    return n->boolean;
}

std::optional<std::vector<std::string>> JsonReader::textList(const JsonNode& object, const std::string& pointer,
                                                             std::string_view key, bool isRequired, TextRule rule,
                                                             TextLimits limits, size_t maxItems) {
    const JsonNode* n = isRequired ? required(object, pointer, key) : doc_.member(object, key);
    if (!n) return isRequired ? std::nullopt : std::optional<std::vector<std::string>>(std::vector<std::string>{});
    std::string listPointer = appendPointer(pointer, key);
    if (!expectKind(*n, listPointer, JsonKind::Array)) return std::nullopt;
    if (n->childCount > maxItems) {
        error(*n, listPointer, "list has " + std::to_string(n->childCount) + " items; the limit is " + std::to_string(maxItems));
        return std::nullopt;
    }
    std::vector<std::string> items;
    bool ok = true;
    size_t i = 0;
    for (const JsonNode& item : doc_.children(*n)) {
        auto s = textValue(item, appendPointer(listPointer, i++), rule, limits);
        if (s) items.push_back(std::move(*s));
        else ok = false;
    }
    if (!ok) return std::nullopt;
    return items;
}

}  // namespace papertide::core
