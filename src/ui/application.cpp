// The explorer as the platform sees it: the application model below, the explorer window above, one frame at
// a time; plus the page API (window.papertide.state / setState), whose UI part (hit targets, scroll positions,
// the timeline) is added here to the model's.
#include "ui/application.h"

#include <nlohmann/json.hpp>

#include "core/json_reader.h"
#include "ui/explorer_window.h"
#include "ui/fonts.h"

namespace papertide::ui {

struct Application::Impl {
    explicit Impl(PlatformServices& p) : platform(p), model(p) {}
    PlatformServices& platform;
    app::AppModel model;
    ExplorerWindow window;
    FrameOutput frame;
};

Application::Application(PlatformServices& platform) : impl_(std::make_unique<Impl>(platform)) {
    ImGui::GetIO().IniFilename = nullptr;  // layout is computed each frame; nothing to persist
}

Application::~Application() = default;

void Application::loadCorpus(std::vector<core::SourceFile> files) { impl_->model.loadCorpus(std::move(files)); }

void Application::loadSnapshot(core::Snapshot snapshot) { impl_->model.loadSnapshot(std::move(snapshot)); }

void Application::fetchBundledFiles() { impl_->model.fetchBundledFiles(); }

void Application::receiveBundledFile(core::SourceFile file) { impl_->model.receiveBundledFile(std::move(file)); }

void Application::bundledFilesDone() { impl_->model.bundledFilesDone(); }

bool Application::loading() const { return impl_->model.loading(); }

void Application::restoreUserDigests(std::vector<core::SourceFile> files) { impl_->model.restoreUserDigests(std::move(files)); }

void Application::receiveFile(std::string_view name, std::string bytes) { impl_->model.receiveFile(name, std::move(bytes)); }

void Application::receiveArticleLines(std::string_view name, std::string linesJson) {
    impl_->model.receiveArticleLines(name, std::move(linesJson));
}

void Application::setArticleText(std::string text, std::string linesJson) {
    impl_->model.execute(app::SetArticleText{std::move(text), std::move(linesJson)});
}

void Application::removeUserDigest(std::string_view name) { impl_->model.execute(app::RemoveDigest{std::string(name)}); }

void Application::setupFonts(const std::string& fontPath, float pixelRatio) {
    if (!buildFontAtlas(fontPath, pixelRatio))
        impl_->platform.warn("cannot load font " + fontPath + ": using ImGui's built-in font (no Chinese)");
}

void Application::applyLocationHash(std::string_view hash) { impl_->model.applyLocationHash(hash); }

bool Application::openLink(std::string_view url) {
    if (!core::isSafeHttpUrl(url)) {
        impl_->platform.warn("refused to open a link that is not http(s)");
        return false;
    }
    impl_->platform.openUrl(url);
    return true;
}

void Application::setQuery(std::string_view query) { impl_->model.explorer().setQuery(std::string(query)); }

void Application::openFind() {
    if (!impl_->model.explorer().selectedPaper()) return impl_->window.filters().focusSearch();
    impl_->window.card().openFind();
}

void Application::setFindQuery(std::string_view text) {
    app::CardFind& find = impl_->window.card().find();
    find.setQuery(text);
    find.update(impl_->model.explorer().corpus(), impl_->model.explorer().selectedPaper());
}

void Application::findStep(int direction) {
    app::CardFind& find = impl_->window.card().find();
    if (!find.isOpen()) return openFind();
    find.update(impl_->model.explorer().corpus(), impl_->model.explorer().selectedPaper());
    find.step(direction);
}

void Application::closeFind() { impl_->window.card().find().close(); }

bool Application::zoomAt(float x, float y, float factor) { return impl_->window.timeline().zoomAt(x, y, factor); }

void Application::prepareGpu() { impl_->window.timeline().prepareRenderer(); }

void Application::drawFrame() {
    impl_->frame = FrameOutput{};
    impl_->model.beginFrame(ImGui::GetTime());
    impl_->window.draw(impl_->model, impl_->platform, impl_->frame);
    impl_->model.endFrame();
}

std::string Application::timelineRenderer() const { return impl_->window.timeline().report().renderer; }

bool Application::wantsAnotherFrame() const { return impl_->model.feedbackVisible() || impl_->window.timeline().settling(); }

std::string Application::stateJson(long framesRendered) const {
    nlohmann::json j = nlohmann::json::parse(impl_->model.stateJson(framesRendered), nullptr, false);
    const FrameOutput& frame = impl_->frame;
    nlohmann::json targets = nlohmann::json::object();
    nlohmann::json controlSizes = nlohmann::json::object();  // whole sizes, for the touch-target rule
    for (const HitTarget& t : frame.targets) {
        targets[t.name] = {t.x, t.y, t.w, t.h};
        if (t.control) controlSizes[t.name] = {t.fullW, t.fullH};
    }
    j["targets"] = targets;
    j["controlSizes"] = controlSizes;
    j["offscreenTargets"] = frame.offscreenTargets;
    const TimelineReport& timeline = impl_->window.timeline().report();
    j["timelineRows"] = timeline.rows;
    j["timelineColumns"] = timeline.columns;
    j["timeline"] = {{"fitWidth", timeline.fitWidth}, {"cellWidth", timeline.cellWidth}, {"zoom", timeline.zoom},
                     {"months", timeline.columns.size()}, {"renderer", timeline.renderer}};
    j["timelineZoom"] = timeline.zoom;
    j["editingText"] = ImGui::GetIO().WantTextInput;  // an ImGui text field has the keyboard
    j["timelineCellWidth"] = timeline.cellWidth;
    j["timelineScroll"] = {timeline.scrollX, timeline.scrollY};
    // Scroll positions in text lines (a line = the text height plus ImGui's item spacing, as a wheel "line").
    const PaperListReport& list = impl_->window.list().report();
    j["listScrollLines"] = list.drawn ? list.scrollY / list.lineHeight : 0.0f;
    j["listPageLines"] = list.drawn ? list.height / list.lineHeight : 0.0f;
    j["listScroll"] = list.drawn ? list.scrollY : 0.0f;
    const PaperCard& card = impl_->window.card();
    j["cardScroll"] = impl_->model.explorer().selectedPaper() ? card.scrollY() : 0.0f;
    j["contextMenu"] = frame.contextMenuPaper;
    const app::CardFind& find = card.find();
    j["find"] = {{"open", find.isOpen()},
                 {"query", find.query()},
                 {"matches", find.matches().size()},
                 {"current", find.current() + 1}};  // 1-based, as shown ("n of m"); 0 when there is no match
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool Application::applyStateJson(std::string_view json) { return impl_->model.applyStateJson(json); }

}  // namespace papertide::ui
