// The URL hash <-> view state.
#include "app/location_sync.h"

#include "core/view_state.h"

namespace papertide::app {

void LocationSync::applyHash(core::Explorer& ex, std::string_view hash) {
    std::vector<std::string> warnings;
    core::ViewState state = core::decodeViewState(hash, &warnings);
    for (const std::string& w : warnings) services_.warn("link: " + w);
    lastHash_ = core::encodeViewState(state);  // arrived from the URL: do not write it back
    ex.setState(state);
    revision_ = ex.stateRevision();
}

void LocationSync::writeChanges(const core::Explorer& ex) {
    if (ex.stateRevision() == revision_) return;
    std::string hash = core::encodeViewState(ex.state());
    if (hash != lastHash_) services_.writeLocationHash(hash, ex.lastChangeWantsHistory());
    lastHash_ = std::move(hash);
    revision_ = ex.stateRevision();
}

}  // namespace papertide::app
