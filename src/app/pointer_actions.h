// The links and copy buttons on screen, collected while a frame is drawn and handed to the host only when they
// changed. The web performs a click on one of them inside the browser's own pointer event (pop-up blockers and
// clipboard rules want a user gesture); natively nothing is done with them.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace papertide::app {

// Something a click on screen opens or copies, where it is this frame (screen coordinates, clipped to what is visible).
struct PointerAction {
    enum class Kind { Open, Copy };
    Kind kind = Kind::Open;
    float x = 0, y = 0, w = 0, h = 0;
    std::string payload;  // the http(s) URL, or the text to copy
};

class PointerActions {
public:
    void beginFrame() { offered_.clear(); }
    // `inPopup`: drawn in a popup; while one is open, only those can be clicked.
    void offer(PointerAction action, bool inPopup) { offered_.push_back({std::move(action), inPopup}); }
    // The actions to publish after this frame, or nothing when the host already has the same list.
    std::optional<std::vector<PointerAction>> changes(bool popupOpen);

private:
    struct Offered {
        PointerAction action;
        bool inPopup;
    };
    std::vector<Offered> offered_;
    std::string sent_ = "-";  // what was last published, serialized
};

}  // namespace papertide::app
