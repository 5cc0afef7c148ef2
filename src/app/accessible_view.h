// The screen-reader mirror's content: the rows on screen and the open paper as compact JSON (the web shows it
// in an off-screen, ARIA-labelled DOM region). Built only when something it shows changed.
#pragma once
#include <optional>
#include <string>

#include "app/strings.h"
#include "core/explorer.h"

namespace papertide::app {

class AccessibleView {
public:
    // `firstRow`..`lastRow`: the rows of the paper list on screen (-1 when no list is drawn); at most 50 are
    // mirrored. Returns the JSON when it differs from what was last returned.
    std::optional<std::string> changes(core::Explorer& ex, Lang lang, int firstRow, int lastRow);
    static std::string build(core::Explorer& ex, Lang lang, int firstRow, int lastRow);

private:
    std::string sentKey_;
};

}  // namespace papertide::app
