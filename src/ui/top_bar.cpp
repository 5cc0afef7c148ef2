// The bar across the top: name, views, result count, problems badge, theme and language.
#include <algorithm>

#include "ui/panels.h"
#include "ui/widgets.h"

namespace papertide::ui {

void drawTopBar(Ui& ui) {
    core::Explorer& ex = ui.ex;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.palette.accent), "Papertide 论文潮");
    if (!ui.narrow) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", ui.t(Str::AppSubtitle));
    }
    const std::pair<core::View, Str> tabs[] = {{core::View::Timeline, Str::Timeline},
                                               {core::View::Papers, Str::Papers},
                                               {core::View::Changes, Str::Changes},
                                               {core::View::Digests, Str::Digests}};
    for (const auto& [view, label] : tabs) {
        flowNext(ImGui::CalcTextSize(ui.t(label)).x + ImGui::GetStyle().FramePadding.x * 2);  // wraps on phones
        bool active = ex.state().view == view;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(ui.t(label))) {
            ex.setView(view);
            if (view == core::View::Digests) ex.closeDigest();
        }
        exposeTarget(ui, std::string("tab:") + core::viewName(view));
        if (active) ImGui::PopStyleColor();
    }
    const std::string count = ui.count(Str::PapersCount, int(ex.visiblePapers().size()));
    flowNext(ImGui::CalcTextSize(count.c_str()).x);  // the result count stays visible, on a new line if need be
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", count.c_str());

    // Right-aligned: problems, theme, language.
    const char* themeLabels[] = {ui.t(Str::ThemeAuto), ui.t(Str::ThemeDark), ui.t(Str::ThemeLight)};
    core::Settings settings = ex.settings();
    size_t errors = core::countErrors(ex.diagnostics());
    std::string problems;
    if (!ex.diagnostics().empty()) problems = "! " + std::to_string(ex.diagnostics().size()) + " " + ui.t(Str::Problems);
    float themeW = 120, langW = ImGui::CalcTextSize(ui.t(Str::Language)).x + 20;
    float problemsW = problems.empty() ? 0 : ImGui::CalcTextSize(problems.c_str()).x + 20;
    float right = ImGui::GetWindowContentRegionMax().x - themeW - langW - problemsW - 16;
    if (right > ImGui::GetCursorPosX() && !ui.narrow) ImGui::SameLine(right);
    else if (!ui.narrow) ImGui::SameLine();
    if (!problems.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(errors ? ui.palette.error : ui.palette.warning));
        if (ImGui::Button(problems.c_str())) ImGui::OpenPopup("problems");
        ImGui::PopStyleColor();
        if (ImGui::BeginPopup("problems")) {
            drawProblems(ui);
            ImGui::EndPopup();
        }
        ImGui::SameLine();
    }
    int theme = static_cast<int>(settings.theme);
    ImGui::SetNextItemWidth(themeW);
    if (ImGui::Combo("##theme", &theme, themeLabels, 3)) {
        settings.theme = static_cast<core::Theme>(theme);
        ex.setSettings(settings);
    }
    ImGui::SameLine();
    if (ImGui::Button(ui.t(Str::Language))) {
        settings.language = settings.language == core::Language::Chinese ? core::Language::English : core::Language::Chinese;
        ex.setSettings(settings);
    }
}

void drawProblems(Ui& ui) {
    const auto& diagnostics = ui.ex.diagnostics();
    ImGui::TextUnformatted(ui.t(Str::ProblemsHint));
    ImGui::Separator();
    ImGui::BeginChild("problem-lines", ImVec2(720, std::min(400.0f, 24.0f + diagnostics.size() * ImGui::GetTextLineHeightWithSpacing())));
    for (const core::Diagnostic& d : diagnostics) {
        ImU32 color = d.severity == core::Severity::Error ? ui.palette.error : ui.palette.warning;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
        ImGui::TextWrapped("%s", core::formatDiagnostic(d).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

}  // namespace papertide::ui
