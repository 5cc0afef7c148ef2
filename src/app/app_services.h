// What the application model needs from its host (browser or desktop): storage, the URL hash, the reader's
// kept digest files and a console. The UI's PlatformServices extends it with what drawing needs.
#pragma once
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_file.h"

namespace papertide::app {

class AppServices {
public:
    virtual ~AppServices() = default;
    // Small persistent key/value store: localStorage on the web, a file in the config dir natively.
    virtual std::optional<std::string> loadValue(std::string_view key) = 0;
    virtual void saveValue(std::string_view key, std::string_view value) = 0;
    // The shareable view state ("#q=...&t=..."). push=true adds a history entry (back/forward).
    virtual void writeLocationHash(std::string_view hash, bool push) = 0;
    // Reports a non-fatal problem to the user's console / stderr.
    virtual void warn(std::string_view message) = 0;
    // The reader's own digest files: kept for the next visit (IndexedDB on the web, the config folder
    // natively), forgotten when removed, and loaded once at start-up.
    virtual void storeUserDigest(std::string_view name, std::string_view bytes) { (void)name, (void)bytes; }
    virtual void forgetUserDigest(std::string_view name) { (void)name; }
    virtual std::vector<core::SourceFile> loadUserDigests() { return {}; }
    // The app was started from a corpus snapshot (or has no corpus yet) and needs the bundled JSON files: a
    // reader's digest is merged with them, and a refused snapshot is replaced by them. The host fetches them and
    // hands them to AppModel::receiveBundledFiles later, never from inside this call. Hosts that always pass the
    // files to loadCorpus are never asked.
    virtual void requestBundledFiles() {}
    // Hands a file to the reader: a download in the browser, a file in the downloads folder natively.
    // Returns where it went (shown to the reader), or an empty string when it could not be saved.
    virtual std::string saveFile(std::string_view name, std::string_view mimeType, std::string_view bytes) {
        (void)name, (void)mimeType, (void)bytes;
        return {};
    }
    // "YYYY-MM" now (UTC): the month a drafted digest gets when its article names none. A virtual so tests can fix it.
    virtual std::string currentMonth() {
        std::time_t now = std::time(nullptr);
        std::tm utc{};
        if (const std::tm* t = std::gmtime(&now)) utc = *t;
        char month[32];  // room for any int, so the compiler sees no truncation
        std::snprintf(month, sizeof month, "%04d-%02d", utc.tm_year + 1900, utc.tm_mon + 1);
        return month;
    }
    // The system's colour scheme (prefers-color-scheme on the web); the "System" theme follows it.
    virtual bool prefersDarkScheme() { return true; }
};

}  // namespace papertide::app
