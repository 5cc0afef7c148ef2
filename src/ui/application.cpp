// The explorer as the platform sees it: loads the corpus, restores what the reader kept, lays out the
// panels each frame, and mirrors state changes into the URL hash and storage.
#include "ui/application.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/corpus_loader.h"
#include "core/json_reader.h"
#include "ui/panels.h"
#include "ui/timeline_view.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {
constexpr float kNarrowWidth = 760.0f;  // below this the layout is one column (phones)
}

struct Application::Impl {
    PlatformServices& platform;
    core::Explorer ex;
    UiScratch scratch;
    TimelineView timeline;
    Palette palette;
    int appliedTheme = -1;  // 1 dark, 0 light
    std::string lastHash;
    uint64_t hashRevision = UINT64_MAX, marksRevision = 0, settingsRevision = 0;
    int listCursor = -1;

    explicit Impl(PlatformServices& p) : platform(p) {}

    Ui makeUi(bool narrow) {
        Lang lang = ex.settings().language == core::Language::Chinese ? Lang::Chinese : Lang::English;
        return Ui{ex, platform, palette, lang, narrow, scratch};
    }

    void restorePaperSet(std::string_view key, std::unordered_set<std::string>& target) {
        auto stored = platform.loadValue(key);
        if (!stored) return;
        std::string warning;
        if (!core::decodePaperSet(key, *stored, target, warning)) {
            // Keep the unreadable value aside rather than overwrite it with the next change.
            std::string backupKey = std::string(key) + ".damaged";
            if (!platform.loadValue(backupKey)) platform.saveValue(backupKey, *stored);
        }
        if (!warning.empty()) platform.warn(warning);
    }

    void restoreReaderData() {
        core::ReaderMarks marks;
        restorePaperSet(core::kBookmarksKey, marks.bookmarked);
        restorePaperSet(core::kReadKey, marks.read);
        ex.setMarks(std::move(marks));
        if (auto stored = platform.loadValue(core::kSettingsKey)) {
            core::Settings settings;
            std::string warning;
            if (core::decodeSettings(*stored, settings, warning)) ex.setSettings(settings);
            else platform.warn(warning);
        }
        marksRevision = ex.marksRevision();
        settingsRevision = ex.settingsRevision();
    }

    void persistChanges() {
        if (ex.marksRevision() != marksRevision) {
            platform.saveValue(core::kBookmarksKey, core::encodePaperSet(ex.marks().bookmarked));
            platform.saveValue(core::kReadKey, core::encodePaperSet(ex.marks().read));
            marksRevision = ex.marksRevision();
        }
        if (ex.settingsRevision() != settingsRevision) {
            platform.saveValue(core::kSettingsKey, core::encodeSettings(ex.settings()));
            settingsRevision = ex.settingsRevision();
        }
        if (ex.stateRevision() != hashRevision) {
            std::string hash = core::encodeViewState(ex.state());
            if (hash != lastHash) platform.writeLocationHash(hash, ex.lastChangeWantsHistory());
            lastHash = hash;
            hashRevision = ex.stateRevision();
        }
    }

    void applyTheme() {
        core::Theme theme = ex.settings().theme;
        bool dark = theme == core::Theme::Dark || (theme == core::Theme::Auto && platform.prefersDarkScheme());
        if (appliedTheme != int(dark)) {
            palette = ui::applyTheme(dark);
            appliedTheme = int(dark);
        }
    }

