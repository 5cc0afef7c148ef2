// What every panel draws from: the explorer state, the platform, the palette and language, and the little
// transient UI state that does not belong in the URL (hover, drags, focus requests, feedback timers).
#pragma once
#include <string>
#include <vector>

#include "core/explorer.h"
#include "ui/platform_services.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace papertide::ui {

// A named on-screen rectangle, published in window.papertide.state().targets so browser tests can
// click real UI elements with real mouse events.
struct HitTarget {
    std::string name;
    float x, y, w, h;
};

// The paper card's find bar (Ctrl+F / Cmd+F): matches in the card's text blocks, in display order.
struct FindState {
    struct Match {
        int block;  // see cardTextBlocks() in paper_card.cpp
        size_t begin, end;
    };
    bool open = false;
    bool focusField = false;       // focus (and select) the field on the next frame
    bool scrollToCurrent = false;  // scroll the card so the current match is visible
    bool fieldShown = false;       // the platform's find field was placed this frame
    std::string query;
    int current = -1;              // index into matches, -1 when there are none
    std::vector<Match> matches;
    std::string matchedPaper, matchedQuery;  // what `matches` was computed for
    char buffer[256] = {};         // the ImGui field (natively)
    std::string bufferSource;
};

struct UiScratch {
    std::vector<HitTarget> targets;  // rebuilt every frame
    std::vector<std::string> timelineRows;     // topic ids, top to bottom, as last drawn
    std::vector<std::string> timelineColumns;  // months, left to right, as last drawn
    char queryBuffer[512] = {};
    std::string queryBufferSource;  // the query the buffer was last filled from
    char authorBuffer[128] = {};
    std::string authorBufferSource;
    bool focusSearch = false;
    bool showFiltersOnPhone = false;
    int timelineDragStart = -1;   // month column where a drag began, or -1
    int timelineDragEnd = -1;
    double feedbackUntil = 0;     // "Copied" shows until this time (ImGui::GetTime())
    std::string feedbackText;
    bool scrollListToSelection = false;
    std::vector<std::string> userDigests;         // names of the reader's own digest files
    std::vector<core::Diagnostic> fileProblems;   // why files the reader added were refused
    std::string removeUserDigest;                 // set by the UI: the platform-facing Application removes it

    FindState find;
    struct OfferedAction {
        PointerAction action;
        bool inPopup;  // drawn in a popup: while one is open, only these can be clicked
    };
    std::vector<OfferedAction> pointerActions;    // links and copy buttons on screen, rebuilt every frame
    // The paper list as last drawn: scroll position, visible height, the rows on screen.
    float listScrollY = 0, listHeight = 0, listLineHeight = 1;
    int listFirstRow = -1, listLastRow = -1;
    bool listDrawn = false;
    std::string contextMenuPaper;                 // the paper whose row menu is open (long press / right click)
    float cardScrollY = 0;
    // Timeline zoom: cell width = the width that fits the view x timelineZoom (pinch, Ctrl+wheel, the +/- buttons).
    float timelineZoom = 1.0f;
    float timelineZoomRequest = 1.0f;   // factor to apply on the next frame, around timelineZoomAnchor (screen x)
    float timelineZoomAnchor = -1.0f;
    float timelineCellWidth = 0;
    float timelineScrollX = 0, timelineScrollY = 0;
    float timelineRect[4] = {0, 0, 0, 0};  // the timeline's scrolling area as last drawn (x, y, w, h)
    bool timelineSettling = false;          // a zoom is still moving the scroll position
};

struct Ui {
    core::Explorer& ex;
    PlatformServices& platform;
    Palette palette;
    Lang lang = Lang::English;
    bool narrow = false;  // phone-sized viewport: one column
    UiScratch& scratch;

    const char* t(Str s) const { return tr(lang, s); }
    const core::Corpus& corpus() const { return ex.corpus(); }
};

}  // namespace papertide::ui
