// Pointer actions: collected per frame, published on change.
#include "app/pointer_actions.h"

#include <cstdio>

namespace papertide::app {

std::optional<std::vector<PointerAction>> PointerActions::changes(bool popupOpen) {
    std::vector<PointerAction> actions;
    std::string key;
    for (const Offered& offered : offered_) {
        if (popupOpen && !offered.inPopup) continue;
        const PointerAction& a = offered.action;
        actions.push_back(a);
        char rect[96];
        std::snprintf(rect, sizeof rect, "%d %.0f %.0f %.0f %.0f ", int(a.kind), a.x, a.y, a.w, a.h);
        key += rect + a.payload + '\x1f';
    }
    if (key == sent_) return std::nullopt;
    sent_ = std::move(key);
    return actions;
}

}  // namespace papertide::app
