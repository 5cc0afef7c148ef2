// The explorer's panels: each draws from the Ui context and turns input into explorer changes or commands.
// A panel with state of its own is a class that owns it; the others are free functions.
#pragma once
#include <string>

#include "app/card_find.h"
#include "ui/ui_context.h"

namespace papertide::ui {

// The search box (a real HTML <input> on the web, ImGui's field natively) and the filters: topics with live
// counts, month range, digest, author, bookmarks and read marks.
class FilterPanel {
public:
    void drawSearchBox(Ui& ui, float width);
    void draw(Ui& ui);
    void focusSearch() { focusSearch_ = true; }

private:
    char queryBuffer_[512] = {};
    std::string queryBufferSource_;  // the query the buffer was last filled from
    char authorBuffer_[128] = {};
    std::string authorBufferSource_;
    bool focusSearch_ = false;
};
void drawActiveFilterChips(Ui& ui);  // filter_panel.cpp
// What cross-language search added to the query ("also: diffusion · 扩散模型") and the switch that turns it off.
void drawQueryExpansions(Ui& ui);    // filter_panel.cpp

// The paper list as last drawn, for the page API and the screen-reader mirror.
struct PaperListReport {
    bool drawn = false;
    float scrollY = 0, height = 0, lineHeight = 1;
    int firstRow = -1, lastRow = -1;  // the rows on screen
};

// The virtualized list of the visible papers, with its row menu (long press / right click).
class PaperList {
public:
    void draw(Ui& ui, float height);
    void beginFrame() { report_.drawn = false; }
    const PaperListReport& report() const { return report_; }

private:
    PaperListReport report_;
};

// One paper in full, with its find bar (Ctrl+F / Cmd+F, F3).
class PaperCard {
public:
    void draw(Ui& ui);
    app::CardFind& find() { return find_; }
    const app::CardFind& find() const { return find_; }
    // Opens the find bar and focuses its field.
    void openFind() {
        find_.open();
        focusFindField_ = true;
    }
    void beginFrame() { findFieldShown_ = false; }
    bool findFieldShown() const { return findFieldShown_; }
    float scrollY() const { return scrollY_; }

private:
    void drawFindBar(Ui& ui);  // card_find_bar.cpp
    void textBlock(int block, std::string_view text, float width, ImU32 color);
    void drawAppearance(Ui& ui, const core::Appearance& a, float width, int index);

    app::CardFind find_;
    bool focusFindField_ = false;  // focus (and select) the field on the next frame
    bool findFieldShown_ = false;  // the platform's find field was placed this frame
    char findBuffer_[256] = {};    // the ImGui field (natively)
    std::string findBufferSource_;
    float scrollY_ = 0;
};

// "New digest from article…" (article_draft_view.cpp): shown instead of the explorer's panels while open.
class ArticleDraftView {
public:
    void draw(Ui& ui);
    void beginFrame() { articleShown_ = false; }
    bool articleShown() const { return articleShown_; }  // the platform's article box was placed this frame

private:
    struct FieldBuffer {
        char text[256] = {};
        std::string source;  // the model's value the buffer was last filled from
    };
    void drawArticleBox(Ui& ui, const app::ArticleDraft& draft);
    void drawField(Ui& ui, const app::ArticleDraft& draft, int field, const char* label, float width);
    void drawEntry(Ui& ui, const app::DraftEntryView& entry, size_t index, float width);

    std::string text_, textSource_;  // ImGui's article field (natively) and the model's text it shows
    bool editing_ = false;
    bool articleShown_ = false;
    FieldBuffer fields_[3];  // month, title, source
};

void drawTopBar(Ui& ui);                   // top_bar.cpp
void drawDigestList(Ui& ui);               // digest_views.cpp
void drawDigestPage(Ui& ui);               // digest_views.cpp
void drawProblems(Ui& ui);
void drawExportMenu(Ui& ui);               // reader_tools.cpp
void drawSharedListBanner(Ui& ui);         // reader_tools.cpp
void drawUserDigests(Ui& ui);              // reader_tools.cpp
void drawChangesView(Ui& ui);              // changes_view.cpp

}  // namespace papertide::ui
