// Keeps the URL hash and the explorer's view state in step: a hash that arrives (start-up, back/forward, a
// pasted link) sets the state without being written back; a state change writes the hash, as a new history
// entry when the change deserves one.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "app/app_services.h"
#include "core/explorer.h"

namespace papertide::app {

class LocationSync {
public:
    explicit LocationSync(AppServices& services) : services_(services) {}
    void applyHash(core::Explorer& ex, std::string_view hash);
    void writeChanges(const core::Explorer& ex);

private:
    AppServices& services_;
    std::string lastHash_;
    uint64_t revision_ = UINT64_MAX;
};

}  // namespace papertide::app
