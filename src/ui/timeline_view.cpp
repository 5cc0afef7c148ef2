#include "ui/timeline_view.h"

#include <algorithm>
#include <cmath>

#include "ui/text_layout.h"
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

// The columns [first, last] that reach into [clipMinX, clipMaxX]: per-column drawing stays proportional to the
// visible width, not to the thousands of months a long corpus spans.
std::pair<int, int> visibleColumns(float gridMinX, float cellW, float clipMinX, float clipMaxX, int columns) {
    if (columns <= 0 || cellW <= 0) return {0, -1};
    int first = std::max(0, int(std::floor((clipMinX - gridMinX) / cellW)));
    int last = std::min(columns - 1, int(std::floor((clipMaxX - gridMinX) / cellW)));
    return {first, last};
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

uint8_t intensity(uint32_t count, uint32_t max) {
    if (count == 0 || max == 0) return 0;
    // Square root: a month with one paper stays visible next to a month with twenty.
    return static_cast<uint8_t>(std::clamp(std::sqrt(double(count) / max) * 255.0, 1.0, 255.0));
}

uint32_t rgbOf(ImU32 c) { return ((c & 0xFF) << 16) | (c & 0xFF00) | ((c >> 16) & 0xFF); }

}  // namespace

void TimelineView::rebuildCells(Ui& ui) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    rows_ = ex.orderedTopics();
    columns_ = ex.visibleMonths();
    const core::TopicMonthMatrix& filtered = ex.filteredMatrix();
    const core::TopicMonthMatrix& total = ex.totalMatrix();
    std::vector<char> hasDigest(c.monthCount(), 0);
    for (const core::Digest& d : c.digests) hasDigest[d.month - c.firstMonth] = 1;
    cells_.columns = static_cast<int>(columns_.size());
    cells_.rows = static_cast<int>(rows_.size());
    cells_.rgba.assign(size_t(cells_.columns) * cells_.rows * 4, 0);
    cells_.rowColors.clear();
    for (int r = 0; r < cells_.rows; ++r) {
        core::TopicIndex t = rows_[r];
        cells_.rowColors.push_back(c.topics[t].color);
        for (int col = 0; col < cells_.columns; ++col) {
            size_t m = size_t(columns_[col] - c.firstMonth);
            uint8_t* px = &cells_.rgba[(size_t(r) * cells_.columns + col) * 4];
            px[0] = intensity(filtered.at(t, m), filtered.maxCount);
            px[1] = intensity(total.at(t, m), total.maxCount);
            px[2] = hasDigest[m] ? 0 : 255;
        }
    }
    // Mark cells holding a paper that several digests picked (recurrence on the timeline).
    std::vector<int> columnOf(c.monthCount(), -1);
    for (int col = 0; col < cells_.columns; ++col) columnOf[columns_[col] - c.firstMonth] = col;
    std::vector<int> rowOf(c.topics.size(), -1);
    for (int r = 0; r < cells_.rows; ++r) rowOf[rows_[r]] = r;
    for (core::PaperIndex pi : ex.visiblePapers()) {
        const core::Paper& p = c.papers[pi];
        if (p.appearances.size() < 2) continue;
        for (core::AppearanceIndex ai : p.appearances) {
            int col = columnOf[c.appearances[ai].month - c.firstMonth];
            if (col < 0) continue;
            for (core::TopicIndex t = 0; t < c.topics.size(); ++t)
                if (p.topics >> t & 1) cells_.rgba[(size_t(rowOf[t]) * cells_.columns + col) * 4 + 3] = 255;
        }
    }
    ui.scratch.timelineRows.clear();
    for (core::TopicIndex t : rows_) ui.scratch.timelineRows.push_back(c.topics[t].id);
    ui.scratch.timelineColumns.clear();
    for (core::MonthNumber m : columns_) ui.scratch.timelineColumns.push_back(core::formatMonth(m));
    builtForState_ = ex.stateRevision();
    builtForMarks_ = ex.marksRevision();
    builtDark_ = ui.palette.dark;
    uploaded_ = false;
}

