// UTF-8 decoding and the text folding that makes search case-, width- and accent-insensitive.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace papertide::core {

constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point at `pos` and advances it; malformed input yields U+FFFD and advances one byte.
char32_t decodeUtf8(std::string_view s, size_t& pos);
void appendUtf8(std::string& out, char32_t cp);
// Offset of the first malformed byte, or npos when `s` is valid UTF-8 (no overlongs, no surrogates).
size_t findInvalidUtf8(std::string_view s);
size_t countCodePoints(std::string_view s);

bool isCjk(char32_t cp);
// Letters and digits of alphabetic scripts (Latin, Greek, Cyrillic, ...): these form words.
bool isWordChar(char32_t cp);

// Lower-case, full-width ASCII to ASCII, Latin accents stripped, every whitespace run to one space.
// Folding both the text and the query makes `ＧＰＴ`, `gpt` and `GPT` equal, and `Żołna` match `zolna`.
std::string foldForSearch(std::string_view s);
char32_t foldCodePoint(char32_t cp);
// trim(foldForSearch(s)).empty() without building the folded copy: every character folds to whitespace.
bool isBlankAfterFolding(std::string_view s);

// Strips ASCII whitespace at both ends.
std::string trim(std::string_view s);

}  // namespace papertide::core
