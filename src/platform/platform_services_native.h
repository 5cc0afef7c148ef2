// PlatformServices for the desktop: xdg-open, SDL clipboard, in-memory hash, a key=value settings file.
#pragma once
#include <map>
#include <string>

#include <vector>

#include "io/source_file.h"
#include "ui/platform_services.h"

namespace papertide::platform {

class NativePlatformServices final : public ui::PlatformServices {
public:
    // Settings live in $XDG_CONFIG_HOME/papertide/settings.txt (or ~/.config/papertide/settings.txt).
    NativePlatformServices();

    void openUrl(std::string_view url) override;
    void copyToClipboard(std::string_view text) override;
    void writeLocationHash(std::string_view hash, bool push) override;
    std::optional<std::string> loadValue(std::string_view key) override;
    void saveValue(std::string_view key, std::string_view value) override;
    void warn(std::string_view message) override;
    std::string saveFile(std::string_view name, std::string_view mimeType, std::string_view bytes) override;
    void storeUserDigest(std::string_view name, std::string_view bytes) override;
    void forgetUserDigest(std::string_view name) override;
    // Digests the reader added in earlier sessions ($XDG_CONFIG_HOME/papertide/digests/*.json).
    std::vector<core::SourceFile> loadUserDigests() override;

    const std::string& locationHash() const { return hash_; }
    const std::string& settingsPath() const { return settingsPath_; }

private:
    void loadSettings();
    bool saveSettings();

    std::string hash_;
    std::string settingsPath_;
    std::map<std::string, std::string, std::less<>> values_;
    bool loaded_ = false;
};

}  // namespace papertide::platform
