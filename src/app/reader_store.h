// The reader's bookmarks, read marks and settings in the host's key/value storage: restored at start-up (a
// damaged value is set aside as "<key>.damaged" with a warning, never wiping the others) and saved when the
// explorer's revision counters say they changed.
#pragma once
#include <cstdint>
#include <string_view>
#include <unordered_set>

#include "app/app_services.h"
#include "core/explorer.h"

namespace papertide::app {

class ReaderStore {
public:
    explicit ReaderStore(AppServices& services) : services_(services) {}
    void restore(core::Explorer& ex);
    void persistChanges(const core::Explorer& ex);

private:
    void restorePaperSet(std::string_view key, std::unordered_set<std::string>& target);

    AppServices& services_;
    uint64_t marksRevision_ = 0, settingsRevision_ = 0;
};

}  // namespace papertide::app
