// The explorer as the platform sees it: loads the corpus, restores what the reader kept, lays out the
// panels each frame, and mirrors state changes into the URL hash and storage.
#include "ui/application.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/corpus_loader.h"
#include "core/json_reader.h"
#include "core/taxonomy.h"
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
    core::CorpusInput input;  // the bundled files and the reader's own digests, kept to rebuild the corpus
    std::vector<core::Diagnostic> bundledProblems;

    explicit Impl(PlatformServices& p) : platform(p) {}

    // Everything is rebuilt from the files: simple, and a bad user file can never disturb the rest.
    void rebuildCorpus() {
        std::vector<core::Diagnostic> diagnostics;
        core::Corpus corpus = core::loadCorpus(input, diagnostics);
        core::ViewState keep = ex.state();
        ex.setCorpus(std::move(corpus), std::move(diagnostics));
        ex.setState(keep);
        scratch.userDigests.clear();
        for (const core::SourceFile& f : input.userDigests) scratch.userDigests.push_back(f.name);
    }

    static std::string baseName(std::string_view path) {
        size_t slash = path.find_last_of("/\\");
        return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
    }

    // Validates one digest on its own against the taxonomy and the bundled ids; true when it may be added.
    bool checkUserDigest(const core::SourceFile& file) {
        std::vector<core::Topic> topics = core::parseTaxonomy(input.taxonomy.name, input.taxonomy.bytes, scratch.fileProblems);
        core::TopicLookup lookup;
        for (core::TopicIndex t = 0; t < topics.size(); ++t) lookup[topics[t].id] = t;
        std::vector<core::Diagnostic> problems;
        auto record = core::parseDigest(file.name, file.bytes, lookup, problems);
        if (record) {
            const core::Digest* existing = ex.corpus().findDigest(record->digest.id);
            if (existing && existing->origin == core::Origin::Bundled) {
                core::Diagnostic d;
                d.file = file.name;
                d.pointer = "/id";
                d.message = "digest id \"" + record->digest.id + "\" is already used by the bundled digest " + existing->file;
                problems.push_back(std::move(d));
                record.reset();
            }
        }
        scratch.fileProblems.insert(scratch.fileProblems.end(), problems.begin(), problems.end());
        return record.has_value();
    }

    void addUserDigest(core::SourceFile file, bool keep) {
        file.name = baseName(file.name);
        if (!checkUserDigest(file)) {
            flashMessage("✕ " + file.name);
            return;
        }
        auto same = std::find_if(input.userDigests.begin(), input.userDigests.end(),
                                 [&](const core::SourceFile& f) { return f.name == file.name; });
        if (keep) platform.storeUserDigest(file.name, file.bytes);
        if (same != input.userDigests.end()) *same = std::move(file);  // a newer version of the same file
        else input.userDigests.push_back(std::move(file));
        rebuildCorpus();
    }

    void removeUserDigest(const std::string& name) {
        auto it = std::find_if(input.userDigests.begin(), input.userDigests.end(),
                               [&](const core::SourceFile& f) { return f.name == name; });
        if (it == input.userDigests.end()) return;
        input.userDigests.erase(it);
        platform.forgetUserDigest(name);
        rebuildCorpus();
    }

    void flashMessage(const std::string& text) {
        scratch.feedbackText = text;
        scratch.feedbackUntil = ImGui::GetTime() + 3.0;
    }

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
            if (ex.state().digest.empty()) drawUserDigests(ui);
            drawDigestPage(ui);  // the list when no digest is open
            return;
        }
        if (view == core::View::Changes) {
            drawChangesView(ui);
            return;
        }
        drawSharedListBanner(ui);
        if (view == core::View::Timeline) {
            float rowH = std::max(ImGui::GetTextLineHeight() + 6.0f, 20.0f);
            float wanted = rowH * (ex.corpus().topics.size() + 1) + ImGui::GetTextLineHeight() * 2 + 34;  // + news row
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

void Application::drawFrame() {
    impl_->scratch.targets.clear();
    impl_->applyTheme();
    impl_->drawLayout();
    if (!impl_->scratch.removeUserDigest.empty()) {
        impl_->removeUserDigest(impl_->scratch.removeUserDigest);
        impl_->scratch.removeUserDigest.clear();
    }
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
