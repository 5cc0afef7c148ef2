// The paper card's find bar: the query field (an HTML <input> on the web, so IMEs work), "n of m", previous /
// next and close.
#include <algorithm>

#include "ui/panels.h"
#include "ui/widgets.h"

namespace papertide::ui {

void PaperCard::drawFindBar(Ui& ui) {
    app::CardFind& find = find_;
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImGuiStyle& style = ImGui::GetStyle();
    char count[64];
    if (find.matches().empty()) std::snprintf(count, sizeof count, "%s", find.query().empty() ? "" : ui.t(Str::FindNone));
    else std::snprintf(count, sizeof count, ui.t(Str::FindCount), find.current() + 1, int(find.matches().size()));
    const float buttonW = ImGui::GetFrameHeight();
    const float countW = std::max(ImGui::CalcTextSize(count).x, ImGui::CalcTextSize("88 of 88").x);
    const float fieldW = std::max(100.0f, avail - countW - 3 * (buttonW + style.ItemSpacing.x) - style.ItemSpacing.x - 4);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetFrameHeight();
    bool keepFocus = false;
    if (ui.platform.placeTextOverlay(TextOverlay::Find, pos.x, pos.y, fieldW, height, find.query(), ui.palette.dark)) {
        findFieldShown_ = true;
        ImGui::InvisibleButton("find-overlay", ImVec2(fieldW, height));
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + fieldW, pos.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg),
                                                  style.FrameRounding);
        if (focusFindField_) ui.platform.focusTextOverlay(TextOverlay::Find);
    } else {  // natively: ImGui's own field; Enter / Shift+Enter step, Esc closes
        if (findBufferSource_ != find.query()) {
            std::snprintf(findBuffer_, sizeof findBuffer_, "%s", find.query().c_str());
            findBufferSource_ = find.query();
        }
        if (focusFindField_) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(fieldW);
        if (ImGui::InputTextWithHint("##find", ui.t(Str::FindHint), findBuffer_, sizeof findBuffer_)) {
            findBufferSource_ = findBuffer_;
            find.setQuery(findBuffer_);
        }
        if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) {
            find.step(ImGui::GetIO().KeyShift ? -1 : 1);
            keepFocus = true;
        }
        if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) find.close();
    }
    focusFindField_ = keepFocus;
    exposeTarget(ui, "find:field");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", count);
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(std::max(0.0f, countW - ImGui::CalcTextSize(count).x), 1));
    ImGui::SameLine();
    if (ImGui::Button("↑", ImVec2(buttonW, 0))) find.step(-1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::FindPrevious));
    exposeTarget(ui, "find:prev");
    ImGui::SameLine();
    if (ImGui::Button("↓", ImVec2(buttonW, 0))) find.step(1);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::FindNext));
    exposeTarget(ui, "find:next");
    ImGui::SameLine();
    if (ImGui::Button("×", ImVec2(buttonW, 0))) find.close();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::FindClose));
    exposeTarget(ui, "find:close");
}

}  // namespace papertide::ui
