// PlatformServices for the browser: window.open, navigator.clipboard, history, localStorage, IndexedDB, console.
#pragma once
#include <string>

#include "core/snapshot.h"
#include "ui/platform_services.h"

namespace papertide::platform {

class WebPlatformServices final : public ui::PlatformServices {
public:
    WebPlatformServices();
    void openUrl(std::string_view url) override;
    void copyToClipboard(std::string_view text) override;
    void writeLocationHash(std::string_view hash, bool push) override;
    std::optional<std::string> loadValue(std::string_view key) override;
    void saveValue(std::string_view key, std::string_view value) override;
    void warn(std::string_view message) override;
    bool placeTextOverlay(ui::TextOverlay id, float x, float y, float width, float height, std::string_view text,
                          bool dark) override;
    void focusTextOverlay(ui::TextOverlay id) override;
    void hideTextOverlay(ui::TextOverlay id) override;
    void setPointerActions(const std::vector<ui::PointerAction>& actions) override;
    void publishAccessibleView(std::string_view json) override;
    bool prefersDarkScheme() override;
    std::string linkForHash(std::string_view hash) override;
    std::string saveFile(std::string_view name, std::string_view mimeType, std::string_view bytes) override;
    bool chooseFiles() override;
    void storeUserDigest(std::string_view name, std::string_view bytes) override;
    void forgetUserDigest(std::string_view name) override;
    std::vector<core::SourceFile> loadUserDigests() override;
    void requestBundledFiles() override;
    // The snapshot the page is fetching, read slice by slice from the JS side while it arrives: each call takes
    // in the sections whose bytes are all there (called on every frame of the loading screen), so that little is
    // left to read when the download ends. The bytes read are let go on the JS side.
    void readArrivingSnapshot();
    // Once the download has settled: the rest of the snapshot. False when there is none (`why` empty) or when it
    // is refused (`why` says which check failed).
    bool readBundledSnapshot(core::Snapshot& out, std::string& why);
    // The snapshot was refused because its corpus would not fit in the memory the page can have (the JSON path
    // would need more still): the download was stopped, and the page should say so rather than read the JSON.
    bool snapshotTooLarge() const { return snapshotReader_.refusedForMemory(); }

private:
    // What each overlay was last placed with: the UI places its boxes every frame, but the page only hears of a
    // change (the article box may hold megabytes of text).
    struct Placement {
        bool shown = false;
        float x = 0, y = 0, width = 0, height = 0;
        bool dark = false;
        std::string text;
    };
    Placement placed_[ui::kTextOverlayCount];  // by ui::TextOverlay
    core::SnapshotReader snapshotReader_;
    double snapshotRead_ = 0;  // bytes of the snapshot that had arrived at the last reading
};

}  // namespace papertide::platform
