// decodeArticle: which encoding the article's bytes are in, converted to UTF-8 or refused with a reason.
#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/text.h"
#include "import/article_import.h"
#include "import/article_text.h"

namespace papertide::import {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

const char* binarySignature(std::string_view b) {
    if (startsWith(b, "%PDF")) return "a PDF document";
    if (startsWith(b, "\x89PNG")) return "a PNG image";
    if (startsWith(b, "GIF8")) return "a GIF image";
    if (startsWith(b, "\xFF\xD8\xFF")) return "a JPEG image";
    if (startsWith(b, std::string_view("PK\x03\x04", 4))) return "a ZIP archive (or .docx/.epub)";
    if (startsWith(b, "\x1F\x8B")) return "a gzip archive";
    if (startsWith(b, "\x7F" "ELF")) return "a program";
    return nullptr;
}

// UTF-16 code units -> UTF-8; false on an odd length or an unpaired surrogate.
bool utf16ToUtf8(std::string_view b, bool bigEndian, std::string& out, std::string& error) {
    if (b.size() % 2 != 0) {
        error = "is UTF-16 with an odd number of bytes (truncated?)";
        return false;
    }
    auto unit = [&](size_t i) -> uint32_t {
        uint8_t a = uint8_t(b[i]), c = uint8_t(b[i + 1]);
        return bigEndian ? (uint32_t(a) << 8 | c) : (uint32_t(c) << 8 | a);
    };
    out.reserve(b.size() * 3 / 2);
    for (size_t i = 0; i < b.size(); i += 2) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
            uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                core::appendUtf8(out, char32_t(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)));
                i += 2;
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            error = "is UTF-16 with an unpaired surrogate at byte " + std::to_string(i);
            return false;
        }
        core::appendUtf8(out, char32_t(u));
    }
    return true;
}

// Most high bytes pair up as GBK/GB18030 double-byte characters (lead 0x81-0xFE, trail 0x40-0xFE).
bool looksLikeGbk(std::string_view b) {
    size_t pairs = 0, stray = 0;
    for (size_t i = 0; i < b.size(); ++i) {
        uint8_t c = uint8_t(b[i]);
        if (c < 0x80) continue;
        uint8_t t = i + 1 < b.size() ? uint8_t(b[i + 1]) : 0;
        if (c >= 0x81 && c <= 0xFE && t >= 0x40 && t <= 0xFE && t != 0x7F) {
            ++pairs;
            ++i;
        } else {
            ++stray;
        }
    }
    return pairs > 0 && stray * 10 <= pairs;
}

std::string lineColumnOf(std::string_view b, size_t offset) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset && i < b.size(); ++i) {
        if (b[i] == '\n') {
            ++line;
            column = 1;
        } else if ((uint8_t(b[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

// Without a BOM: every other byte zero in the first kilobyte means UTF-16 (which half says the order).
int utf16WithoutBom(std::string_view b) {
    size_t n = std::min<size_t>(b.size() & ~size_t(1), 1024), zeroEven = 0, zeroOdd = 0;
    for (size_t i = 0; i < n; i += 2) {
        zeroEven += b[i] == 0;
        zeroOdd += b[i + 1] == 0;
    }
    if (n >= 8 && zeroOdd * 10 >= n / 2 * 8 && zeroEven == 0) return 1;  // little-endian ASCII
    if (n >= 8 && zeroEven * 10 >= n / 2 * 8 && zeroOdd == 0) return 2;  // big-endian ASCII
    return 0;
}

}  // namespace

bool decodeArticle(std::string_view bytes, std::string& text, std::string& error) {
    text.clear();
    if (bytes.size() > kMaxArticleBytes) {
        error = "is " + std::to_string(bytes.size() / 1024) + " KiB; import reads at most " +
                std::to_string(kMaxArticleBytes / 1024 / 1024) + " MiB (a digest article is usually under 300 KB)";
        return false;
    }
    if (const char* what = binarySignature(bytes)) {
        error = std::string("is ") + what + ", not an article: import reads plain text, Markdown or HTML";
        return false;
    }
    std::string converted;
    if (startsWith(bytes, "\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
    } else if (startsWith(bytes, "\xFF\xFE") || startsWith(bytes, "\xFE\xFF")) {
        if (!utf16ToUtf8(bytes.substr(2), bytes[0] == '\xFE', converted, error)) return false;
        bytes = converted;
    } else if (int order = utf16WithoutBom(bytes)) {
        if (!utf16ToUtf8(bytes, order == 2, converted, error)) return false;
        bytes = converted;
    }
    size_t bad = core::findInvalidUtf8(bytes);
    if (bad != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", unsigned(uint8_t(bytes[bad])));
        // Mostly valid UTF-8 with a few bad bytes is a mixed file, not GBK (whose pairs look like UTF-8 noise).
        size_t validMultibyte = 0, invalid = 0;
        for (size_t pos = 0; pos < bytes.size();) {
            size_t start = pos;
            char32_t cp = core::decodeUtf8(bytes, pos);
            if (cp == core::kReplacementChar && pos == start + 1) ++invalid;
            else if (cp >= 0x80) ++validMultibyte;
        }
        if (validMultibyte <= invalid && looksLikeGbk(bytes))
            error = "looks like GBK/GB18030, not UTF-8 (first non-UTF-8 byte " + std::string(hex) + " at " +
                    lineColumnOf(bytes, bad) + "): convert it first, e.g. `iconv -f GB18030 -t UTF-8 FILE > FILE.utf8.txt`";
        else
            error = "is not valid UTF-8 (byte " + std::string(hex) + " at " + lineColumnOf(bytes, bad) +
                    "): a binary file, or text in mixed encodings; save the article as UTF-8 text or HTML";
        return false;
    }
    size_t controls = 0;
    for (char c : bytes) {
        uint8_t u = uint8_t(c);
        if ((u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || u == 0x7F) ++controls;
    }
    if (controls > 0 && controls * 100 >= bytes.size()) {
        error = "contains " + std::to_string(controls) + " control bytes: a binary file, not an article";
        return false;
    }
    text.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (c == '\r') {
            text += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else if (c == '\0') {
            continue;  // stray NULs (few enough to pass the control-byte check) would end C strings
        } else {
            text += c;
        }
    }
    if (core::isBlankAfterFolding(text)) {
        error = "is empty";
        return false;
    }
    return true;
}

}  // namespace papertide::import
