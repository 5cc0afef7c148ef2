// The timeline's topic labels: colour, name (cut short to fit) and trend; hover shows the topic's lifecycle, a tap
// or click shows the whole name and lifecycle in a popup (touch screens have no hover) with the topic's filter.
#include <algorithm>
#include <cstdio>

#include "ui/text_layout.h"
#include "ui/timeline_view.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {

Str trendLabel(core::Trend trend) {
    switch (trend) {
        case core::Trend::Rising: return Str::TrendRising;
        case core::Trend::Steady: return Str::TrendSteady;
        case core::Trend::Fading: return Str::TrendFading;
        case core::Trend::New: return Str::TrendNew;
        case core::Trend::Dormant: return Str::TrendDormant;
    }
    return Str::TrendSteady;
}

// Drawn shapes, not glyphs: they look the same in every font and at every size.
void drawTrendIcon(const Ui& ui, ImDrawList* draw, ImVec2 c, core::Trend trend) {
    const float s = 4.5f;
    switch (trend) {
        case core::Trend::Rising:
            draw->AddTriangleFilled(ImVec2(c.x, c.y - s), ImVec2(c.x + s, c.y + s * 0.7f), ImVec2(c.x - s, c.y + s * 0.7f),
                                    IM_COL32(80, 190, 110, 255));
            break;
        case core::Trend::Fading:
            draw->AddTriangleFilled(ImVec2(c.x - s, c.y - s * 0.7f), ImVec2(c.x + s, c.y - s * 0.7f), ImVec2(c.x, c.y + s),
                                    ui.palette.warning);
            break;
        case core::Trend::New:
            draw->AddCircleFilled(c, s, ui.palette.accent);
            draw->AddCircle(c, s + 2.0f, ui.palette.accent);
            break;
        case core::Trend::Steady:
            draw->AddRectFilled(ImVec2(c.x - s, c.y - 1.0f), ImVec2(c.x + s, c.y + 1.0f), ui.palette.textMuted);
            break;
        case core::Trend::Dormant:
            draw->AddCircle(c, s - 0.5f, ui.palette.textMuted);
            break;
    }
}

// "first 2022-01 · peak 2022-06 · latest 2023-03 · 12 papers · rising": the hover and the popup show the same.
std::string lifecycleText(const Ui& ui, const core::TopicLifecycle& life) {
    auto month = [](core::MonthNumber m) { return m < 0 ? std::string("-") : core::formatMonth(m); };
    char text[256];
    std::snprintf(text, sizeof text, ui.t(Str::Lifecycle), month(life.firstMonth).c_str(), month(life.peakMonth).c_str(),
                  month(life.latestMonth).c_str(), life.total, ui.t(trendLabel(life.trend)));
    return text;
}

}  // namespace

// Topic labels on the left with the topic's colour and its trend over the last digests (hover: the lifecycle).
void TimelineView::drawLabels(Ui& ui, ImDrawList* draw, ImVec2 origin, float labelX, float labelW, float rowH) {
    const core::Corpus& c = ui.corpus();
    const float lineH = ImGui::GetTextLineHeight();
    const auto& lifecycles = ui.ex.lifecycles();
    const int rows = static_cast<int>(rows_.size());
    for (int r = 0; r < rows; ++r) {
        const core::Topic& topic = c.topics[rows_[r]];
        float y = origin.y + r * rowH;
        draw->AddRectFilled(ImVec2(labelX, y + 4), ImVec2(labelX + 4, y + rowH - 4), topicColor(topic.color));
        std::string label = ellipsize(topicLabel(ui, topic), labelW - 30);
        draw->AddText(ImVec2(labelX + 9, y + (rowH - lineH) * 0.5f), ui.palette.text, label.c_str());
        drawTrendIcon(ui, draw, ImVec2(labelX + labelW - 12, y + rowH * 0.5f), lifecycles[rows_[r]].trend);
    }
    // A label cut short shows its whole name (and lifecycle) on a tap or click, which touch screens need: they
    // have no hover.
    int tapped = -1;
    for (int r = 0; r < rows; ++r) {
        ImGui::SetCursorScreenPos(ImVec2(labelX, origin.y + r * rowH));
        ImGui::PushID(r);
        if (ImGui::InvisibleButton("label", ImVec2(labelW, rowH))) tapped = r;
        exposeTarget(ui, "timeline:label:" + c.topics[rows_[r]].id);
        ImGui::PopID();
    }
    if (tapped >= 0) {  // outside the row's ID scope, so BeginPopup below finds the same popup id
        labelPopupRow_ = tapped;
        ImGui::OpenPopup("topic-label");
    }
    if (labelPopupRow_ >= 0 && labelPopupRow_ < rows && ImGui::BeginPopup("topic-label")) {
        const core::Topic& topic = c.topics[rows_[labelPopupRow_]];
        const core::TopicLifecycle& life = lifecycles[rows_[labelPopupRow_]];
        ImGui::TextColored(topicColorVec(topic.color), "%s", topicLabel(ui, topic));
        const std::string text = lifecycleText(ui, life);
        // Wrapped to the screen: on a phone the popup is as wide as the viewport allows, no wider.
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(420.0f, ImGui::GetMainViewport()->WorkSize.x - 40.0f));
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopTextWrapPos();
        topicChip(ui, rows_[labelPopupRow_]);  // filters to the topic
        exposeTarget(ui, "timeline:label-popup:filter");
        ImGui::EndPopup();
    }
    ImVec2 mouseNow = ImGui::GetIO().MousePos;
    if (!ImGui::IsPopupOpen("topic-label") && ImGui::IsWindowHovered() && mouseNow.x >= labelX && mouseNow.x < labelX + labelW && mouseNow.y >= origin.y &&
        mouseNow.y < origin.y + rows * rowH) {
        const core::TopicLifecycle& life = lifecycles[rows_[int((mouseNow.y - origin.y) / rowH)]];
        ImGui::SetTooltip("%s\n%s", topicLabel(ui, c.topics[life.topic]), lifecycleText(ui, life).c_str());
    }
}

}  // namespace papertide::ui
