// The timeline's news row: each digest's news highlights as dots on the month axis, linked to the papers and
// topics they mention (hover to read, click to open the digest).
#include <algorithm>
#include <cmath>

#include "ui/text_layout.h"
#include "ui/timeline_view.h"
#include "ui/widgets.h"

namespace papertide::ui {

void TimelineView::drawNewsRow(Ui& ui, float labelW, float cellW, float rowH, float labelX, ImVec2 clipMin, ImVec2 clipMax) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    if (newsForCorpus_ != ex.corpusRevision()) {
        newsPerMonth_.assign(c.monthCount(), 0);
        for (const core::Digest& d : c.digests) {
            size_t m = size_t(d.month - c.firstMonth);
            if (m < newsPerMonth_.size()) newsPerMonth_[m] = uint16_t(std::min<size_t>(UINT16_MAX, newsPerMonth_[m] + d.news.size()));
        }
        newsForCorpus_ = ex.corpusRevision();
    }
    if (std::all_of(newsPerMonth_.begin(), newsPerMonth_.end(), [](uint16_t n) { return n == 0; })) return;
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
    // What each item mentions is worked out on the first hover, not for the first frame (at 100k papers, a quarter second).
    const std::vector<core::NewsLink>& news = ex.newsLinks();
    ImGui::BeginTooltip();
    const core::Digest* first = nullptr;
    for (const core::NewsLink& n : news) {
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
