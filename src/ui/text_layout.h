// Wrapping that suits Chinese: a line may break after any CJK character or punctuation, not only at spaces
// (ImGui's own wrapping moves a whole run of hanzi to the next line).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace papertide::ui {

struct TextLine {
    const char* begin;
    const char* end;
};

// A byte range of a text drawn with a highlight behind its glyphs (find matches).
struct TextHighlight {
    size_t begin, end;
    bool current;  // the current match: a stronger colour
};

// Splits `text` into lines no wider than `width` with the current font; '\n' always breaks.
std::vector<TextLine> wrapText(std::string_view text, float width);
// Draws wrapped text at the cursor in the given colour and advances the cursor; returns the height used.
// `highlights` (sorted, not overlapping) get a coloured box behind them; `currentY` receives the screen y of
// the line holding the current highlight, when there is one.
float wrappedText(std::string_view text, float width, ImU32 color, const std::vector<TextHighlight>* highlights = nullptr,
                  float* currentY = nullptr);

}  // namespace papertide::ui

namespace papertide::ui {
// `text` cut to fit `width` with the current font, ending in "…" when cut.
std::string ellipsize(std::string_view text, float width);
}  // namespace papertide::ui
