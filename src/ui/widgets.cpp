#include "ui/widgets.h"

#include <algorithm>

#include <imgui_internal.h>

#include "app/paper_text.h"
#include "core/json_reader.h"

namespace papertide::ui {

bool chip(const char* id, std::string_view label, ImU32 background, ImU32 textColor, bool removable) {
    ImGui::PushID(id);
    const ImVec2 pad(7, 2);
    std::string text(label);
    if (removable) text += "  ×";
    const ImVec2 textSize = ImGui::CalcTextSize(text.c_str());
    const ImVec2 size(std::max(textSize.x + pad.x * 2, minTargetSize()), std::max(textSize.y + pad.y * 2, minTargetSize()));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("chip", size);
    bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImU32 bg = background;
    if (hovered) bg = (bg & 0x00FFFFFF) | (std::min<ImU32>(255, ((bg >> 24) & 0xFF) + 60) << 24);
    // In the touch style the pill stays text-sized and centred in its larger tap area.
    const float pillH = textSize.y + pad.y * 2, top = pos.y + (size.y - pillH) * 0.5f;
    draw->AddRectFilled(ImVec2(pos.x, top), ImVec2(pos.x + size.x, top + pillH), bg, pillH * 0.5f);
    draw->AddText(ImVec2(pos.x + (size.x - textSize.x) * 0.5f, top + pad.y), textColor, text.c_str());
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopID();
    return clicked;
}

const char* topicLabel(const Ui& ui, const core::Topic& topic) { return app::topicLabel(ui.lang, topic); }

bool smallButton(const char* label) {
    if (minTargetSize() <= 0.0f) return ImGui::SmallButton(label);
    const float w = ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
    return ImGui::Button(label, ImVec2(std::max(w, minTargetSize()), 0));  // a frame as tall as a finger
}

void alignTextToTargets() {
    if (minTargetSize() > 0.0f) ImGui::AlignTextToFramePadding();
}

bool listItem(const char* label, bool selected) {
    // A Selectable's box takes in the item spacing below it; the rest makes up the touch target's height.
    const float h = std::max(0.0f, minTargetSize() - ImGui::GetStyle().ItemSpacing.y);
    return ImGui::Selectable(label, selected, 0, ImVec2(0, h));
}

void flowNext(float nextWidth) {
    float lastEnd = ImGui::GetItemRectMax().x;
    float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (lastEnd + ImGui::GetStyle().ItemSpacing.x + nextWidth <= limit) ImGui::SameLine();
}

void topicChip(Ui& ui, core::TopicIndex t, bool small) {
    const core::Topic& topic = ui.corpus().topics[t];
    const auto& active = ui.ex.state().filter.topics;
    bool selected = std::find(active.begin(), active.end(), topic.id) != active.end();
    ImU32 bg = topicColor(topic.color, selected ? 0.95f : (ui.palette.dark ? 0.35f : 0.25f));
    ImU32 fg = selected ? IM_COL32(255, 255, 255, 255) : ui.palette.text;
    if (small) ImGui::SetWindowFontScale(0.9f);
    if (chip(topic.id.c_str(), topicLabel(ui, topic), bg, fg)) ui.ex.toggleTopic(topic.id);
    if (small) ImGui::SetWindowFontScale(1.0f);
}

void linkButton(Ui& ui, const char* id, std::string_view label, const std::string& url) {
    ImGui::PushID(id);
    ImVec2 size = ImGui::CalcTextSize(label.data(), label.data() + label.size());
    const float hitH = std::max(size.y, minTargetSize());
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool clicked = ImGui::InvisibleButton("link", ImVec2(std::max({size.x, 1.0f, minTargetSize()}), hitH),
                                          ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
    pos.y += (hitH - size.y) * 0.5f;  // the text in the middle of a taller tap area
    const bool safe = openOnClick(ui, clicked, url, "");
    ImU32 color = safe ? ui.palette.link : ui.palette.textMuted;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddText(pos, color, label.data(), label.data() + label.size());
    if (ImGui::IsItemHovered()) {
        if (safe) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            draw->AddLine(ImVec2(pos.x, pos.y + size.y), ImVec2(pos.x + size.x, pos.y + size.y), color);
        }
        ImGui::SetTooltip("%s", url.c_str());
    }
    ImGui::PopID();
}

std::string authorSummary(const Ui& ui, const core::Paper& paper, size_t maxAuthors) {
    return app::authorSummary(ui.lang, ui.corpus(), paper, maxAuthors);
}

std::string paperMonths(const Ui& ui, const core::Paper& paper) { return app::paperMonths(ui.corpus(), paper); }

namespace {

// The clickable part of the last item: inside the window's clip rectangle. False when none is visible.
bool visibleItemRect(ImVec2& min, ImVec2& max) {
    if (!ImGui::IsItemVisible()) return false;  // scrolled away or clipped: not clickable now
    min = ImGui::GetItemRectMin();
    max = ImGui::GetItemRectMax();
    const ImVec4 clip = ImGui::GetWindowDrawList()->_ClipRectStack.back();
    min = ImVec2(std::max(min.x, clip.x), std::max(min.y, clip.y));
    max = ImVec2(std::min(max.x, clip.z), std::min(max.y, clip.w));
    return max.x > min.x && max.y > min.y;
}

}  // namespace

void exposeTarget(Ui& ui, std::string name, bool control) {
    // Scrolled-away items are fine (the reader scrolls to them); an item cut off by the viewport is not.
    if (ImGui::GetItemRectMax().x > ImGui::GetMainViewport()->WorkSize.x + 1.0f && ImGui::GetScrollMaxX() == 0.0f)
        ui.frame.offscreenTargets.push_back(name);
    ImVec2 min, max;
    if (!visibleItemRect(min, max)) return;
    const ImVec2 full = ImGui::GetItemRectSize();
    ui.frame.targets.push_back({std::move(name), min.x, min.y, max.x - min.x, max.y - min.y, full.x, full.y, control});
}

namespace {

// Tells the platform that the last item opens / copies `payload` when clicked.
void offerAction(Ui& ui, PointerAction::Kind kind, const std::string& payload) {
    ImVec2 min, max;
    if (payload.empty() || !visibleItemRect(min, max)) return;
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    const bool inPopup = window && (window->RootWindow->Flags & ImGuiWindowFlags_Popup) != 0;
    ui.model.pointerActions().offer({kind, min.x, min.y, max.x - min.x, max.y - min.y, payload}, inPopup);
}

}  // namespace

void copyOnClick(Ui& ui, bool clicked, const std::string& text, const std::string& target) {
    offerAction(ui, PointerAction::Kind::Copy, text);
    if (!target.empty()) exposeTarget(ui, target);
    if (!clicked || text.empty()) return;
    ui.platform.copyToClipboard(text);
    flashFeedback(ui, ui.t(Str::Copied));
}

bool openOnClick(Ui& ui, bool clicked, const std::string& url, const std::string& target) {
    const bool safe = core::isSafeHttpUrl(url);
    if (safe) offerAction(ui, PointerAction::Kind::Open, url);
    if (!target.empty()) exposeTarget(ui, target);
    if (clicked && safe) ui.platform.openUrl(url);
    return safe;
}

void copyButton(Ui& ui, const char* id, const std::string& text, const std::string& name) {
    ImGui::PushID(id);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_Button, 0.45f));
    const bool clicked = smallButton(ui.t(Str::Copy));
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::CopyText));
    copyOnClick(ui, clicked, text, name);
    ImGui::PopID();
}

void flashFeedback(Ui& ui, const std::string& text) {
    ui.model.flash(text);
}

void drawFeedback(Ui& ui) {
    if (!ui.model.feedbackVisible()) return;
    ImVec2 display = ImGui::GetIO().DisplaySize;  // bottom centre: clear of the top bar's controls
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - 24), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.9f);
    ImGui::Begin("##feedback", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::TextUnformatted(ui.model.feedback().text().c_str());
    ImGui::End();
}

}  // namespace papertide::ui
