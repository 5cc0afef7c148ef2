// What the UI needs from the platform (browser or desktop). Implemented once per platform in src/platform/.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace papertide::ui {

// Something a click on screen opens or copies, where it is this frame (ImGui coordinates, clipped to what is visible).
struct PointerAction {
    enum class Kind { Open, Copy };
    Kind kind = Kind::Open;
    float x = 0, y = 0, w = 0, h = 0;
    std::string payload;  // the http(s) URL, or the text to copy
};

class PlatformServices {
public:
    virtual ~PlatformServices() = default;
    // Opens an http(s) URL in a new browser tab / the desktop browser. Callers pass only checked URLs.
    virtual void openUrl(std::string_view url) = 0;
    virtual void copyToClipboard(std::string_view text) = 0;
    // The shareable view state ("#q=...&t=..."). push=true adds a history entry (back/forward).
    virtual void writeLocationHash(std::string_view hash, bool push) = 0;
    // Small persistent key/value store: localStorage on the web, a file in the config dir natively.
    virtual std::optional<std::string> loadValue(std::string_view key) = 0;
    virtual void saveValue(std::string_view key, std::string_view value) = 0;
    // Reports a non-fatal problem to the user's console / stderr.
    virtual void warn(std::string_view message) = 0;

    // The web overlays a real HTML <input> on the search box (so the system IME, paste and phone keyboards
    // work) at this rectangle in ImGui coordinates, showing `text`, and returns true: the UI then draws only
    // the frame. Natively there is no overlay: false, and ImGui's own text field is used.
    virtual bool placeSearchField(float x, float y, float width, float height, std::string_view text, bool dark) {
        (void)x, (void)y, (void)width, (void)height, (void)text, (void)dark;
        return false;
    }
    virtual void focusSearchField() {}
    // Hands a file to the reader: a download in the browser, a file in the downloads folder natively.
    // Returns where it went (shown to the reader), or an empty string when it could not be saved.
    virtual std::string saveFile(std::string_view name, std::string_view mimeType, std::string_view bytes) = 0;
    // Opens the system's file chooser for JSON files (the web's <input type=file>). Chosen files arrive later
    // through Application::receiveFile. False when this platform has no chooser (natively: drop files instead).
    virtual bool chooseFiles() { return false; }
    // Keeps (or forgets) a digest file the reader added, so it is there on the next visit
    // (IndexedDB on the web, the config folder natively).
    virtual void storeUserDigest(std::string_view name, std::string_view bytes) { (void)name, (void)bytes; }
    virtual void forgetUserDigest(std::string_view name) { (void)name; }

    // The system's colour scheme (prefers-color-scheme on the web); the "System" theme follows it.
    virtual bool prefersDarkScheme() { return true; }
    // A shareable link to a view: the page URL with this hash on the web; natively the hash itself
    // (it is what `papertide --state` accepts).
    virtual std::string linkForHash(std::string_view hash) { return std::string(hash); }
    // The UI's search box is gone this frame (e.g. a phone layout showing a card): hide the overlay.
    virtual void hideSearchField() {}

    // The paper card's find field, the same way as the search field (an HTML <input> on the web, so IMEs work).
    virtual bool placeFindField(float x, float y, float width, float height, std::string_view text, bool dark) {
        (void)x, (void)y, (void)width, (void)height, (void)text, (void)dark;
        return false;
    }
    virtual void focusFindField() {}
    virtual void hideFindField() {}

    // The links and copy buttons on screen, sent when they change. The web page performs a click on one of them
    // itself, inside the browser's own pointer event (pop-up blockers and clipboard rules want a user gesture), and
    // then drops the openUrl / copyToClipboard of the same thing that the UI's click handling makes a moment
    // later. Natively there is nothing to do.
    virtual void setPointerActions(const std::vector<PointerAction>& actions) { (void)actions; }

    // A compact JSON description of what is on screen (the visible papers, the open card), sent when it changes:
    // the web mirrors it into an off-screen, ARIA-labelled DOM region for screen readers. Natively: nothing.
    virtual void publishAccessibleView(std::string_view json) { (void)json; }
};

}  // namespace papertide::ui
