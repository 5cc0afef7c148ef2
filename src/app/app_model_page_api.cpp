// The model's part of the page API (window.papertide.state / setState).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/app_model.h"
#include "core/reader_data.h"
#include "core/view_state.h"

namespace papertide::app {

namespace {

// "New digest from article…" as the dialog shows it (tests read it through window.papertide.state().draft).
nlohmann::json draftStateJson(const ArticleDraft& d) {
    nlohmann::json j = {{"open", d.isOpen()}};
    if (!d.isOpen()) return j;
    j["article"] = d.articleName();
    j["pasted"] = d.pasted();
    j["articleBytes"] = d.articleBytes();
    j["ok"] = d.ok();
    j["error"] = d.error();
    j["fieldError"] = d.fieldError();
    j["id"] = d.digestId();
    j["fileName"] = d.fileName();
    j["month"] = d.field(DraftField::Month);
    j["title"] = d.field(DraftField::Title);
    j["source"] = d.field(DraftField::Source);
    j["warnings"] = d.digestWarnings();
    nlohmann::json entries = nlohmann::json::array();
    for (const DraftEntryView& e : d.entries()) {
        nlohmann::json links = nlohmann::json::object();
        for (const auto& link : e.links) links[link.first] = link.second;
        entries.push_back({{"id", e.id}, {"title", e.title}, {"titleZh", e.titleZh}, {"authors", e.authors},
                           {"links", links}, {"topics", e.topics}, {"uncertain", e.uncertain},
                           {"warnings", e.warnings}, {"dropped", e.dropped}});
    }
    j["entries"] = entries;
    j["kept"] = d.keptCount();
    j["addedAs"] = d.addedAs();
    j["addProblems"] = d.addProblems();
    return j;
}

}  // namespace

std::string AppModel::stateJson(long framesRendered) {
    nlohmann::json j;
    core::viewStateToJson(ex_.state(), j);
    j["visibleCount"] = ex_.visiblePapers().size();
    j["framesRendered"] = framesRendered;
    j["papers"] = ex_.corpus().papers.size();
    j["digests"] = ex_.corpus().digests.size();
    j["problems"] = ex_.diagnostics().size();
    j["corpusSource"] = source_ == CorpusSource::Snapshot ? "snapshot" : source_ == CorpusSource::Json ? "json" : "none";
    j["loading"] = loading();
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
    if (draft_.isOpen()) draft_.refresh(ex_.corpus(), services_.currentMonth());  // an article may have arrived since the frame
    j["draft"] = draftStateJson(draft_);
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
