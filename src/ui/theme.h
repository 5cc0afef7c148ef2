// Dark and light looks: ImGui style plus the few colours the explorer draws itself.
#pragma once
#include <cstdint>

#include <imgui.h>

namespace papertide::ui {

struct Palette {
    bool dark = true;
    ImU32 text, textMuted, accent, link, chipBg, chipText, cellEmpty, cellGap, panelBg, selection, warning, error;
};

// The smallest a control may be in the touch style: 44 CSS px each way (WCAG 2.5.5, Apple's and Android's
// guidance for fingers).
constexpr float kTouchTarget = 44.0f;

// Applies the ImGui style for dark or light, and returns the matching palette. The touch style (phones) makes
// every framed control kTouchTarget tall; custom widgets ask minTargetSize() for the same rule.
Palette applyTheme(bool dark, bool touch);
// kTouchTarget in the touch style, else 0: the minimum width and height of a clickable item.
float minTargetSize();
// A topic colour (0xRRGGBB) as ImU32, optionally faded.
ImU32 topicColor(uint32_t rgb, float alpha = 1.0f);
ImVec4 topicColorVec(uint32_t rgb, float alpha = 1.0f);

}  // namespace papertide::ui
