// What the reader takes in and out: exports of the current view or the bookmarks, reading lists (file and
// link), a shared list arriving by link, and the reader's own digest files.
#include <algorithm>

#include "core/exporters.h"
#include "core/reading_list.h"
#include "ui/panels.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {

std::vector<core::PaperIndex> bookmarkedPapers(Ui& ui) {
    std::vector<core::PaperIndex> out;
    for (const std::string& id : ui.ex.marks().bookmarked)
        if (auto it = ui.corpus().paperById.find(id); it != ui.corpus().paperById.end()) out.push_back(it->second);
    std::sort(out.begin(), out.end());
    return out;
}

void save(Ui& ui, const std::string& name, const char* mime, const std::string& bytes) {
    std::string where = ui.platform.saveFile(name, mime, bytes);
    if (where.empty()) return;
    char message[512];
    std::snprintf(message, sizeof message, ui.t(Str::SavedTo), where.c_str());
    flashFeedback(ui, message);
}

}  // namespace

void drawExportMenu(Ui& ui) {
    if (ImGui::Button((std::string(ui.t(Str::Export)) + " / " + ui.t(Str::ReadingList)).c_str())) ImGui::OpenPopup("export");
    exposeTarget(ui, "export");
    if (!ImGui::BeginPopup("export")) return;
    const std::pair<core::ExportFormat, const char*> formats[] = {{core::ExportFormat::BibTeX, "BibTeX"},
                                                                  {core::ExportFormat::Csv, "CSV"},
                                                                  {core::ExportFormat::Json, "JSON"},
                                                                  {core::ExportFormat::Markdown, "Markdown"}};
    for (int scope = 0; scope < 2; ++scope) {
        ImGui::TextDisabled("%s", ui.t(scope == 0 ? Str::ExportView : Str::ExportBookmarks));
        for (const auto& [format, label] : formats) {
            ImGui::SameLine();
            ImGui::PushID(scope * 10 + static_cast<int>(format));
            if (smallButton(label)) {
                std::vector<core::PaperIndex> papers = scope == 0 ? ui.ex.visiblePapers() : bookmarkedPapers(ui);
                std::string name = std::string(scope == 0 ? "papertide-view" : "papertide-bookmarks") + core::exportExtension(format);
                save(ui, name, core::exportMimeType(format), core::exportPapers(ui.corpus(), papers, format));
                ImGui::CloseCurrentPopup();
            }
            exposeTarget(ui, std::string("export:") + (scope == 0 ? "view:" : "bookmarks:") + core::exportExtension(format));
            ImGui::PopID();
        }
    }
    ImGui::Separator();
    if (listItem(ui.t(Str::ExportList)))
        save(ui, "papertide-reading-list.json", "application/json", core::encodeReadingList(ui.ex.marks()));
    exposeTarget(ui, "list:export");
    if (listItem(ui.t(Str::ImportList))) {
        if (!ui.platform.chooseFiles()) flashFeedback(ui, ui.t(Str::DropHint));
    }
    exposeTarget(ui, "list:import");
    // The link is offered before the click, so the web copies it inside the reader's own gesture.
    core::ViewState shared;
    shared.view = core::View::Papers;
    shared.filter.paperIds.assign(ui.ex.marks().bookmarked.begin(), ui.ex.marks().bookmarked.end());
    std::sort(shared.filter.paperIds.begin(), shared.filter.paperIds.end());
    const std::string link = ui.platform.linkForHash(core::encodeViewState(shared));
    copyOnClick(ui, listItem(ui.t(Str::ShareList)), link, "list:share");
    ImGui::EndPopup();
}

void drawSharedListBanner(Ui& ui) {
    const auto& ids = ui.ex.state().filter.paperIds;
    if (ids.empty()) return;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.palette.accent), "%s", ui.count(Str::SharedList, int(ids.size())).c_str());
    ImGui::SameLine();
    if (smallButton(ui.t(Str::AddAllBookmarks))) ui.send(app::BookmarkAll{ids});
    exposeTarget(ui, "list:bookmark-all");
}

void drawUserDigests(Ui& ui) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.palette.accent), "%s", ui.t(Str::YourDigests));
    ImGui::SameLine();
    if (smallButton(ui.t(Str::AddDigests))) {
        if (!ui.platform.chooseFiles()) flashFeedback(ui, ui.t(Str::DropHint));
    }
    exposeTarget(ui, "digests:add");
    ImGui::SameLine();
    if (smallButton(ui.t(Str::NewFromArticle))) ui.send(app::OpenArticleDraft{});
    exposeTarget(ui, "digests:from-article");
    for (const std::string& name : ui.model.userDigests()) {
        ImGui::PushID(name.c_str());
        ImGui::BulletText("%s", name.c_str());
        ImGui::SameLine();
        if (smallButton(ui.t(Str::Remove))) ui.send(app::RemoveDigest{name});
        exposeTarget(ui, "digests:remove:" + name);
        ImGui::PopID();
    }
    if (!ui.model.fileProblems().empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.palette.error), "%s", ui.t(Str::Refused));
        const float width = ImGui::GetContentRegionAvail().x;
        for (const core::Diagnostic& d : ui.model.fileProblems())
            wrappedText(core::formatDiagnostic(d), width, d.severity == core::Severity::Error ? ui.palette.error : ui.palette.warning);
    }
    ImGui::Separator();
}

}  // namespace papertide::ui