    void handleKeys() {
        ImGuiIO& io = ImGui::GetIO();
        if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ex.state().filter.query.empty()) ex.setQuery("");
            return;
        }
        const auto& rows = ex.visiblePapers();
        auto pressed = [](int key) { return ImGui::IsKeyPressed(key); };
        bool typedSlash = false;
        for (ImWchar c : io.InputQueueCharacters) typedSlash |= c == '/';
        if (typedSlash) scratch.focusSearch = true;
        if (pressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            if (!ex.state().filter.query.empty()) ex.setQuery("");
            else if (!ex.state().paper.empty()) ex.closePaper();
        }
        int move = 0;
        if (pressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)) || pressed('J') || pressed('j')) move = 1;
        if (pressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) || pressed('K') || pressed('k')) move = -1;
        if (move != 0 && !rows.empty()) {
            if (listCursor < 0) listCursor = std::max(ex.selectedRow(), move > 0 ? -1 : int(rows.size()));
            listCursor = std::clamp(listCursor + move, 0, int(rows.size()) - 1);
            ex.openPaper(ex.corpus().papers[rows[listCursor]].id);
            scratch.scrollListToSelection = true;
        }
        if (pressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && listCursor >= 0 && listCursor < int(rows.size()))
            ex.openPaper(ex.corpus().papers[rows[listCursor]].id);
    }

    void drawMain(Ui& ui, float height) {
        core::View view = ex.state().view;
        if (view == core::View::Digests) {
            drawDigestPage(ui);  // the list when no digest is open
            return;
        }
        if (view == core::View::Timeline) {
            float rowH = std::max(ImGui::GetTextLineHeight() + 6.0f, 20.0f);
            float wanted = rowH * ex.corpus().topics.size() + ImGui::GetTextLineHeight() * 2 + 30;
            float timelineH = std::min(wanted, height * (ui.narrow ? 0.55f : 0.6f));
            timeline.draw(ui, timelineH);
        }
        drawPaperList(ui, ImGui::GetContentRegionAvail().y);
    }

    void drawLayout() {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        bool narrow = viewport->WorkSize.x < kNarrowWidth;
        Ui ui = makeUi(narrow);
        ImGui::SetNextWindowPos(viewport->WorkPos);
        ImGui::SetNextWindowSize(viewport->WorkSize);
        ImGui::Begin("Papertide", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                         ImGuiWindowFlags_NoSavedSettings);
        handleKeys();
        drawTopBar(ui);
        ImGui::Separator();
        const bool cardOpen = ex.selectedPaper() != nullptr;
        if (narrow) {
            if (cardOpen) {
                ui.platform.hideSearchField();
                drawPaperCard(ui);
            } else {
                float toggleW = ImGui::CalcTextSize(ui.t(Str::ShowFilters)).x + 20;
                drawSearchBox(ui, ImGui::GetContentRegionAvail().x - toggleW - 8);
                ImGui::SameLine();
                if (ImGui::Button(ui.t(scratch.showFiltersOnPhone ? Str::HideFilters : Str::ShowFilters)))
                    scratch.showFiltersOnPhone = !scratch.showFiltersOnPhone;
                if (scratch.showFiltersOnPhone) {
                    ImGui::BeginChild("filters", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f), true);
                    drawFilterPanel(ui);
                    ImGui::EndChild();
                }
                drawActiveFilterChips(ui);
                drawMain(ui, ImGui::GetContentRegionAvail().y);
            }
        } else {
            const float total = ImGui::GetContentRegionAvail().x;
            const float filtersW = 270.0f;
            const float cardW = cardOpen ? std::max(380.0f, total * 0.36f) : 0.0f;
            ImGui::BeginChild("filters", ImVec2(filtersW, 0), true);
            drawFilterPanel(ui);
            ImGui::EndChild();
            ImGui::SameLine();
            ImGui::BeginChild("main", ImVec2(cardOpen ? total - filtersW - cardW - 16 : 0, 0), false);
            drawActiveFilterChips(ui);
            drawMain(ui, ImGui::GetContentRegionAvail().y);
            ImGui::EndChild();
            if (cardOpen) {
                ImGui::SameLine();
                ImGui::BeginChild("card", ImVec2(0, 0), true);
                drawPaperCard(ui);
                ImGui::EndChild();
            }
        }
        ImGui::End();
        drawFeedback(ui);
    }
};

Application::Application(PlatformServices& platform) : impl_(std::make_unique<Impl>(platform)) {
    ImGui::GetIO().IniFilename = nullptr;  // layout is computed each frame; nothing to persist
}

Application::~Application() = default;

void Application::loadCorpus(std::vector<io::SourceFile> files) {
    std::vector<core::Diagnostic> diagnostics;
    core::Corpus corpus = core::loadCorpus(core::splitCorpusFiles(std::move(files)), diagnostics);
    for (const core::Diagnostic& d : diagnostics)
        if (d.severity == core::Severity::Error) impl_->platform.warn(core::formatDiagnostic(d));
    core::ViewState keep = impl_->ex.state();
    impl_->ex.setCorpus(std::move(corpus), std::move(diagnostics));
    impl_->ex.setState(keep);
    impl_->restoreReaderData();
}

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

void Application::drawFrame() {
    impl_->scratch.targets.clear();
    impl_->applyTheme();
    impl_->drawLayout();
    impl_->persistChanges();
}

bool Application::wantsAnotherFrame() const { return ImGui::GetTime() < impl_->scratch.feedbackUntil; }

std::string Application::stateJson(long framesRendered) const {
    core::Explorer& ex = impl_->ex;
    nlohmann::json j;
    core::viewStateToJson(ex.state(), j);
    j["visibleCount"] = ex.visiblePapers().size();
    j["framesRendered"] = framesRendered;
    j["papers"] = ex.corpus().papers.size();
    j["digests"] = ex.corpus().digests.size();
    j["problems"] = ex.diagnostics().size();
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
