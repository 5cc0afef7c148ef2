// The signature view: topics down, every calendar month across, each cell the number of papers. The view owns
// everything about the timeline that is not in the URL: zoom, scroll, the drag in progress and its caches.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/insights.h"
#include "gfx/timeline_renderer.h"
#include "ui/ui_context.h"

namespace papertide::ui {

// What the timeline showed in its last frame, for the page API and the tests.
struct TimelineReport {
    std::vector<std::string> rows;     // topic ids, top to bottom
    std::vector<std::string> columns;  // months, left to right
    // The width the month columns are fitted into at zoom 1: the timeline's width less the topic labels and a
    // vertical scrollbar's width, reserved whether or not one shows, so that a scrollbar appearing after a zoom
    // never changes it. Cells are max(fitWidth / months, minimum) x zoom wide.
    float fitWidth = 0;
    float cellWidth = 0;
    float zoom = 1.0f;
    float scrollX = 0, scrollY = 0;
    const char* renderer = "none";  // "gl" (the project's shader) or "imgui" (the rectangle fallback)
};

class TimelineView {
public:
    void draw(Ui& ui, float height);
    // The height of one topic's row (and so of its label, a tap target on phones).
    static float rowHeight();
    // Zooms the months by `factor` around screen x when (x, y) is over the timeline as last drawn (pinch,
    // Ctrl+wheel); false when it is not there.
    bool zoomAt(float x, float y, float factor);
    // A zoom is still moving the scroll position: the app keeps rendering until it settled.
    bool settling() const { return scrollWanted_ >= 0.0f; }
    const TimelineReport& report() const { return report_; }
    // Called at the start of each frame: the timeline is only hit-testable where it was drawn this frame.
    void beginFrame() { rect_[2] = rect_[3] = 0; }
    // Starts the GPU's part of the first draw (the shader's compile) while there is nothing to draw yet.
    void prepareRenderer() { renderer_.prepare(); }

private:
    // The columns [first, last] that reach into [clipMinX, clipMaxX]: per-column drawing stays proportional to the
    // visible width, not to the thousands of months a long corpus spans.
    static std::pair<int, int> visibleColumns(float gridMinX, float cellW, float clipMinX, float clipMaxX, int columns);
    void rebuildCells(Ui& ui);
    void drawControls(Ui& ui);
    void drawLabels(Ui& ui, ImDrawList* draw, ImVec2 origin, float labelX, float labelW, float rowH);
    void drawGrid(Ui& ui, ImDrawList* draw, ImVec2 gridMin, ImVec2 gridMax, ImVec2 clipMin, ImVec2 clipMax,
                  int hoverCol, int hoverRow, float rowH);
    void drawCellTooltip(Ui& ui, int col, int row);
    // The digests' news highlights on the same month axis, linked to the papers and topics they mention.
    void drawNewsRow(Ui& ui, float labelWidth, float cellWidth, float rowHeight, float labelX, ImVec2 clipMin, ImVec2 clipMax);

    std::vector<uint16_t> newsPerMonth_;  // news items by month - corpus.firstMonth
    uint64_t newsForCorpus_ = UINT64_MAX;  // Explorer::corpusRevision() it was built for

    gfx::TimelineRenderer renderer_;
    gfx::TimelineCells cells_;
    std::vector<core::TopicIndex> rows_;
    std::vector<core::MonthNumber> columns_;
    uint64_t builtForState_ = UINT64_MAX, builtForMarks_ = UINT64_MAX;
    bool builtDark_ = false;
    bool uploaded_ = false;

    // Zoom: cell width = the width that fits the view x zoom_ (pinch, Ctrl+wheel, the +/- buttons).
    float zoom_ = 1.0f;
    float zoomRequest_ = 1.0f;  // factor to apply on the next frame, around zoomAnchor_ (screen x)
    float zoomAnchor_ = -1.0f;
    float scrollWanted_ = -1.0f;  // after a zoom: the horizontal scroll that keeps the anchor month in place
    int scrollTries_ = 0;
    int dragStart_ = -1, dragEnd_ = -1;  // month columns of a drag in progress, or -1
    int labelPopupRow_ = -1;             // the row whose full label is shown (a tap on a cut-short label)
    float rect_[4] = {0, 0, 0, 0};       // the scrolling area as last drawn (x, y, w, h)
    TimelineReport report_;
};

}  // namespace papertide::ui
