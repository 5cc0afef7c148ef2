// The page API's view of the application (window.papertide.state / setState): one JSON object with the
// view state, counts, settings and the hit rectangles the browser tests click.
#include <algorithm>

#include "ui/application.h"
#include "ui/application_impl.h"

namespace papertide::ui {

std::string Application::stateJson(long framesRendered) const {
    core::Explorer& ex = impl_->ex;
    nlohmann::json j;
    core::viewStateToJson(ex.state(), j);
    j["visibleCount"] = ex.visiblePapers().size();
    j["framesRendered"] = framesRendered;
    j["papers"] = ex.corpus().papers.size();
    j["digests"] = ex.corpus().digests.size();
    j["problems"] = ex.diagnostics().size();
    j["userDigests"] = impl_->scratch.userDigests;
    std::vector<std::string> refused;
    for (const core::Diagnostic& d : impl_->scratch.fileProblems) refused.push_back(core::formatDiagnostic(d));
    j["fileProblems"] = refused;
    std::vector<std::string> bookmarks(ex.marks().bookmarked.begin(), ex.marks().bookmarked.end());
    std::sort(bookmarks.begin(), bookmarks.end());
    j["bookmarks"] = bookmarks;
    j["readCount"] = ex.marks().read.size();
    j["theme"] = ex.settings().theme == core::Theme::Dark ? "dark" : ex.settings().theme == core::Theme::Light ? "light" : "auto";
    j["language"] = ex.settings().language == core::Language::Chinese ? "zh" : "en";
    j["hash"] = core::encodeViewState(ex.state());
    nlohmann::json targets = nlohmann::json::object();
    for (const HitTarget& t : impl_->scratch.targets) targets[t.name] = {t.x, t.y, t.w, t.h};
    j["targets"] = targets;
    j["timelineRows"] = impl_->scratch.timelineRows;
    j["timelineColumns"] = impl_->scratch.timelineColumns;
    const UiScratch& s = impl_->scratch;
    // Scroll positions in text lines (a line = the text height plus ImGui's item spacing, as a wheel "line").
    j["listScrollLines"] = s.listDrawn ? s.listScrollY / s.listLineHeight : 0.0f;
    j["listPageLines"] = s.listDrawn ? s.listHeight / s.listLineHeight : 0.0f;
    j["listScroll"] = s.listDrawn ? s.listScrollY : 0.0f;
    j["cardScroll"] = ex.selectedPaper() ? s.cardScrollY : 0.0f;
    j["timelineZoom"] = s.timelineZoom;
    j["timelineCellWidth"] = s.timelineCellWidth;
    j["timelineScroll"] = {s.timelineScrollX, s.timelineScrollY};
    j["contextMenu"] = s.contextMenuPaper;
    j["find"] = {{"open", s.find.open},
                 {"query", s.find.query},
                 {"matches", s.find.matches.size()},
                 {"current", s.find.current + 1}};  // 1-based, as shown ("n of m"); 0 when there is no match
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool Application::applyStateJson(std::string_view json) {
    core::ViewState state = impl_->ex.state();
    std::string error;
    if (!core::applyViewStateJson(state, json, error)) {
        impl_->platform.warn("setState: " + error);
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    core::Settings settings = impl_->ex.settings();
    if (j.contains("theme") && j["theme"].is_string())
        settings.theme = j["theme"] == "dark" ? core::Theme::Dark : j["theme"] == "light" ? core::Theme::Light : core::Theme::Auto;
    if (j.contains("language") && j["language"].is_string())
        settings.language = j["language"] == "zh" ? core::Language::Chinese : core::Language::English;
    impl_->ex.setSettings(settings);
    // Changes made by tools count as navigation: they get a history entry like a click would.
    impl_->ex.setState(state, true);
    return true;
}

}  // namespace papertide::ui
