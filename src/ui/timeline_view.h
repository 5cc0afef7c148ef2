// The signature view: topics down, every calendar month across, each cell the number of papers.
#pragma once
#include <cstdint>

#include "core/insights.h"
#include "gfx/timeline_renderer.h"
#include "ui/ui_context.h"

namespace papertide::ui {

class TimelineView {
public:
    void draw(Ui& ui, float height);

private:
    void rebuildCells(Ui& ui);
    // The digests' news highlights on the same month axis, linked to the papers and topics they mention.
    void drawNewsRow(Ui& ui, float labelWidth, float cellWidth, float rowHeight, float labelX, ImVec2 clipMin, ImVec2 clipMax);

    std::vector<core::NewsLink> news_;
    std::vector<uint16_t> newsPerMonth_;  // by month - corpus.firstMonth
    uint64_t newsForCorpus_ = UINT64_MAX;  // Explorer::corpusRevision() it was built for

    gfx::TimelineRenderer renderer_;
    gfx::TimelineCells cells_;
    std::vector<core::TopicIndex> rows_;
    std::vector<core::MonthNumber> columns_;
    uint64_t builtForState_ = UINT64_MAX, builtForMarks_ = UINT64_MAX;
    bool builtDark_ = false;
    bool uploaded_ = false;
    float timelineScrollWanted_ = -1.0f;  // after a zoom: the horizontal scroll that keeps the anchor month in place
    int scrollTries_ = 0;
};

}  // namespace papertide::ui
