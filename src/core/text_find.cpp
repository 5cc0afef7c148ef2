#include "core/text_find.h"

#include "core/text.h"

namespace papertide::core {

std::vector<TextRange> findAllFolded(std::string_view text, std::string_view query) {
    std::vector<char32_t> needle;
    bool anyVisible = false;
    for (size_t pos = 0; pos < query.size();) {
        char32_t cp = foldCodePoint(decodeUtf8(query, pos));
        anyVisible |= cp != ' ' && cp != '\t' && cp != '\n';
        needle.push_back(cp);
    }
    std::vector<TextRange> found;
    if (!anyVisible) return found;
    size_t start = 0;
    while (start < text.size()) {
        size_t pos = start;
        size_t matched = 0;
        while (matched < needle.size() && pos < text.size()) {
            if (foldCodePoint(decodeUtf8(text, pos)) != needle[matched]) break;
            ++matched;
        }
        if (matched == needle.size()) {
            found.push_back({start, pos});
            start = pos;
        } else {
            decodeUtf8(text, start);  // on to the next code point
        }
    }
    return found;
}

}  // namespace papertide::core
