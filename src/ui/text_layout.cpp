#include "ui/text_layout.h"

#include <algorithm>
#include <cfloat>

#include "core/text.h"

namespace papertide::ui {

namespace {

bool breaksAfter(char32_t cp) {
    return core::isCjk(cp) || cp == ' ' || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           cp == '-' || cp == '/' || cp == 0x2014 || cp == 0x2026;
}

// Closing punctuation should not start a line (，。！？：；) 」』）: keep it with the previous character.
bool mustNotStartLine(char32_t cp) {
    switch (cp) {
        case 0xFF0C: case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1A: case 0xFF1B: case 0x3001:
        case 0xFF09: case 0x300D: case 0x300F: case 0x201D: case 0x2019: case ',': case '.': case ')':
        case ';': case ':': case '!': case '?':
            return true;
        default:
            return false;
    }
}

}  // namespace

std::vector<TextLine> wrapText(std::string_view text, float width) {
    std::vector<TextLine> lines;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    const char* base = text.data();
    size_t lineStart = 0, pos = 0;
    size_t lastBreak = 0;  // a position before which the line may end (0 = none on this line yet)
    float lineWidth = 0, widthAtBreak = 0;
    bool prevAllowsBreak = false;
    while (pos < text.size()) {
        size_t charStart = pos;
        char32_t cp = core::decodeUtf8(text, pos);
        if (cp == '\n') {
            lines.push_back({base + lineStart, base + charStart});
            lineStart = pos;
            lineWidth = 0;
            lastBreak = 0;
            prevAllowsBreak = false;
            continue;
        }
        if (prevAllowsBreak && !mustNotStartLine(cp) && charStart > lineStart) {
            lastBreak = charStart;
            widthAtBreak = lineWidth;
        }
        float w = font->GetCharAdvance(static_cast<ImWchar>(cp <= IM_UNICODE_CODEPOINT_MAX ? cp : 0xFFFD)) * scale;
        if (lineWidth + w > width && charStart > lineStart) {
            if (lastBreak > lineStart) {
                lines.push_back({base + lineStart, base + lastBreak});
                lineStart = lastBreak;
                lineWidth -= widthAtBreak;
            } else if (mustNotStartLine(cp)) {  // no earlier break: let the punctuation hang in the margin
                lines.push_back({base + lineStart, base + pos});
                lineStart = pos;
                lineWidth = 0;
                lastBreak = 0;
                prevAllowsBreak = true;
                continue;
            } else {  // one unbreakable run wider than the line: cut it here
                lines.push_back({base + lineStart, base + charStart});
                lineStart = charStart;
                lineWidth = 0;
            }
            lastBreak = 0;
            while (lineStart < charStart && text[lineStart] == ' ') {
                ++lineStart;
                lineWidth -= font->GetCharAdvance(' ') * scale;
            }
        }
        lineWidth += w;
        prevAllowsBreak = breaksAfter(cp);
    }
    if (lineStart < text.size() || lines.empty()) lines.push_back({base + lineStart, base + text.size()});
    return lines;
}

float wrappedText(std::string_view text, float width, ImU32 color, const std::vector<TextHighlight>* highlights,
                  float* currentY) {
    const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
    std::vector<TextLine> lines = wrapText(text, width);
    ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Draw only the lines inside the clip rect: long summaries stay cheap to scroll.
    const ImVec4 clip = draw->_ClipRectStack.back();
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize();
    const bool dark = (ImGui::GetColorU32(ImGuiCol_WindowBg) & 0xFF) < 0x80;
    const ImU32 matchColor = dark ? IM_COL32(200, 160, 40, 110) : IM_COL32(255, 220, 80, 170);
    const ImU32 currentColor = dark ? IM_COL32(255, 140, 0, 210) : IM_COL32(255, 150, 30, 220);
    bool currentPlaced = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        float y = start.y + i * lineHeight;
        const size_t lineBegin = size_t(lines[i].begin - text.data()), lineEnd = size_t(lines[i].end - text.data());
        if (highlights) {
            for (const TextHighlight& h : *highlights) {
                if (h.current && currentY && !currentPlaced && (h.begin < lineEnd || i + 1 == lines.size())) {
                    *currentY = y;
                    currentPlaced = true;
                }
                if (h.end <= lineBegin || h.begin >= lineEnd) continue;
                if (y + lineHeight < clip.y || y > clip.w) continue;
                const char* from = text.data() + std::max(h.begin, lineBegin);
                const char* to = text.data() + std::min(h.end, lineEnd);
                float x0 = start.x + font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, lines[i].begin, from).x;
                float x1 = x0 + font->CalcTextSizeA(fontSize, FLT_MAX, 0.0f, from, to).x;
                draw->AddRectFilled(ImVec2(x0 - 1, y - 1), ImVec2(x1 + 1, y + fontSize + 1), h.current ? currentColor : matchColor, 2.0f);
            }
        }
        if (y + lineHeight < clip.y || y > clip.w) continue;
        draw->AddText(ImVec2(start.x, y), color, lines[i].begin, lines[i].end);
    }
    float height = lines.size() * lineHeight;
    ImGui::Dummy(ImVec2(width, height - ImGui::GetStyle().ItemSpacing.y));
    return height;
}

}  // namespace papertide::ui

namespace papertide::ui {

std::string ellipsize(std::string_view text, float width) {
    if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= width) return std::string(text);
    const float ellipsis = ImGui::CalcTextSize("…").x;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    float used = 0;
    size_t pos = 0, fits = 0;
    while (pos < text.size()) {
        size_t next = pos;
        char32_t cp = core::decodeUtf8(text, next);
        if (cp == '\n') break;
        used += font->GetCharAdvance(static_cast<ImWchar>(cp <= IM_UNICODE_CODEPOINT_MAX ? cp : 0xFFFD)) * scale;
        if (used + ellipsis > width) break;
        fits = pos = next;
    }
    return std::string(text.substr(0, fits)) + "…";
}

}  // namespace papertide::ui
