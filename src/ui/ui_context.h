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
