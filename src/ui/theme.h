// Dark and light looks: ImGui style plus the few colours the explorer draws itself.
#pragma once
#include <cstdint>

#include <imgui.h>

namespace papertide::ui {

struct Palette {
    bool dark = true;
    ImU32 text, textMuted, accent, link, chipBg, chipText, cellEmpty, cellGap, panelBg, selection, warning, error;
};

// Applies the ImGui style for dark or light, scaled for the pixel ratio, and returns the matching palette.
Palette applyTheme(bool dark);
// A topic colour (0xRRGGBB) as ImU32, optionally faded.
ImU32 topicColor(uint32_t rgb, float alpha = 1.0f);
ImVec4 topicColorVec(uint32_t rgb, float alpha = 1.0f);

}  // namespace papertide::ui
