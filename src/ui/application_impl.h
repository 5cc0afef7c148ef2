// Application's state and per-frame work (the panels' layout, hash/storage mirroring, reader files), shared
// by application.cpp (what the platform calls) and application_page_api.cpp (window.papertide state).
// Internal to src/ui.
#pragma once
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/corpus_loader.h"
#include "core/json_reader.h"
#include "core/taxonomy.h"
#include "ui/application.h"
#include "ui/panels.h"
#include "ui/timeline_view.h"
#include "ui/widgets.h"

namespace papertide::ui {

inline constexpr float kNarrowWidth = 760.0f;  // below this the layout is one column (phones)

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
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !scratch.find.open && !ex.state().filter.query.empty())
                ex.setQuery("");
            return;
        }
        const auto& rows = ex.visiblePapers();
        auto pressed = [](int key) { return ImGui::IsKeyPressed(key); };
        bool typedSlash = false;
        for (ImWchar c : io.InputQueueCharacters) typedSlash |= c == '/';
        if (typedSlash) scratch.focusSearch = true;
        if (pressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
            if (scratch.find.open) scratch.find.open = false;
            else if (!ex.state().filter.query.empty()) ex.setQuery("");
            else if (!ex.state().paper.empty()) ex.closePaper();
        }
        int move = 0;
        // j / k arrive as typed characters (ImGui 1.86's key indices are the backend's scancodes, not letters).
        for (ImWchar c : io.InputQueueCharacters) move = c == 'j' ? 1 : c == 'k' ? -1 : move;
        if (pressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) move = 1;
        if (pressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) move = -1;
        if (move != 0 && !rows.empty()) {
            if (listCursor < 0) listCursor = std::max(ex.selectedRow(), move > 0 ? -1 : int(rows.size()));
            listCursor = std::clamp(listCursor + move, 0, int(rows.size()) - 1);
            ex.openPaper(ex.corpus().papers[rows[listCursor]].id);
            scratch.scrollListToSelection = true;
        }
        if (pressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) && listCursor >= 0 && listCursor < int(rows.size()))
            ex.openPaper(ex.corpus().papers[rows[listCursor]].id);
    }

    bool findFieldWasShown = false;
    std::string sentActions = "-";   // what setPointerActions last received, serialized
    std::string sentAccessibleKey;  // what the accessible view was last built from

    void beginFrameScratch() {
        scratch.targets.clear();
        scratch.pointerActions.clear();
        scratch.listDrawn = false;
        scratch.contextMenuPaper.clear();
        scratch.find.fieldShown = false;
        scratch.timelineRect[2] = scratch.timelineRect[3] = 0;
        scratch.timelineSettling = false;
    }

    // Links and copy buttons on screen → the platform, when they changed. While a popup is open only its own
    // items can be clicked.
    void publishPointerActions() {
        const bool popupOpen = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
        std::vector<PointerAction> actions;
        std::string key;
        for (const UiScratch::OfferedAction& offered : scratch.pointerActions) {
            if (popupOpen && !offered.inPopup) continue;
            const PointerAction& a = offered.action;
            actions.push_back(a);
            char rect[96];
            std::snprintf(rect, sizeof rect, "%d %.0f %.0f %.0f %.0f ", int(a.kind), a.x, a.y, a.w, a.h);
            key += rect + a.payload + '\x1f';
        }
        if (key == sentActions) return;
        sentActions = key;
        platform.setPointerActions(actions);
    }

    // The rows on screen and the open card, as JSON for the platform's accessible mirror (built only when
    // something it shows changed).
    void publishAccessibleView() {
        const core::Paper* paper = ex.selectedPaper();
        const auto& rows = ex.visiblePapers();
        int first = scratch.listDrawn ? scratch.listFirstRow : -1, last = scratch.listDrawn ? scratch.listLastRow : -1;
        if (first >= 0) last = std::min(last, first + 49);
        std::string key = std::to_string(ex.stateRevision()) + ' ' + std::to_string(ex.marksRevision()) + ' ' +
                          std::to_string(first) + ' ' + std::to_string(last) + ' ' + (paper ? paper->id : "") + ' ' +
                          std::to_string(int(ex.settings().language)) + ' ' + std::to_string(rows.size());
        if (key == sentAccessibleKey) return;
        sentAccessibleKey = key;
        const core::Corpus& c = ex.corpus();
        Ui ui = makeUi(false);
        nlohmann::json j;
        j["count"] = rows.size();
        j["first"] = first;
        j["label"] = ui.t(Str::Papers);
        nlohmann::json list = nlohmann::json::array();
        for (int r = first; r >= 0 && r <= last && r < int(rows.size()); ++r) {
            const core::Paper& p = c.papers[rows[r]];
            core::ViewState open = ex.state();
            open.paper = p.id;
            list.push_back({{"id", p.id}, {"title", p.title}, {"meta", paperMonths(ui, p) + " · " + authorSummary(ui, p, 3)},
                            {"href", core::encodeViewState(open)}, {"selected", paper == &p}});
        }
        j["rows"] = std::move(list);
        if (paper) {
            nlohmann::json card;
            card["id"] = paper->id;
            card["title"] = paper->title;
            std::vector<std::string> authors, topics;
            for (core::AuthorIndex a : paper->authors) authors.push_back(c.authors[a].name);
            for (core::TopicIndex t = 0; t < c.topics.size(); ++t)
                if (paper->topics >> t & 1) topics.push_back(topicLabel(ui, c.topics[t]));
            card["authors"] = authors;
            card["topics"] = topics;
            nlohmann::json links = nlohmann::json::array();
            for (const auto& link : paper->links)
                if (core::isSafeHttpUrl(link.url)) links.push_back({{"name", link.name}, {"url", link.url}});
            card["links"] = std::move(links);
            nlohmann::json blocks = nlohmann::json::array();
            for (core::AppearanceIndex ai : paper->appearances) {
                const core::Appearance& a = c.appearances[ai];
                const core::Digest& d = c.digests[a.digest];
                nlohmann::json texts = nlohmann::json::array();
                if (!a.titleZh.empty()) texts.push_back({{"label", ""}, {"text", a.titleZh}});
                if (!a.why.empty()) texts.push_back({{"label", ui.t(Str::Why)}, {"text", a.why}});
                if (!a.insight.empty()) texts.push_back({{"label", ui.t(Str::KeyInsight)}, {"text", a.insight}});
                if (!a.summary.empty()) texts.push_back({{"label", ui.t(Str::Summary)}, {"text", a.summary}});
                blocks.push_back({{"digest", core::formatMonth(a.month) + " · " + d.title}, {"texts", std::move(texts)}});
            }
            card["appearances"] = std::move(blocks);
            j["card"] = std::move(card);
        } else {
            j["card"] = nullptr;
        }
        platform.publishAccessibleView(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
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

}  // namespace papertide::ui
