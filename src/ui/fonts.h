// The ImGui font atlas (fonts.cpp).
#pragma once
#include <string>

namespace papertide::ui {

// (Re)builds the atlas from a TTF/TTC file at the given pixel ratio; false (ImGui's built-in font is used, which
// has no Chinese) when the file cannot be loaded. Call with an ImGui context current.
bool buildFontAtlas(const std::string& fontPath, float pixelRatio);

}  // namespace papertide::ui
