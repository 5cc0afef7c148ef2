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

// Splits `text` into lines no wider than `width` with the current font; '\n' always breaks.
std::vector<TextLine> wrapText(std::string_view text, float width);
// Draws wrapped text at the cursor in the given colour and advances the cursor; returns the height used.
float wrappedText(std::string_view text, float width, ImU32 color);

}  // namespace papertide::ui

namespace papertide::ui {
// `text` cut to fit `width` with the current font, ending in "…" when cut.
std::string ellipsize(std::string_view text, float width);
}  // namespace papertide::ui
