// The explorer window: layout, keys, and what is published to the platform after each frame.
#include "ui/explorer_window.h"

#include <algorithm>

#include "ui/widgets.h"

namespace papertide::ui {

namespace {
constexpr float kNarrowWidth = 760.0f;  // below this the layout is one column (phones)
}

void ExplorerWindow::applyTheme(const app::AppModel& model, bool touch) {
    const bool dark = model.darkTheme();
    const int wanted = int(dark) | int(touch) << 1;
    if (appliedTheme_ == wanted) return;
    palette_ = ui::applyTheme(dark, touch);
    appliedTheme_ = wanted;
}

void ExplorerWindow::handleKeys(Ui& ui) {
    core::Explorer& ex = ui.ex;
    ImGuiIO& io = ImGui::GetIO();
    const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        if (escape && !card_.find().isOpen() && !ex.state().filter.query.empty()) ex.setQuery("");
        return;
    }
    bool typedSlash = false;
    for (ImWchar c : io.InputQueueCharacters) typedSlash |= c == '/';
    if (typedSlash) filters_.focusSearch();
    if (escape) {
        if (card_.find().isOpen()) card_.find().close();
        else if (!ex.state().filter.query.empty()) ex.setQuery("");
        else if (!ex.state().paper.empty()) ui.send(app::ClosePaper{});
    }
    int move = 0;
    // j / k arrive as typed characters (ImGui 1.86's key indices are the backend's scancodes, not letters).
    for (ImWchar c : io.InputQueueCharacters) move = c == 'j' ? 1 : c == 'k' ? -1 : move;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) move = 1;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) move = -1;
    if (move != 0) ui.send(app::MoveSelection{move});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) ui.send(app::OpenSelection{});
}

void ExplorerWindow::drawMain(Ui& ui, float height) {
    core::Explorer& ex = ui.ex;
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
        float rowH = TimelineView::rowHeight();
        float wanted = rowH * (ex.corpus().topics.size() + 1) + ImGui::GetTextLineHeight() * 2 + 34;  // + news row
        timeline_.draw(ui, std::min(wanted, height * (ui.narrow ? 0.55f : 0.6f)));
    }
    list_.draw(ui, ImGui::GetContentRegionAvail().y);
}

void ExplorerWindow::drawPhone(Ui& ui) {
    if (ui.ex.selectedPaper()) {
        ui.platform.hideTextOverlay(TextOverlay::Search);
        card_.draw(ui);
        return;
    }
    float toggleW = ImGui::CalcTextSize(ui.t(Str::ShowFilters)).x + 20;
    filters_.drawSearchBox(ui, ImGui::GetContentRegionAvail().x - toggleW - 8);
    ImGui::SameLine();
    if (ImGui::Button(ui.t(showFiltersOnPhone_ ? Str::HideFilters : Str::ShowFilters))) showFiltersOnPhone_ = !showFiltersOnPhone_;
    exposeTarget(ui, "phone:filters");
    if (showFiltersOnPhone_) {
        ImGui::BeginChild("filters", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.5f), true);
        filters_.draw(ui);  // with what the search added
        ImGui::EndChild();
    } else {
        drawQueryExpansions(ui);
    }
    drawActiveFilterChips(ui);
    drawMain(ui, ImGui::GetContentRegionAvail().y);
}

void ExplorerWindow::drawDesktop(Ui& ui) {
    const bool cardOpen = ui.ex.selectedPaper() != nullptr;
    const float total = ImGui::GetContentRegionAvail().x;
    const float filtersW = 270.0f;
    const float cardW = cardOpen ? std::max(380.0f, total * 0.36f) : 0.0f;
    ImGui::BeginChild("filters", ImVec2(filtersW, 0), true);
    filters_.draw(ui);  // the search box first
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("main", ImVec2(cardOpen ? total - filtersW - cardW - 16 : 0, 0), false);
    drawActiveFilterChips(ui);
    drawMain(ui, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    if (cardOpen) {
        ImGui::SameLine();
        ImGui::BeginChild("card", ImVec2(0, 0), true);
        card_.draw(ui);
        ImGui::EndChild();
    }
}

// After the frame: the links and copy buttons on screen, the find field's visibility and the screen-reader
// mirror go to the platform when they changed.
void ExplorerWindow::publish(Ui& ui) {
    if (!ui.ex.selectedPaper()) card_.find().close();  // the find bar belongs to the card
    if (findFieldWasShown_ && !card_.findFieldShown()) ui.platform.hideTextOverlay(TextOverlay::Find);
    findFieldWasShown_ = card_.findFieldShown();
    if (articleBoxWasShown_ && !draft_.articleShown()) ui.platform.hideTextOverlay(TextOverlay::Article);
    articleBoxWasShown_ = draft_.articleShown();
    if (auto actions = ui.model.pointerActions().changes(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)))
        ui.platform.setPointerActions(*actions);
    const PaperListReport& list = list_.report();
    if (auto view = ui.model.accessibleView().changes(ui.ex, ui.lang, list.drawn ? list.firstRow : -1,
                                                      list.drawn ? list.lastRow : -1))
        ui.platform.publishAccessibleView(*view);
}

void ExplorerWindow::draw(app::AppModel& model, PlatformServices& platform, FrameOutput& frame) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const bool narrow = viewport->WorkSize.x < kNarrowWidth;
    applyTheme(model, narrow);  // a phone gets the touch style
    list_.beginFrame();
    card_.beginFrame();
    timeline_.beginFrame();
    draft_.beginFrame();
    Ui ui{model, model.explorer(), platform, palette_, model.lang(), narrow, frame};
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Papertide", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings);
    drawTopBar(ui);
    ImGui::Separator();
    if (model.articleDraft().isOpen()) {  // the dialog takes the whole window (its fields have the keyboard)
        ui.platform.hideTextOverlay(TextOverlay::Search);
        draft_.draw(ui);
    } else {
        handleKeys(ui);
        if (ui.narrow) drawPhone(ui);
        else drawDesktop(ui);
    }
    ImGui::End();
    drawFeedback(ui);
    publish(ui);
}

}  // namespace papertide::ui
