// "What changed this month": one digest month against the previous digest month (digests have gaps, so
// not the previous calendar month): topics new, growing, steady, shrinking or absent, each with its papers.
#include <algorithm>

#include "core/insights.h"
#include "ui/panels.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {

Str kindLabel(core::ChangeKind kind) {
    switch (kind) {
        case core::ChangeKind::New: return Str::KindNew;
        case core::ChangeKind::Growing: return Str::KindGrowing;
        case core::ChangeKind::Steady: return Str::KindSteady;
        case core::ChangeKind::Shrinking: return Str::KindShrinking;
        case core::ChangeKind::Absent: return Str::KindAbsent;
    }
    return Str::KindSteady;
}

ImU32 kindColor(const Ui& ui, core::ChangeKind kind) {
    switch (kind) {
        case core::ChangeKind::New: return ui.palette.accent;
        case core::ChangeKind::Growing: return IM_COL32(80, 190, 110, 255);
        case core::ChangeKind::Shrinking: return ui.palette.warning;
        case core::ChangeKind::Absent: return ui.palette.textMuted;
        case core::ChangeKind::Steady: break;
    }
    return ui.palette.text;
}

}  // namespace

void drawChangesView(Ui& ui) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    std::vector<core::MonthNumber> months = core::digestMonths(c);
    if (months.empty()) return;
    core::MonthNumber month = ex.state().changesMonth.value_or(months.back());
    if (std::find(months.begin(), months.end(), month) == months.end()) month = months.back();

    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", ui.t(Str::DigestMonth));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(140);
    if (ImGui::BeginCombo("##changes-month", core::formatMonth(month).c_str())) {
        for (core::MonthNumber m : months)
            if (listItem(core::formatMonth(m).c_str(), m == month)) ex.setChangesMonth(m);
        ImGui::EndCombo();
    }
    exposeTarget(ui, "changes:month");
    // Step through digest months with buttons, as one would page through issues.
    auto at = std::find(months.begin(), months.end(), month);
    ImGui::SameLine();
    ImGui::BeginDisabled(at == months.begin());
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) ex.setChangesMonth(*(at - 1));
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(at + 1 == months.end());
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ex.setChangesMonth(*(at + 1));
    ImGui::EndDisabled();

    core::MonthChange change = core::compareWithPreviousDigest(c, month);
    char heading[256];
    if (change.previousMonth >= 0)
        std::snprintf(heading, sizeof heading, ui.t(Str::ChangesVs), core::formatMonth(month).c_str(),
                      core::formatMonth(change.previousMonth).c_str());
    else
        std::snprintf(heading, sizeof heading, ui.t(Str::ChangesFirst), core::formatMonth(month).c_str());
    ImGui::TextUnformatted(heading);

    ImGui::BeginChild("changes", ImVec2(0, 0), true);
    const float width = ImGui::GetContentRegionAvail().x;
    int kindShown = -1;
    for (const core::TopicChange& tc : change.topics) {
        if (static_cast<int>(tc.kind) != kindShown) {
            kindShown = static_cast<int>(tc.kind);
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(kindColor(ui, tc.kind)));
            ImGui::TextUnformatted(ui.t(kindLabel(tc.kind)));
            ImGui::PopStyleColor();
        }
        ImGui::PushID(static_cast<int>(tc.topic));
        topicChip(ui, tc.topic);
        exposeTarget(ui, std::string("changes:") + core::changeKindName(tc.kind) + ":" + c.topics[tc.topic].id);
        ImGui::SameLine();
        ImGui::TextDisabled("%u → %u", tc.previous, tc.current);
        for (core::PaperIndex p : tc.papers) {
            ImGui::PushID(static_cast<int>(p));
            ImGui::Indent(16);
            std::string label = ellipsize(c.papers[p].title, width - 40);
            if (listItem(label.c_str(), ex.state().paper == c.papers[p].id)) ex.openPaper(c.papers[p].id);
            ImGui::Unindent(16);
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace papertide::ui
