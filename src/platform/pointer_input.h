// Wheel and touch input for Dear ImGui 1.86, whose SDL backend only counts whole wheel notches (one notch scrolls
// five font heights) and knows nothing of fingers. AppHost feeds events in and calls the two frame hooks.
//
// Wheel: a notch scrolls kLinesPerNotch text lines of the window under the pointer, fractions included (trackpads
// send many small deltas); "page" deltas scroll most of that window's height. The amount goes through
// io.MouseWheel / MouseWheelH, so ImGui still decides which window scrolls; only whole pixels are passed on
// and the remainder is kept, because ImGui rounds each frame's scroll position down.
//
// Touch (when enabled): one finger that moves more than kTapSlop pans the window under it (directly, no hover
// effects), and keeps gliding after release with decaying velocity; a short tap becomes a left click (press and
// release on two frames); holding still for kLongPress becomes a right click (context menus). Two fingers pinch:
// `zoom` is asked to scale what is under their centre. Between gestures ImGui sees no pointer at all, so nothing
// stays "hovered" after a finger lifts.
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

#include <imgui.h>

struct ImGuiWindow;

namespace papertide::platform {

class PointerInput {
public:
    static constexpr float kLinesPerNotch = 3.0f;
    static constexpr float kPageFraction = 0.875f;  // a "page" of wheel scrolling, as browsers do
    static constexpr float kTapSlop = 10.0f;        // px a finger may wander and still tap
    static constexpr double kLongPress = 0.5;       // s
    static constexpr float kMomentumTau = 0.325f;   // s: velocity decays as exp(-t / tau)
    static constexpr float kMinVelocity = 30.0f;    // px/s: slower than this, momentum stops
    static constexpr float kMaxVelocity = 8000.0f;  // px/s

    explicit PointerInput(bool touch) : touch_(touch) {}

    // Wheel movement, with the DOM's signs (+y scrolls down, +x right): whole and fractional notches, or pages.
    void wheel(float x, float y, bool pages);
    // A real mouse moved or clicked: ImGui's SDL backend drives the pointer again.
    void mouseActivity();
    // Fingers, in ImGui coordinates, `t` in seconds (SDL_GetTicks clock).
    void fingerDown(int64_t id, ImVec2 pos, double t);
    void fingerMove(int64_t id, ImVec2 pos, double t);
    void fingerUp(int64_t id, ImVec2 pos, double t);

    // True when the next iteration must render: a gesture in progress, momentum, a long press due.
    bool needsFrame(double now) const;
    // Between the backend's NewFrame and ImGui::NewFrame: writes the pointer and the wheel into ImGuiIO.
    // Returns true when input was produced (the host then lets ImGui settle).
    bool beforeNewFrame(double now);
    // After ImGui::NewFrame, before the UI: scrolls the panned window (finger or momentum).
    void afterNewFrame(double now);
    bool touchActive() const { return touchMode_; }
    bool gliding() const { return momentum_; }

    // Asked to zoom by `factor` around (x, y) (pinch); true when something there zoomed.
    std::function<bool(float x, float y, float factor)> zoom;

private:
    enum class Mode { Idle, Pending, Panning, LongPressed, Pinching, WaitAllUp };
    struct Finger {
        int64_t id;
        ImVec2 pos;
    };
    struct Sample {
        double t;
        ImVec2 pos;
    };
    struct SyntheticMouse {
        ImVec2 pos;
        int button;  // -1: no button down (the pointer is only there)
    };

    Finger* finger(int64_t id);
    void resolvePanTargets();
    void scrollBy(float dx, float dy);  // pan: content moves with the finger (scroll = -finger delta)
    void applyWheel();
    void startMomentum(ImVec2 upPos, double upTime);

    bool touch_;
    bool touchMode_ = false;  // the last pointer input came from a finger

    // wheel
    float pendingLinesX_ = 0, pendingLinesY_ = 0, pendingPagesX_ = 0, pendingPagesY_ = 0;
    float wheelRemainderX_ = 0, wheelRemainderY_ = 0;
    ImGuiWindow* wheelTargetX_ = nullptr;
    ImGuiWindow* wheelTargetY_ = nullptr;

    // touch
    std::vector<Finger> fingers_;
    Mode mode_ = Mode::Idle;
    ImVec2 start_, last_;
    double startTime_ = 0;
    std::vector<Sample> samples_;
    std::deque<SyntheticMouse> synthetic_;
    bool targetsResolved_ = false;
    ImGuiWindow* panX_ = nullptr;
    ImGuiWindow* panY_ = nullptr;
    ImVec2 scrollPos_;       // the panned windows' wanted scroll positions (fractional)
    ImVec2 pendingPan_;      // scroll delta not yet applied
    bool momentum_ = false;
    ImVec2 velocity_;        // px/s, in scroll direction
    double lastMomentumTime_ = 0;
    float pinchDistance_ = 0;
};

}  // namespace papertide::platform
