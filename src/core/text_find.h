// Find-in-text for the paper card's find bar: every non-overlapping occurrence of a query in a text, as byte
// ranges of the original text, compared code point by code point with the search folding of core/text.h
// (case-, width- and Latin-accent-insensitive; Chinese matches exactly).
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace papertide::core {

struct TextRange {
    size_t begin = 0;  // byte offsets into the searched text
    size_t end = 0;
};

// Occurrences of `query` in `text`, left to right, not overlapping. An empty (or all-space) query finds nothing.
std::vector<TextRange> findAllFolded(std::string_view text, std::string_view query);

}  // namespace papertide::core
