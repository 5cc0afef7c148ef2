// What every panel draws from: the explorer state, the platform, the palette and language, and the little
// transient UI state that does not belong in the URL (hover, drags, focus requests, feedback timers).
#pragma once
#include <string>

#include "core/explorer.h"
#include "ui/platform_services.h"
#include "ui/strings.h"
#include "ui/theme.h"

namespace papertide::ui {

struct UiScratch {
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
