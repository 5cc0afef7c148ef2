#include "ui/timeline_view.h"

#include <algorithm>
#include <cmath>

#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {

uint8_t intensity(uint32_t count, uint32_t max) {
    if (count == 0 || max == 0) return 0;
    // Square root: a month with one paper stays visible next to a month with twenty.
    return static_cast<uint8_t>(std::clamp(std::sqrt(double(count) / max) * 255.0, 1.0, 255.0));
}

uint32_t rgbOf(ImU32 c) { return ((c & 0xFF) << 16) | (c & 0xFF00) | ((c >> 16) & 0xFF); }

}  // namespace

// The columns [first, last] that reach into [clipMinX, clipMaxX]: per-column drawing stays proportional to the
// visible width, not to the thousands of months a long corpus spans.
std::pair<int, int> TimelineView::visibleColumns(float gridMinX, float cellW, float clipMinX, float clipMaxX, int columns) {
    if (columns <= 0 || cellW <= 0) return {0, -1};
    int first = std::max(0, int(std::floor((clipMinX - gridMinX) / cellW)));
    int last = std::min(columns - 1, int(std::floor((clipMaxX - gridMinX) / cellW)));
    return {first, last};
}

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
    report_.rows.clear();
    for (core::TopicIndex t : rows_) report_.rows.push_back(c.topics[t].id);
    report_.columns.clear();
    for (core::MonthNumber m : columns_) report_.columns.push_back(core::formatMonth(m));
    builtForState_ = ex.stateRevision();
    builtForMarks_ = ex.marksRevision();
    builtDark_ = ui.palette.dark;
    uploaded_ = false;
}

void TimelineView::drawControls(Ui& ui) {
    core::Explorer& ex = ui.ex;
    // Row order, gap collapsing, zoom, legend.
    const char* orders[] = {ui.t(Str::OrderTotal), ui.t(Str::OrderFirst), ui.t(Str::OrderLabel), ui.t(Str::OrderNewest),
                            ui.t(Str::OrderFaded)};
    int order = static_cast<int>(ex.state().topicOrder);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", ui.t(Str::TopicOrderLabel));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui.narrow ? 130.0f : 170.0f);
    if (ImGui::Combo("##order", &order, orders, 5)) ex.setTopicOrder(static_cast<core::TopicOrder>(order));
    // Each control goes on the next line when the width runs out (phones): none is ever cut off.
    const char* collapseLabel = ui.t(Str::CollapseEmpty);
    flowNext(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(collapseLabel).x);
    bool collapse = ex.state().collapseEmptyMonths;
    if (ImGui::Checkbox(collapseLabel, &collapse)) ex.setCollapseEmptyMonths(collapse);
    exposeTarget(ui, "timeline:collapse");
    // Zoom (cell width): these buttons, a pinch on a touch screen, Ctrl+wheel or a trackpad pinch.
    const float zoomButtonW = std::max(ImGui::GetFrameHeight(), minTargetSize());
    flowNext(zoomButtonW * 2 + ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("−", ImVec2(zoomButtonW, 0))) zoomRequest_ /= 1.5f;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::ZoomOut));
    exposeTarget(ui, "timeline:zoomout");
    ImGui::SameLine(0, 4);
    if (ImGui::Button("+", ImVec2(zoomButtonW, 0))) zoomRequest_ *= 1.5f;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::ZoomIn));
    exposeTarget(ui, "timeline:zoomin");
    if (!ui.narrow) {
        flowNext(ImGui::CalcTextSize(ui.t(Str::DragHint)).x);
        ImGui::TextDisabled("%s", ui.t(Str::DragHint));
    }
}

bool TimelineView::zoomAt(float x, float y, float factor) {
    const float* r = rect_;
    if (!(factor > 0.0f) || r[2] <= 0 || x < r[0] || y < r[1] || x >= r[0] + r[2] || y >= r[1] + r[3]) return false;
    zoomRequest_ *= factor;
    zoomAnchor_ = x;
    return true;
}

float TimelineView::rowHeight() {
    return std::max({ImGui::GetTextLineHeight() + 6.0f, 20.0f, minTargetSize()});  // a label is a touch target
}

