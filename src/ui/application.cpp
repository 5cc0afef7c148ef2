// The explorer as the platform sees it: loads the corpus, restores what the reader kept, lays out the
// panels each frame, and mirrors state changes into the URL hash and storage.
#include "ui/application.h"

#include "ui/application_impl.h"

namespace papertide::ui {

Application::Application(PlatformServices& platform) : impl_(std::make_unique<Impl>(platform)) {
    ImGui::GetIO().IniFilename = nullptr;  // layout is computed each frame; nothing to persist
}

Application::~Application() = default;

void Application::loadCorpus(std::vector<io::SourceFile> files) {
    std::vector<core::SourceFile> userDigests = std::move(impl_->input.userDigests);
    impl_->input = core::splitCorpusFiles(std::move(files));
    impl_->input.userDigests = std::move(userDigests);
    impl_->rebuildCorpus();
    for (const core::Diagnostic& d : impl_->ex.diagnostics())
        if (d.severity == core::Severity::Error) impl_->platform.warn(core::formatDiagnostic(d));
    impl_->restoreReaderData();
}

void Application::restoreUserDigests(std::vector<io::SourceFile> files) {
    for (io::SourceFile& f : files) impl_->addUserDigest(std::move(f), false);
}

void Application::receiveFile(std::string_view name, std::string bytes) {
    // A reading list says so in its "format"; everything else is taken for a digest.
    if (bytes.find("\"papertide-reading-list\"") != std::string::npos) {
        std::string message;
        bool ok = impl_->ex.importReadingList(bytes, message);
        impl_->flashMessage((ok ? "✓ " : "✕ ") + std::string(name) + ": " + message);
        if (!ok) impl_->platform.warn(std::string(name) + ": " + message);
        return;
    }
    impl_->addUserDigest({std::string(name), std::move(bytes)}, true);
}

void Application::removeUserDigest(std::string_view name) { impl_->removeUserDigest(std::string(name)); }

void Application::setupFonts(const std::string& fontPath, float pixelRatio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The subset font only holds the corpus and UI characters, so wide ranges cost nothing (missing glyphs
    // are skipped) and text outside the subset falls back to ImGui's '?' instead of failing.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(io.Fonts->GetGlyphRangesChineseFull());
        // Latin Extended (author names like Żołna), Greek, arrows, geometric shapes, stars, check mark.
        static const ImWchar extra[] = {0x0100, 0x024F, 0x0370, 0x03FF, 0x2070, 0x209F, 0x2190, 0x21FF,
                                        0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0};
        builder.AddRanges(extra);
        builder.BuildRanges(&ranges);
    }
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = io.Fonts->AddFontFromFileTTF(fontPath.c_str(), 16.0f * pixelRatio, &config, ranges.Data);
    if (!font) {
        impl_->platform.warn("cannot load font " + fontPath + ": using ImGui's built-in font (no Chinese)");
        io.Fonts->AddFontDefault();
        pixelRatio = 1.0f;
    }
    io.FontGlobalScale = 1.0f / pixelRatio;
    io.Fonts->Build();
}

void Application::applyLocationHash(std::string_view hash) {
    std::vector<std::string> warnings;
    core::ViewState state = core::decodeViewState(hash, &warnings);
    for (const std::string& w : warnings) impl_->platform.warn("link: " + w);
    impl_->lastHash = core::encodeViewState(state);  // arrived from the URL: do not write it back
    impl_->ex.setState(state);
    impl_->hashRevision = impl_->ex.stateRevision();
}

bool Application::openLink(std::string_view url) {
    if (!core::isSafeHttpUrl(url)) {
        impl_->platform.warn("refused to open a link that is not http(s)");
        return false;
    }
    impl_->platform.openUrl(url);
    return true;
}

void Application::setQuery(std::string_view query) { impl_->ex.setQuery(std::string(query)); }

void Application::openFind() {
    UiScratch& s = impl_->scratch;
    if (!impl_->ex.selectedPaper()) {
        s.focusSearch = true;
        return;
    }
    s.find.open = true;
    s.find.focusField = true;
    s.find.scrollToCurrent = true;
}

void Application::setFindQuery(std::string_view text) {
    FindState& find = impl_->scratch.find;
    if (find.query == text) return;
    find.query = std::string(text);
    find.current = 0;
    updateFindMatches(impl_->ex.corpus(), impl_->ex.selectedPaper(), find);
}

void Application::findStep(int direction) {
    FindState& find = impl_->scratch.find;
    if (!find.open) return openFind();
    updateFindMatches(impl_->ex.corpus(), impl_->ex.selectedPaper(), find);
    stepFind(impl_->scratch, direction);
}

void Application::closeFind() { impl_->scratch.find.open = false; }

bool Application::zoomAt(float x, float y, float factor) {
    UiScratch& s = impl_->scratch;
    const float* r = s.timelineRect;
    if (!(factor > 0.0f) || r[2] <= 0 || x < r[0] || y < r[1] || x >= r[0] + r[2] || y >= r[1] + r[3]) return false;
    s.timelineZoomRequest *= factor;
    s.timelineZoomAnchor = x;
    return true;
}

void Application::drawFrame() {
    impl_->beginFrameScratch();
    impl_->applyTheme();
    impl_->drawLayout();
    FindState& find = impl_->scratch.find;
    if (!impl_->ex.selectedPaper()) find.open = false;  // the find bar belongs to the card
    if (impl_->findFieldWasShown && !find.fieldShown) impl_->platform.hideFindField();
    impl_->findFieldWasShown = find.fieldShown;
    impl_->publishPointerActions();
    impl_->publishAccessibleView();
    if (!impl_->scratch.removeUserDigest.empty()) {
        impl_->removeUserDigest(impl_->scratch.removeUserDigest);
        impl_->scratch.removeUserDigest.clear();
    }
    impl_->persistChanges();
}

bool Application::wantsAnotherFrame() const {
    return ImGui::GetTime() < impl_->scratch.feedbackUntil || impl_->scratch.timelineSettling;
}

}  // namespace papertide::ui
