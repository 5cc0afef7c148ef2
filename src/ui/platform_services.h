// What the UI needs from the platform (browser or desktop), beyond what the application model needs
// (app::AppServices: storage, URL hash, kept digests). Implemented once per platform in src/platform/.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_services.h"
#include "app/pointer_actions.h"

namespace papertide::ui {

using app::PointerAction;  // something a click on screen opens or copies (app/pointer_actions.h)

// The text fields the web overlays with an HTML <input>: the search box and the paper card's find field; and
// with a <textarea>: the article box of "New digest from article…".
enum class TextOverlay { Search, Find, Article };
constexpr int kTextOverlayCount = 3;
inline const char* textOverlayName(TextOverlay id) {
    return id == TextOverlay::Search ? "search" : id == TextOverlay::Find ? "find" : "article";
}

class PlatformServices : public app::AppServices {
public:
    // Opens an http(s) URL in a new browser tab / the desktop browser. Callers pass only checked URLs.
    virtual void openUrl(std::string_view url) = 0;
    virtual void copyToClipboard(std::string_view text) = 0;

    // The web lays a real HTML <input> over a text field of the UI (so the system IME, paste, dictation and phone
    // keyboards work) at this rectangle in ImGui coordinates, showing `text`, and returns true: the UI then draws
    // only the frame. Natively there is no overlay: false, and ImGui's own text field is used.
    virtual bool placeTextOverlay(TextOverlay id, float x, float y, float width, float height, std::string_view text,
                                  bool dark) {
        (void)id, (void)x, (void)y, (void)width, (void)height, (void)text, (void)dark;
        return false;
    }
    virtual void focusTextOverlay(TextOverlay id) { (void)id; }
    // The field is gone this frame (e.g. a phone layout showing a card, the find bar closed): hide its overlay.
    virtual void hideTextOverlay(TextOverlay id) { (void)id; }
    // saveFile (a download / the downloads folder) is app::AppServices's: the model's "Download JSON" uses it too.
    // Opens the system's file chooser for JSON files (the web's <input type=file>). Chosen files arrive later
    // through Application::receiveFile. False when this platform has no chooser (natively: drop files instead).
    virtual bool chooseFiles() { return false; }

    // A shareable link to a view: the page URL with this hash on the web; natively the hash itself
    // (it is what `papertide --state` accepts).
    virtual std::string linkForHash(std::string_view hash) { return std::string(hash); }

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
