// The explorer's one window: lays out the panels for the viewport (two columns and a card, or one column on a
// phone), turns keys into commands, and owns the panels (and so their state).
#pragma once
#include "ui/panels.h"
#include "ui/timeline_view.h"

namespace papertide::ui {

class ExplorerWindow {
public:
    // Builds this frame's windows; call between ImGui::NewFrame() and ImGui::Render().
    void draw(app::AppModel& model, PlatformServices& platform, FrameOutput& frame);

    FilterPanel& filters() { return filters_; }
    PaperCard& card() { return card_; }
    TimelineView& timeline() { return timeline_; }
    const TimelineView& timeline() const { return timeline_; }
    const PaperList& list() const { return list_; }
    const PaperCard& card() const { return card_; }

private:
    void applyTheme(const app::AppModel& model, bool touch);
    void handleKeys(Ui& ui);
    void drawMain(Ui& ui, float height);
    void drawPhone(Ui& ui);
    void drawDesktop(Ui& ui);
    void publish(Ui& ui);

    FilterPanel filters_;
    PaperList list_;
    PaperCard card_;
    TimelineView timeline_;
    ArticleDraftView draft_;
    bool articleBoxWasShown_ = false;
    bool showFiltersOnPhone_ = false;
    Palette palette_;
    int appliedTheme_ = -1;  // bit 0: dark, bit 1: touch (phone) style
    bool findFieldWasShown_ = false;
};

}  // namespace papertide::ui