void TimelineView::draw(Ui& ui, float height) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    if (c.topics.empty() || c.monthCount() == 0) return;
    if (builtForState_ != ex.stateRevision() || builtForMarks_ != ex.marksRevision() || builtDark_ != ui.palette.dark)
        rebuildCells(ui);

    // Controls: row order, gap collapsing, legend.
    const char* orders[] = {ui.t(Str::OrderTotal), ui.t(Str::OrderFirst), ui.t(Str::OrderLabel), ui.t(Str::OrderNewest),
                            ui.t(Str::OrderFaded)};
    int order = static_cast<int>(ex.state().topicOrder);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", ui.t(Str::TopicOrderLabel));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(170);
    if (ImGui::Combo("##order", &order, orders, 5)) ex.setTopicOrder(static_cast<core::TopicOrder>(order));
    ImGui::SameLine();
    bool collapse = ex.state().collapseEmptyMonths;
    if (ImGui::Checkbox(ui.t(Str::CollapseEmpty), &collapse)) ex.setCollapseEmptyMonths(collapse);
    UiScratch& s = ui.scratch;
    // Zoom (cell width): these buttons, a pinch on a touch screen, Ctrl+wheel or a trackpad pinch.
    const float zoomButtonW = ImGui::GetFrameHeight();
    flowNext(zoomButtonW * 2 + ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("−", ImVec2(zoomButtonW, 0))) s.timelineZoomRequest /= 1.5f;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::ZoomOut));
    exposeTarget(ui, "timeline:zoomout");
    ImGui::SameLine(0, 4);
    if (ImGui::Button("+", ImVec2(zoomButtonW, 0))) s.timelineZoomRequest *= 1.5f;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::ZoomIn));
    exposeTarget(ui, "timeline:zoomin");
    if (!ui.narrow) {
        flowNext(ImGui::CalcTextSize(ui.t(Str::DragHint)).x);
        ImGui::TextDisabled("%s", ui.t(Str::DragHint));
    }

    const float lineH = ImGui::GetTextLineHeight();
    const float rowH = std::max(lineH + 6.0f, 20.0f);
    const float labelW = ui.narrow ? 96.0f : 170.0f;
    const float axisH = lineH * 2 + 8;
    const int columns = static_cast<int>(columns_.size()), rows = static_cast<int>(rows_.size());
    ImGui::BeginChild("timeline", ImVec2(0, height), false, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoMove);
    // The width that fits the view, then the zoom (1 = fit; at most ~120 px per month).
    const float visibleW = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    const float fitW = std::max((visibleW - labelW) / std::max(columns, 1), ui.narrow ? 14.0f : 4.0f);
    const float maxZoom = std::max(1.0f, 120.0f / fitW);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float labelX = origin.x + ImGui::GetScrollX();  // the topic labels stay put while the months scroll
    if (s.timelineZoomRequest != 1.0f) {
        const float oldW = fitW * std::clamp(s.timelineZoom, 1.0f, maxZoom);
        s.timelineZoom = std::clamp(s.timelineZoom * s.timelineZoomRequest, 1.0f, maxZoom);
        const float newW = fitW * s.timelineZoom;
        // Keep the month under the anchor (the pinch centre or the pointer; else the middle) where it is.
        float anchor = s.timelineZoomAnchor;
        if (anchor < labelX + labelW || anchor > labelX + visibleW) anchor = labelX + labelW + (visibleW - labelW) * 0.5f;
        const float columnsFromStart = (anchor - (origin.x + labelW)) / oldW;
        timelineScrollWanted_ = std::max(0.0f, ImGui::GetScrollX() + columnsFromStart * (newW - oldW));
        s.timelineZoomRequest = 1.0f;
        s.timelineZoomAnchor = -1.0f;
    }
    const float cellW = fitW * std::clamp(s.timelineZoom, 1.0f, maxZoom);
    if (timelineScrollWanted_ >= 0.0f) {  // the content grows only after this frame: ask again until it took
        if (std::abs(ImGui::GetScrollX() - timelineScrollWanted_) < 1.0f || ++scrollTries_ > 4) {
            timelineScrollWanted_ = -1.0f;
            scrollTries_ = 0;
        } else {
            ImGui::SetScrollX(timelineScrollWanted_);
        }
    }
    s.timelineSettling = timelineScrollWanted_ >= 0.0f;
    s.timelineCellWidth = cellW;
    s.timelineScrollX = ImGui::GetScrollX();
    s.timelineScrollY = ImGui::GetScrollY();
    {
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        s.timelineRect[0] = pos.x, s.timelineRect[1] = pos.y, s.timelineRect[2] = size.x, s.timelineRect[3] = size.y;
    }
    const float gridW = cellW * columns, gridH = rowH * rows;
    ImVec2 gridMin(origin.x + labelW, origin.y), gridMax(gridMin.x + gridW, gridMin.y + gridH);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 windowClip = draw->_ClipRectStack.back();
    const ImVec2 gridClipMin(std::max(windowClip.x, labelX + labelW), windowClip.y), gridClipMax(windowClip.z, windowClip.w);

    // Topic labels on the left with the topic's colour and its trend over the last digests.
    const auto& lifecycles = ex.lifecycles();
    for (int r = 0; r < rows; ++r) {
        const core::Topic& topic = c.topics[rows_[r]];
        float y = origin.y + r * rowH;
        draw->AddRectFilled(ImVec2(labelX, y + 4), ImVec2(labelX + 4, y + rowH - 4), topicColor(topic.color));
        std::string label = ellipsize(topicLabel(ui, topic), labelW - 30);
        draw->AddText(ImVec2(labelX + 9, y + (rowH - lineH) * 0.5f), ui.palette.text, label.c_str());
        drawTrendIcon(ui, draw, ImVec2(labelX + labelW - 12, y + rowH * 0.5f), lifecycles[rows_[r]].trend);
    }
    ImVec2 mouseNow = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && mouseNow.x >= labelX && mouseNow.x < labelX + labelW && mouseNow.y >= origin.y &&
        mouseNow.y < origin.y + rows * rowH) {
        const core::TopicLifecycle& life = lifecycles[rows_[int((mouseNow.y - origin.y) / rowH)]];
        auto month = [](core::MonthNumber m) { return m < 0 ? std::string("-") : core::formatMonth(m); };
        char text[256];
        std::snprintf(text, sizeof text, ui.t(Str::Lifecycle), month(life.firstMonth).c_str(), month(life.peakMonth).c_str(),
                      month(life.latestMonth).c_str(), life.total, ui.t(trendLabel(life.trend)));
        ImGui::SetTooltip("%s\n%s", topicLabel(ui, c.topics[life.topic]), text);
    }

    // Interaction over the grid: hover, click a cell, drag across months.
    ImGui::SetCursorScreenPos(gridMin);
    ImGui::InvisibleButton("grid", ImVec2(std::max(gridW, 1.0f), std::max(gridH, 1.0f)));
    exposeTarget(ui, "timeline:grid");
    ImVec2 mouse = ImGui::GetIO().MousePos;
    bool hovered = ImGui::IsItemHovered() && mouse.x >= gridClipMin.x;  // not through the labels over a scrolled grid
    int hoverCol = -1, hoverRow = -1;
    if (hovered) {
        hoverCol = std::clamp(int((mouse.x - gridMin.x) / cellW), 0, columns - 1);
        hoverRow = std::clamp(int((mouse.y - gridMin.y) / rowH), 0, rows - 1);
    }
    if (ImGui::IsItemActivated() && hoverCol >= 0) s.timelineDragStart = s.timelineDragEnd = hoverCol;
    if (ImGui::IsItemActive() && s.timelineDragStart >= 0)
        s.timelineDragEnd = std::clamp(int((mouse.x - gridMin.x) / cellW), 0, columns - 1);
    if (ImGui::IsItemDeactivated() && s.timelineDragStart >= 0) {
        if (s.timelineDragEnd != s.timelineDragStart)
            ex.setMonthRange(columns_[std::min(s.timelineDragStart, s.timelineDragEnd)],
                             columns_[std::max(s.timelineDragStart, s.timelineDragEnd)]);
        else if (hovered && hoverRow >= 0)
            ex.showCell(rows_[hoverRow], columns_[hoverCol]);
        s.timelineDragStart = s.timelineDragEnd = -1;
    }

    // Selection band: the drag in progress, or the month-range filter.
    ImVec2 selection(-1, -1);
    if (s.timelineDragStart >= 0) {
        selection = ImVec2(float(std::min(s.timelineDragStart, s.timelineDragEnd)), float(std::max(s.timelineDragStart, s.timelineDragEnd)));
    } else if (ex.state().filter.from || ex.state().filter.to) {
        core::MonthNumber from = ex.state().filter.from.value_or(INT32_MIN), to = ex.state().filter.to.value_or(INT32_MAX);
        int first = -1, last = -1;
        for (int col = 0; col < columns; ++col)
            if (columns_[col] >= from && columns_[col] <= to) {
                if (first < 0) first = col;
                last = col;
            }
        if (first >= 0) selection = ImVec2(float(first), float(last));
    }

    gfx::TimelineStyle style;
    style.empty = rgbOf(ui.palette.cellEmpty);
    style.gap = rgbOf(ui.palette.cellGap);
    style.background = rgbOf(ImGui::GetColorU32(ImGuiCol_ChildBg));
    style.highlight = ui.palette.dark ? 0xFFFFFF : 0x000000;
    ImGui::PushClipRect(gridClipMin, gridClipMax, false);  // the grid, its axis and news row pass under the labels
    if (renderer_.available()) {
        if (!uploaded_) {
            renderer_.upload(cells_);
            uploaded_ = true;
        }
        renderer_.draw(draw, gridMin, gridMax, ImVec2(float(hoverCol), float(hoverRow)), selection, style);
    } else {
        // Without shaders (a driver that rejects them) the same picture is drawn with ImGui rectangles.
        const auto [firstCol, lastCol] = visibleColumns(gridMin.x, cellW, gridClipMin.x, gridClipMax.x, columns);
        for (int r = 0; r < rows; ++r)
            for (int col = firstCol; col <= lastCol; ++col) {
                const uint8_t* px = &cells_.rgba[(size_t(r) * columns + col) * 4];
                float a = px[0] ? 0.5f + 0.5f * px[0] / 255.0f : px[1] ? 0.15f + 0.2f * px[1] / 255.0f : 0.0f;
                ImVec2 p0(gridMin.x + col * cellW, gridMin.y + r * rowH);
                ImVec2 p1(p0.x + cellW - 1, p0.y + rowH - 1);
                draw->AddRectFilled(p0, p1, px[2] ? ui.palette.cellGap : ui.palette.cellEmpty);
                if (a > 0) draw->AddRectFilled(p0, p1, topicColor(cells_.rowColors[r], a));
            }
    }

    // Month axis: years always, months as space allows; gap months marked.
    const float labelEvery = std::max(1.0f, std::ceil(ImGui::CalcTextSize("2022-06").x * 1.2f / cellW));
    const int labelSlack = int(labelEvery) + 1;  // a label starting left of the clip may still show its end
    const auto [axisFirst, axisLast] = visibleColumns(gridMin.x, cellW, gridClipMin.x, gridClipMax.x, columns);
    for (int col = std::max(0, axisFirst - labelSlack); col <= axisLast; ++col) {
        core::MonthNumber m = columns_[col];
        float x = gridMin.x + col * cellW;
        bool january = m % 12 == 0;
        if (col % int(labelEvery) == 0 || (january && labelEvery > 1)) {
            std::string label = core::formatMonth(m);
            draw->AddText(ImVec2(x, gridMax.y + 3), january ? ui.palette.text : ui.palette.textMuted,
                          cellW >= ImGui::CalcTextSize(label.c_str()).x ? label.c_str() : label.c_str() + 2);
        }
        if (col > 0 && ex.state().collapseEmptyMonths && columns_[col - 1] != m - 1)  // collapsed gap: a marker
            draw->AddLine(ImVec2(x, gridMin.y), ImVec2(x, gridMax.y + 4), ui.palette.warning, 2.0f);
    }
    ImGui::PopClipRect();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, gridMax.y));
    ImGui::Dummy(ImVec2(labelW + gridW, axisH));
    drawNewsRow(ui, labelW, cellW, rowH, labelX, gridClipMin, gridClipMax);

    if (hovered && hoverCol >= 0 && hoverRow >= 0) {
        core::TopicIndex t = rows_[hoverRow];
        core::MonthNumber m = columns_[hoverCol];
        size_t offset = size_t(m - c.firstMonth);
        uint32_t shown = ex.filteredMatrix().at(t, offset), all = ex.totalMatrix().at(t, offset);
        ImGui::BeginTooltip();
        ImGui::TextColored(topicColorVec(c.topics[t].color), "%s", topicLabel(ui, c.topics[t]));
        ImGui::SameLine();
        ImGui::TextUnformatted(core::formatMonth(m).c_str());
        if (cells_.rgba[(size_t(hoverRow) * columns + hoverCol) * 4 + 2]) {
            ImGui::TextDisabled("%s", ui.t(Str::NoDigestThisMonth));
        } else {
            ImGui::Text(ui.t(Str::PapersThisCell), int(shown));
            if (ex.state().filter.active()) {
                ImGui::SameLine();
                ImGui::TextDisabled("(%s)", [&] {
                    static char buf[64];
                    std::snprintf(buf, sizeof buf, ui.t(Str::FilteredOfTotal), int(shown), int(all));
                    return buf;
                }());
            }
            auto papers = core::papersInCell(c, ex.visiblePapers(), t, m, &ex.state().filter);
            for (size_t i = 0; i < papers.size() && i < 10; ++i)
                ImGui::BulletText("%s", ellipsize(c.papers[papers[i]].title, 420).c_str());
            if (papers.size() > 10) ImGui::TextDisabled("… +%zu", papers.size() - 10);
        }
        ImGui::EndTooltip();
    }
    ImGui::EndChild();
}