void TimelineView::draw(Ui& ui, float height) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    if (c.topics.empty() || c.monthCount() == 0) return;
    if (builtForState_ != ex.stateRevision() || builtForMarks_ != ex.marksRevision() || builtDark_ != ui.palette.dark)
        rebuildCells(ui);
    drawControls(ui);

    const float rowH = rowHeight();
    const float labelW = ui.narrow ? 96.0f : 170.0f;
    const int columns = static_cast<int>(columns_.size()), rows = static_cast<int>(rows_.size());
    ImGui::BeginChild("timeline", ImVec2(0, height), false, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoMove);
    // The width that fits the view, then the zoom (1 = fit; at most ~120 px per month). The fit is taken from the
    // child's own width with a vertical scrollbar's width always set aside: the scrollbars that a zoom makes
    // appear must not change it (the zoom factor is exact for the same window).
    const float fitWidth = std::max(0.0f, ImGui::GetWindowWidth() - ImGui::GetStyle().ScrollbarSize - labelW);
    const float fitW = std::max(fitWidth / std::max(columns, 1), ui.narrow ? 14.0f : 4.0f);
    const float maxZoom = std::max(1.0f, 120.0f / fitW);
    const float visibleW = ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float labelX = origin.x + ImGui::GetScrollX();  // the topic labels stay put while the months scroll
    if (zoomRequest_ != 1.0f) {
        const float oldW = fitW * std::clamp(zoom_, 1.0f, maxZoom);
        zoom_ = std::clamp(zoom_ * zoomRequest_, 1.0f, maxZoom);
        const float newW = fitW * zoom_;
        // Keep the month under the anchor (the pinch centre or the pointer; else the middle) where it is.
        float anchor = zoomAnchor_;
        if (anchor < labelX + labelW || anchor > labelX + visibleW) anchor = labelX + labelW + (visibleW - labelW) * 0.5f;
        const float columnsFromStart = (anchor - (origin.x + labelW)) / oldW;
        scrollWanted_ = std::max(0.0f, ImGui::GetScrollX() + columnsFromStart * (newW - oldW));
        zoomRequest_ = 1.0f;
        zoomAnchor_ = -1.0f;
    }
    const float cellW = fitW * std::clamp(zoom_, 1.0f, maxZoom);
    if (scrollWanted_ >= 0.0f) {  // the content grows only after this frame: ask again until it took
        if (std::abs(ImGui::GetScrollX() - scrollWanted_) < 1.0f || ++scrollTries_ > 4) {
            scrollWanted_ = -1.0f;
            scrollTries_ = 0;
        } else {
            ImGui::SetScrollX(scrollWanted_);
        }
    }
    report_.fitWidth = fitWidth;
    report_.cellWidth = cellW;
    report_.zoom = zoom_;
    report_.scrollX = ImGui::GetScrollX();
    report_.scrollY = ImGui::GetScrollY();
    {
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        rect_[0] = pos.x, rect_[1] = pos.y, rect_[2] = size.x, rect_[3] = size.y;
    }
    const float gridW = cellW * columns, gridH = rowH * rows;
    ImVec2 gridMin(origin.x + labelW, origin.y), gridMax(gridMin.x + gridW, gridMin.y + gridH);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec4 windowClip = draw->_ClipRectStack.back();
    const ImVec2 gridClipMin(std::max(windowClip.x, labelX + labelW), windowClip.y), gridClipMax(windowClip.z, windowClip.w);
    drawLabels(ui, draw, origin, labelX, labelW, rowH);

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
    if (ImGui::IsItemActivated() && hoverCol >= 0) dragStart_ = dragEnd_ = hoverCol;
    if (ImGui::IsItemActive() && dragStart_ >= 0) dragEnd_ = std::clamp(int((mouse.x - gridMin.x) / cellW), 0, columns - 1);
    if (ImGui::IsItemDeactivated() && dragStart_ >= 0) {
        if (dragEnd_ != dragStart_)
            ex.setMonthRange(columns_[std::min(dragStart_, dragEnd_)], columns_[std::max(dragStart_, dragEnd_)]);
        else if (hovered && hoverRow >= 0)
            ex.showCell(rows_[hoverRow], columns_[hoverCol]);
        dragStart_ = dragEnd_ = -1;
    }

    drawGrid(ui, draw, gridMin, gridMax, gridClipMin, gridClipMax, hoverCol, hoverRow, rowH);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, gridMax.y));
    ImGui::Dummy(ImVec2(labelW + gridW, ImGui::GetTextLineHeight() * 2 + 8));  // the month axis
    drawNewsRow(ui, labelW, cellW, rowH, labelX, gridClipMin, gridClipMax);
    if (hovered && hoverCol >= 0 && hoverRow >= 0) drawCellTooltip(ui, hoverCol, hoverRow);
    ImGui::EndChild();
}

// The cells (the shader, or ImGui rectangles when shaders are unavailable), the selection and the month axis.
void TimelineView::drawGrid(Ui& ui, ImDrawList* draw, ImVec2 gridMin, ImVec2 gridMax, ImVec2 gridClipMin, ImVec2 gridClipMax,
                            int hoverCol, int hoverRow, float rowH) {
    const core::Explorer& ex = ui.ex;
    const int columns = static_cast<int>(columns_.size()), rows = static_cast<int>(rows_.size());
    const float cellW = report_.cellWidth;
    // Selection band: the drag in progress, or the month-range filter.
    ImVec2 selection(-1, -1);
    if (dragStart_ >= 0) {
        selection = ImVec2(float(std::min(dragStart_, dragEnd_)), float(std::max(dragStart_, dragEnd_)));
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
        report_.renderer = "gl";
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
        report_.renderer = "imgui";
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
}

void TimelineView::drawCellTooltip(Ui& ui, int col, int row) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    core::TopicIndex t = rows_[row];
    core::MonthNumber m = columns_[col];
    size_t offset = size_t(m - c.firstMonth);
    uint32_t shown = ex.filteredMatrix().at(t, offset), all = ex.totalMatrix().at(t, offset);
    ImGui::BeginTooltip();
    ImGui::TextColored(topicColorVec(c.topics[t].color), "%s", topicLabel(ui, c.topics[t]));
    ImGui::SameLine();
    ImGui::TextUnformatted(core::formatMonth(m).c_str());
    if (cells_.rgba[(size_t(row) * columns_.size() + col) * 4 + 2]) {
        ImGui::TextDisabled("%s", ui.t(Str::NoDigestThisMonth));
    } else {
        ImGui::TextUnformatted(ui.count(Str::PapersThisCell, int(shown)).c_str());
        if (ex.state().filter.active()) {
            char buf[64];
            std::snprintf(buf, sizeof buf, ui.t(Str::FilteredOfTotal), int(shown), int(all));
            ImGui::SameLine();
            ImGui::TextDisabled("(%s)", buf);
        }
        auto papers = core::papersInCell(c, ex.visiblePapers(), t, m, &ex.state().filter);
        for (size_t i = 0; i < papers.size() && i < 10; ++i)
            ImGui::BulletText("%s", ellipsize(c.papers[papers[i]].title, 420).c_str());
        if (papers.size() > 10) ImGui::TextDisabled("… +%zu", papers.size() - 10);
    }
    ImGui::EndTooltip();
}

}  // namespace papertide::ui
