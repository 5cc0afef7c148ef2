// The filtered papers, virtualized: only the rows on screen are laid out, so 100,000 papers scroll freely.
#include <algorithm>

#include "ui/panels.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {

void drawSortControl(Ui& ui) {
    const char* names[] = {ui.t(Str::SortRelevance), ui.t(Str::SortNewest), ui.t(Str::SortOldest), ui.t(Str::SortTitle),
                           ui.t(Str::SortRecurrence)};
    int current = static_cast<int>(ui.ex.state().sort);
    ImGui::TextDisabled("%s", ui.t(Str::SortBy));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(150);
    if (ImGui::Combo("##sort", &current, names, 5)) ui.ex.setSort(static_cast<core::SortOrder>(current));
}

// The row's context menu: a long press on a touch screen, a right click with a mouse.
void drawRowMenu(Ui& ui, const core::Paper& p) {
    if (!ImGui::BeginPopupContextItem("row-menu")) return;
    core::Explorer& ex = ui.ex;
    ui.frame.contextMenuPaper = p.id;
    ImGui::TextDisabled("%s", ellipsize(p.title, 320).c_str());
    ImGui::Separator();
    if (listItem(ui.t(Str::OpenPaper))) ui.send(app::OpenPaper{p.id});
    exposeTarget(ui, "menu:open");
    const bool bookmarked = ex.isBookmarked(p.id);
    if (listItem((std::string(bookmarked ? "★ " : "☆ ") + ui.t(bookmarked ? Str::Bookmarked : Str::Bookmark)).c_str()))
        ui.send(app::ToggleBookmark{p.id});
    exposeTarget(ui, "menu:bookmark");
    core::ViewState only;
    only.view = ex.state().view;
    only.paper = p.id;
    const std::string link = ui.platform.linkForHash(core::encodeViewState(only));
    copyOnClick(ui, listItem(ui.t(Str::CopyLink)), link, "menu:copylink");
    ImGui::EndPopup();
}

}  // namespace

void PaperList::draw(Ui& ui, float height) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    const std::vector<core::PaperIndex>& papers = ex.visiblePapers();
    const std::string count = ui.count(Str::PapersCount, int(papers.size()));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(count.c_str());
    // Count, sort and export share a line while it is wide enough; on a phone they wrap instead of running off.
    flowNext(ImGui::CalcTextSize(ui.t(Str::SortBy)).x + ImGui::GetStyle().ItemSpacing.x + 150 + 24);
    drawSortControl(ui);
    const std::string exportLabel = std::string(ui.t(Str::Export)) + " / " + ui.t(Str::ReadingList);
    flowNext(ImGui::CalcTextSize(exportLabel.c_str()).x + ImGui::GetStyle().FramePadding.x * 2);
    drawExportMenu(ui);

    ImGui::BeginChild("paper-list", ImVec2(0, height), true);
    PaperListReport& s = report_;
    s.drawn = true;
    s.scrollY = ImGui::GetScrollY();
    s.height = ImGui::GetWindowHeight();
    s.lineHeight = ImGui::GetTextLineHeightWithSpacing();
    s.firstRow = s.lastRow = -1;
    if (papers.empty()) ImGui::TextDisabled("%s", ui.t(Str::NoResults));
    const float lineH = ImGui::GetTextLineHeight();
    const float rowH = lineH * 2 + 10;
    const int selected = ex.selectedRow();
    if (ui.model.takeSelectionMoved() && selected >= 0) {
        float top = selected * rowH, bottom = top + rowH;
        if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
        else if (bottom > ImGui::GetScrollY() + ImGui::GetWindowHeight()) ImGui::SetScrollY(bottom - ImGui::GetWindowHeight() + 8);
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(papers.size()), rowH);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const core::Paper& p = c.papers[papers[row]];
            ImGui::PushID(row);
            ImVec2 pos = ImGui::GetCursorScreenPos();
            float width = ImGui::GetContentRegionAvail().x;
            if (ImGui::Selectable("##row", row == selected, 0, ImVec2(width, rowH - 4))) {
                ui.send(app::OpenPaper{p.id});
            }
            exposeTarget(ui, "row:" + std::to_string(row));
            if (ImGui::IsItemVisible()) {
                if (s.firstRow < 0) s.firstRow = row;
                s.lastRow = row;
            }
            drawRowMenu(ui, p);
            ImDrawList* draw = ImGui::GetWindowDrawList();
            bool read = ex.isRead(p.id);
            bool bookmarked = ex.isBookmarked(p.id);
            float x = pos.x + 4;
            if (bookmarked) {
                draw->AddText(ImVec2(x, pos.y + 2), ui.palette.warning, "★");
                x += ImGui::CalcTextSize("★ ").x;
            }
            std::string title = ellipsize(p.title, width - (x - pos.x) - 8);
            draw->AddText(ImVec2(x, pos.y + 2), read ? ui.palette.textMuted : ui.palette.text, title.c_str());
            // Second line: topic colour dots, months, first authors, recurrence.
            float y2 = pos.y + lineH + 5;
            float dx = pos.x + 6;
            for (core::TopicIndex t = 0; t < c.topics.size(); ++t)
                if (p.topics >> t & 1) {
                    draw->AddCircleFilled(ImVec2(dx + 4, y2 + lineH * 0.5f), 4.0f, topicColor(c.topics[t].color));
                    dx += 11;
                }
            std::string meta = paperMonths(ui, p) + "  " + authorSummary(ui, p, 3);
            if (p.appearances.size() > 1) {
                char picked[64];
                std::snprintf(picked, sizeof picked, ui.t(Str::PickedTimes), int(p.appearances.size()));
                meta += "  · " + std::string(picked);
            }
            meta = ellipsize(meta, width - (dx - pos.x) - 10);
            draw->AddText(ImVec2(dx + 4, y2), ui.palette.textMuted, meta.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace papertide::ui
