#include "ui/theme.h"

#include <algorithm>

namespace papertide::ui {

ImVec4 topicColorVec(uint32_t rgb, float alpha) {
    return ImVec4(((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f, alpha);
}

ImU32 topicColor(uint32_t rgb, float alpha) { return ImGui::ColorConvertFloat4ToU32(topicColorVec(rgb, alpha)); }

namespace {
float minTarget = 0.0f;  // set with the style it belongs to
}

float minTargetSize() { return minTarget; }

Palette applyTheme(bool dark, bool touch) {
    ImGuiStyle style;
    if (dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.ChildRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 6);
    style.WindowPadding = ImVec2(12, 10);
    style.ScrollbarSize = 14.0f;
    style.WindowBorderSize = 0.0f;
    if (touch) {
        // Frames (buttons, checkboxes, fields, combos, tabs) grow to a finger's size; the text stays as it is.
        style.FramePadding = ImVec2(10, std::max(5.0f, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
        style.ItemSpacing = ImVec2(8, 8);
        style.ScrollbarSize = 16.0f;
        style.GrabMinSize = 24.0f;
    }
    minTarget = touch ? kTouchTarget : 0.0f;
    ImVec4* c = style.Colors;
    if (dark) {
        c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(0.11f, 0.12f, 0.145f, 1.0f);
        c[ImGuiCol_FrameBg] = ImVec4(0.17f, 0.18f, 0.22f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.22f, 0.36f, 0.58f, 0.55f);
        c[ImGuiCol_Button] = ImVec4(0.20f, 0.24f, 0.32f, 1.0f);
    } else {
        c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
        c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        c[ImGuiCol_FrameBg] = ImVec4(0.91f, 0.91f, 0.90f, 1.0f);
        c[ImGuiCol_Button] = ImVec4(0.86f, 0.88f, 0.92f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.55f, 0.70f, 0.95f, 0.45f);
    }
    ImGui::GetStyle() = style;

    Palette p;
    p.dark = dark;
    p.text = ImGui::GetColorU32(ImGuiCol_Text);
    p.textMuted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    p.accent = dark ? IM_COL32(110, 168, 255, 255) : IM_COL32(30, 90, 200, 255);
    p.link = dark ? IM_COL32(120, 180, 255, 255) : IM_COL32(20, 80, 190, 255);
    p.chipBg = dark ? IM_COL32(48, 54, 68, 255) : IM_COL32(226, 230, 238, 255);
    p.chipText = p.text;
    p.cellEmpty = dark ? IM_COL32(30, 33, 40, 255) : IM_COL32(236, 237, 240, 255);
    p.cellGap = dark ? IM_COL32(20, 21, 25, 255) : IM_COL32(250, 250, 250, 255);
    p.panelBg = ImGui::GetColorU32(ImGuiCol_ChildBg);
    p.selection = dark ? IM_COL32(60, 100, 170, 140) : IM_COL32(150, 190, 250, 160);
    p.warning = dark ? IM_COL32(240, 190, 80, 255) : IM_COL32(170, 110, 0, 255);
    p.error = dark ? IM_COL32(250, 110, 100, 255) : IM_COL32(190, 30, 30, 255);
    return p;
}

}  // namespace papertide::ui