void TimelineView::drawNewsRow(Ui& ui, float labelW, float cellW, float rowH, float labelX, ImVec2 clipMin, ImVec2 clipMax) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    if (newsForCorpus_ != ex.corpusRevision()) {
        news_ = core::linkNews(c);
        newsPerMonth_.assign(c.monthCount(), 0);
        for (const core::NewsLink& n : news_) {
            size_t m = size_t(c.digests[n.digest].month - c.firstMonth);
            if (m < newsPerMonth_.size() && newsPerMonth_[m] < UINT16_MAX) ++newsPerMonth_[m];
        }
        newsForCorpus_ = ex.corpusRevision();
    }
    if (news_.empty()) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    draw->AddText(ImVec2(labelX + 9, origin.y + 2), ui.palette.textMuted, ui.t(Str::NewsRow));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1;
    draw->PushClipRect(clipMin, clipMax, true);
    const auto [firstCol, lastCol] = visibleColumns(origin.x + labelW, cellW, clipMin.x, clipMax.x, int(columns_.size()));
    for (int col = std::max(0, firstCol - 1); col <= lastCol; ++col) {  // a dot may reach over its cell's edge
        size_t m = size_t(columns_[col] - c.firstMonth);
        int count = m < newsPerMonth_.size() ? newsPerMonth_[m] : 0;
        if (count == 0) continue;
        ImVec2 centre(origin.x + labelW + (col + 0.5f) * cellW, origin.y + rowH * 0.5f);
        float radius = std::min(rowH * 0.42f, 5.0f + count);
        draw->AddCircleFilled(centre, radius, ui.palette.accent);
        std::string n = std::to_string(count);
        if (radius * 2 > ImGui::CalcTextSize(n.c_str()).x + 2)
            draw->AddText(ImVec2(centre.x - ImGui::CalcTextSize(n.c_str()).x * 0.5f, centre.y - ImGui::GetTextLineHeight() * 0.5f),
                          IM_COL32(255, 255, 255, 255), n.c_str());
        if (ImGui::IsWindowHovered() && mouse.x >= clipMin.x && std::abs(mouse.x - centre.x) <= std::max(radius, cellW * 0.5f) &&
            std::abs(mouse.y - centre.y) <= rowH * 0.5f)
            hovered = col;
    }
    draw->PopClipRect();
    ImGui::Dummy(ImVec2(labelW + cellW * columns_.size(), rowH));
    exposeTarget(ui, "timeline:news");
    if (hovered < 0) return;
    ImGui::BeginTooltip();
    const core::Digest* first = nullptr;
    for (const core::NewsLink& n : news_) {
        const core::Digest& d = c.digests[n.digest];
        if (d.month != columns_[hovered]) continue;
        if (!first) first = &d;
        ImGui::BulletText("%s", ellipsize(d.news[n.item].text, 520).c_str());
        std::string linked;
        for (core::TopicIndex t = 0; t < c.topics.size(); ++t)
            if (n.topics >> t & 1) linked += (linked.empty() ? "" : ", ") + std::string(topicLabel(ui, c.topics[t]));
        if (!n.papers.empty()) {
            char mentions[64];
            std::snprintf(mentions, sizeof mentions, ui.t(Str::NewsMentions), int(n.papers.size()));
            linked += (linked.empty() ? "" : " · ") + std::string(mentions);
        }
        if (!linked.empty()) ImGui::TextDisabled("    %s", linked.c_str());
    }
    ImGui::EndTooltip();
    if (first && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {  // read the whole news list in the digest
        ex.setView(core::View::Digests);
        ex.openDigest(first->id);
    }
}

}  // namespace papertide::ui
