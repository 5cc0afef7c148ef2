// Marks and settings in and out of the host's storage.
#include "app/reader_store.h"

#include "core/reader_data.h"

namespace papertide::app {

void ReaderStore::restorePaperSet(std::string_view key, std::unordered_set<std::string>& target) {
    auto stored = services_.loadValue(key);
    if (!stored) return;
    std::string warning;
    if (!core::decodePaperSet(key, *stored, target, warning)) {
        // Keep the unreadable value aside rather than overwrite it with the next change.
        std::string backupKey = std::string(key) + ".damaged";
        if (!services_.loadValue(backupKey)) services_.saveValue(backupKey, *stored);
    }
    if (!warning.empty()) services_.warn(warning);
}

void ReaderStore::restore(core::Explorer& ex) {
    core::ReaderMarks marks;
    restorePaperSet(core::kBookmarksKey, marks.bookmarked);
    restorePaperSet(core::kReadKey, marks.read);
    ex.setMarks(std::move(marks));
    if (auto stored = services_.loadValue(core::kSettingsKey)) {
        core::Settings settings;
        std::string warning;
        if (core::decodeSettings(*stored, settings, warning)) ex.setSettings(settings);
        else services_.warn(warning);
    }
    marksRevision_ = ex.marksRevision();
    settingsRevision_ = ex.settingsRevision();
}

void ReaderStore::persistChanges(const core::Explorer& ex) {
    if (ex.marksRevision() != marksRevision_) {
        services_.saveValue(core::kBookmarksKey, core::encodePaperSet(ex.marks().bookmarked));
        services_.saveValue(core::kReadKey, core::encodePaperSet(ex.marks().read));
        marksRevision_ = ex.marksRevision();
    }
    if (ex.settingsRevision() != settingsRevision_) {
        services_.saveValue(core::kSettingsKey, core::encodeSettings(ex.settings()));
        settingsRevision_ = ex.settingsRevision();
    }
}

}  // namespace papertide::app
