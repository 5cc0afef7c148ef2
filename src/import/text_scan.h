// Small scanners over UTF-8 text shared by the import steps: Unicode-aware trimming, script counts, URLs.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace papertide::import {

// Trims ASCII whitespace and the invisible or wide spaces pages use (NBSP, ideographic space, ZWSP, BOM).
std::string trimSpace(std::string_view s);
// At most `maxBytes` bytes of `s`, cut at a character boundary, "…" added when cut.
std::string clip(std::string_view s, size_t maxBytes);
bool startsWith(std::string_view s, std::string_view prefix);
bool endsWith(std::string_view s, std::string_view suffix);

struct ScriptCounts {
    size_t cjk = 0;     // Han, kana, hangul
    size_t latin = 0;   // Latin letters (accents included)
    size_t digits = 0;
    size_t other = 0;   // punctuation, symbols (not spaces)
};
ScriptCounts countScripts(std::string_view s);
bool hasCjk(std::string_view s);
// Byte offset of the first CJK character, or npos.
size_t firstCjk(std::string_view s);

// The next http(s) URL at or after `from`: [begin, end) without trailing punctuation or unbalanced
// brackets; only URLs whose host has a dot. Returns false when there is none.
bool findUrl(std::string_view s, size_t from, size_t& begin, size_t& end);
// The whole line is one URL (after trimming).
bool isBareUrl(std::string_view s);
// "arxiv.org/abs/2205.06175v2" -> "2205.06175"; "" when the URL is not an arXiv abs/pdf URL.
std::string arxivIdFromUrl(std::string_view url);
// A bare new-style arXiv id in text ("arXiv:2205.06175", "arXiv 2205.06175"); "" when none.
std::string arxivIdInText(std::string_view s);

// Lowercase, apostrophes dropped, runs of other characters -> "-", at most `maxLength` bytes (format's slug).
std::string slugify(std::string_view title, size_t maxLength = 120);

}  // namespace papertide::import
