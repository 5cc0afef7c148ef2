// What every panel draws from: the application model (and its explorer), the platform, the palette and
// language, and the frame's outputs. State that belongs to one panel lives in that panel (FilterPanel,
// PaperList, PaperCard, TimelineView); the application model owns everything that is not about drawing.
#pragma once
#include <string>
#include <vector>

#include "app/app_model.h"
#include "app/strings.h"
#include "core/explorer.h"
#include "ui/platform_services.h"
#include "ui/theme.h"

namespace papertide::ui {

using app::Lang;
using app::Str;
using app::tr;

// A named on-screen rectangle, published in window.papertide.state().targets so browser tests can
// click real UI elements with real mouse events.
struct HitTarget {
    std::string name;
    float x, y, w, h;           // the visible (clickable) part
    float fullW, fullH;         // the whole item, also where a scroll region cuts it
    bool control = true;        // false for text published only so tests can find it
};

// What drawing one frame produced besides pixels, read by the page API after the frame.
struct FrameOutput {
    std::vector<HitTarget> targets;
    // Targets whose item reaches past the viewport's right edge (cut off, unreachable on a narrow phone).
    std::vector<std::string> offscreenTargets;
    std::string contextMenuPaper;  // the paper whose row menu is open (long press / right click)
};

struct Ui {
    app::AppModel& model;
    core::Explorer& ex;  // = model.explorer()
    PlatformServices& platform;
    Palette palette;
    Lang lang = Lang::English;
    bool narrow = false;  // phone-sized viewport: one column
    FrameOutput& frame;

    const char* t(Str s) const { return tr(lang, s); }
    std::string count(Str many, int n) const { return countText(lang, many, n); }  // "1 paper", "3 papers"
    const core::Corpus& corpus() const { return ex.corpus(); }
    void send(app::Command command) const { model.execute(std::move(command)); }
};

}  // namespace papertide::ui
