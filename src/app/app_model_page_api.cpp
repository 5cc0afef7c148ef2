// The model's part of the page API (window.papertide.state / setState).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/app_model.h"
#include "core/reader_data.h"
#include "core/view_state.h"

namespace papertide::app {

std::string AppModel::stateJson(long framesRendered) {
    nlohmann::json j;
    core::viewStateToJson(ex_.state(), j);
    j["visibleCount"] = ex_.visiblePapers().size();
    j["framesRendered"] = framesRendered;
    j["papers"] = ex_.corpus().papers.size();
    j["digests"] = ex_.corpus().digests.size();
    j["problems"] = ex_.diagnostics().size();
    j["userDigests"] = userDigests_;
    std::vector<std::string> refused;
    for (const core::Diagnostic& d : fileProblems_) refused.push_back(core::formatDiagnostic(d));
    j["fileProblems"] = refused;
    std::vector<std::string> bookmarks(ex_.marks().bookmarked.begin(), ex_.marks().bookmarked.end());
    std::sort(bookmarks.begin(), bookmarks.end());
    j["bookmarks"] = bookmarks;
    j["readCount"] = ex_.marks().read.size();
    j["theme"] = core::themeName(ex_.settings().theme);
    j["language"] = core::languageName(ex_.settings().language);
    j["hash"] = core::encodeViewState(ex_.state());
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool AppModel::applyStateJson(std::string_view json) {
    core::ViewState state = ex_.state();
    std::string error;
    if (!core::applyViewStateJson(state, json, error)) {
        services_.warn("setState: " + error);
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    core::Settings settings = ex_.settings();
    if (j.contains("theme") && j["theme"].is_string()) settings.theme = core::themeFromName(j["theme"].get_ref<const std::string&>());
    if (j.contains("language") && j["language"].is_string())
        settings.language = core::languageFromName(j["language"].get_ref<const std::string&>());
    ex_.setSettings(settings);
    // Changes made by tools count as navigation: they get a history entry like a click would.
    ex_.setState(state, true);
    return true;
}

}  // namespace papertide::app
