// The ImGui font atlas: the corpus-driven subset of WenQuanYi Micro Hei at the display's pixel ratio, with the
// Symbola subset of the characters it lacks merged in.
#include "ui/fonts.h"

#include <imgui.h>

#include <cstdio>

namespace papertide::ui {

bool buildFontAtlas(const std::string& fontPath, float pixelRatio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The subset font only holds the corpus and UI characters, so wide ranges cost nothing (missing glyphs
    // are skipped) and text outside the subset falls back to ImGui's '?' instead of failing.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(io.Fonts->GetGlyphRangesChineseFull());
        // Latin Extended (author names like Żołna), Greek, arrows, geometric shapes, stars, check mark.
        static const ImWchar extra[] = {0x0100, 0x024F, 0x0370, 0x03FF, 0x2070, 0x209F, 0x2190, 0x21FF,
                                        0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0};
        builder.AddRanges(extra);
        builder.BuildRanges(&ranges);
    }
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = io.Fonts->AddFontFromFileTTF(fontPath.c_str(), 16.0f * pixelRatio, &config, ranges.Data);
    if (!font) {
        io.Fonts->AddFontDefault();
        pixelRatio = 1.0f;
    } else {
        // scripts/make-font.sh writes the characters the main font lacks (emoji, superscript digits, ...) into
        // papertide-symbols.ttf beside it; merged, they draw as if one font. A --font of one's own may have none.
        std::string symbols = fontPath.substr(0, fontPath.find_last_of('/') + 1) + "papertide-symbols.ttf";
        static const ImWchar allCodePoints[] = {0x0020, IM_UNICODE_CODEPOINT_MAX, 0};  // present ones are kept
        ImFontConfig merge = config;
        merge.MergeMode = true;
        if (std::FILE* f = std::fopen(symbols.c_str(), "rb")) {  // ImGui asserts on a missing file
            std::fclose(f);
            io.Fonts->AddFontFromFileTTF(symbols.c_str(), 16.0f * pixelRatio, &merge, allCodePoints);
        }
    }
    io.FontGlobalScale = 1.0f / pixelRatio;
    io.Fonts->Build();
    return font != nullptr;
}

}  // namespace papertide::ui
