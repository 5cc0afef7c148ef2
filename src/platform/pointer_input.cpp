// Wheel scaling and touch gestures for ImGui (see pointer_input.h).
#include "pointer_input.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui_internal.h>

namespace papertide::platform {

namespace {

// The window ImGui 1.86 scrolls for a wheel over `window` (UpdateMouseWheel): up through child windows that
// cannot scroll on that axis or refuse the wheel.
ImGuiWindow* scrollTarget(ImGuiWindow* window, int axis) {
    if (!window || window->Collapsed) return nullptr;
    while ((window->Flags & ImGuiWindowFlags_ChildWindow) &&
           (window->ScrollMax[axis] == 0.0f ||
            ((window->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(window->Flags & ImGuiWindowFlags_NoMouseInputs))))
        window = window->ParentWindow;
    if ((window->Flags & ImGuiWindowFlags_NoScrollWithMouse) || (window->Flags & ImGuiWindowFlags_NoMouseInputs)) return nullptr;
    return window;
}

float lineHeight(const ImGuiWindow* window) { return window->CalcFontSize() + GImGui->Style.ItemSpacing.y; }

float distance(ImVec2 a, ImVec2 b) { return std::sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)); }

}  // namespace

// --- wheel --------------------------------------------------------------------------------------------------------

void PointerInput::wheel(float x, float y, bool pages) {
    touchMode_ = false;
    if (pages) {
        pendingPagesX_ += x;
        pendingPagesY_ += y;
    } else {
        pendingLinesX_ += x * kLinesPerNotch;
        pendingLinesY_ += y * kLinesPerNotch;
    }
}

void PointerInput::applyWheel() {
    if (pendingLinesX_ == 0 && pendingLinesY_ == 0 && pendingPagesX_ == 0 && pendingPagesY_ == 0) return;
    ImGuiContext& g = *GImGui;
    ImGuiIO& io = g.IO;
    // The window ImGui will pick (last frame's hover; the pointer rarely changes window between wheel events).
    ImGuiWindow* over = g.WheelingWindow ? g.WheelingWindow : g.HoveredWindow;
    // Shift turns the vertical wheel horizontal (ImGui then reads io.MouseWheel as horizontal).
    const bool swap = io.KeyShift && !io.ConfigMacOSXBehaviors;
    float linesX = pendingLinesX_, linesY = pendingLinesY_, pagesX = pendingPagesX_, pagesY = pendingPagesY_;
    if (swap) {
        linesX += linesY, pagesX += pagesY;
        linesY = pagesY = 0;
    }
    pendingLinesX_ = pendingLinesY_ = pendingPagesX_ = pendingPagesY_ = 0;

    // ImGui scrolls by wheel * step (step = min(5 font heights, 2/3 of the window) vertically, 2 font heights
    // horizontally) and rounds the result down: hand it whole pixels, +0.5 so the rounding lands on them.
    if (ImGuiWindow* target = scrollTarget(over, 1); target && (linesY != 0 || pagesY != 0)) {
        if (target != wheelTargetY_) wheelRemainderY_ = 0;
        wheelTargetY_ = target;
        wheelRemainderY_ += linesY * lineHeight(target) + pagesY * target->InnerRect.GetHeight() * kPageFraction;
        const float step = std::floor(std::min(5 * target->CalcFontSize(), target->InnerRect.GetHeight() * 0.67f));
        const float whole = std::trunc(wheelRemainderY_);
        if (whole != 0 && step > 0) {
            io.MouseWheel -= (whole + 0.5f) / step;
            wheelRemainderY_ -= whole;
        }
    }
    if (ImGuiWindow* target = scrollTarget(over, 0); target && (linesX != 0 || pagesX != 0)) {
        if (target != wheelTargetX_) wheelRemainderX_ = 0;
        wheelTargetX_ = target;
        wheelRemainderX_ += linesX * lineHeight(target) + pagesX * target->InnerRect.GetWidth() * kPageFraction;
        const float step = std::floor(swap ? std::min(5 * target->CalcFontSize(), target->InnerRect.GetHeight() * 0.67f)
                                           : std::min(2 * target->CalcFontSize(), target->InnerRect.GetWidth() * 0.67f));
        const float whole = std::trunc(wheelRemainderX_);
        if (whole != 0 && step > 0) {
            (swap ? io.MouseWheel : io.MouseWheelH) -= (whole + 0.5f) / step;
            wheelRemainderX_ -= whole;
        }
    }
}

// --- touch --------------------------------------------------------------------------------------------------------

void PointerInput::mouseActivity() {
    if (!touchMode_) return;
    touchMode_ = false;
    fingers_.clear();
    mode_ = Mode::Idle;
    momentum_ = false;
    synthetic_.clear();
}

PointerInput::Finger* PointerInput::finger(int64_t id) {
    for (Finger& f : fingers_)
        if (f.id == id) return &f;
    return nullptr;
}

void PointerInput::fingerDown(int64_t id, ImVec2 pos, double t) {
    if (!touch_) return;
    touchMode_ = true;
    momentum_ = false;  // a touch stops a glide, like everywhere
    if (!finger(id)) fingers_.push_back({id, pos});
    if (fingers_.size() == 1) {
        mode_ = Mode::Pending;
        start_ = last_ = pos;
        startTime_ = t;
        samples_.assign(1, {t, pos});
        targetsResolved_ = false;
        pendingPan_ = ImVec2(0, 0);
    } else if (fingers_.size() == 2 && (mode_ == Mode::Pending || mode_ == Mode::Panning)) {
        mode_ = Mode::Pinching;
        pinchDistance_ = distance(fingers_[0].pos, fingers_[1].pos);
    } else {
        mode_ = Mode::WaitAllUp;  // three fingers, or a second one after a long press: ignore until all lift
    }
}

void PointerInput::fingerMove(int64_t id, ImVec2 pos, double t) {
    Finger* f = touch_ ? finger(id) : nullptr;
    if (!f) return;
    f->pos = pos;
    switch (mode_) {
        case Mode::Pending:
            if (distance(pos, start_) <= kTapSlop) break;
            mode_ = Mode::Panning;
            [[fallthrough]];
        case Mode::Panning:
            pendingPan_.x -= pos.x - last_.x;
            pendingPan_.y -= pos.y - last_.y;
            last_ = pos;
            samples_.push_back({t, pos});
            if (samples_.size() > 12) samples_.erase(samples_.begin());
            break;
        case Mode::Pinching:
            if (fingers_.size() == 2) {
                const float now = distance(fingers_[0].pos, fingers_[1].pos);
                if (pinchDistance_ > 8 && now > 8 && zoom) {
                    const ImVec2 centre((fingers_[0].pos.x + fingers_[1].pos.x) * 0.5f, (fingers_[0].pos.y + fingers_[1].pos.y) * 0.5f);
                    zoom(centre.x, centre.y, now / pinchDistance_);
                }
                pinchDistance_ = now;
            }
            break;
        default:
            break;
    }
}

void PointerInput::fingerUp(int64_t id, ImVec2 pos, double t) {
    if (!touch_ || !finger(id)) return;
    fingers_.erase(std::remove_if(fingers_.begin(), fingers_.end(), [&](const Finger& f) { return f.id == id; }), fingers_.end());
    if (!fingers_.empty()) {
        if (mode_ == Mode::Pinching) mode_ = Mode::WaitAllUp;
        return;
    }
    switch (mode_) {
        case Mode::Pending:
            if (t - startTime_ < kLongPress) {  // a tap: press and release on two frames, then no pointer
                synthetic_.push_back({start_, ImGuiMouseButton_Left});
                synthetic_.push_back({start_, -1});
            }
            break;
        case Mode::Panning: {
            pendingPan_.x -= pos.x - last_.x;
            pendingPan_.y -= pos.y - last_.y;
            startMomentum(pos, t);
            break;
        }
        default:
            break;
    }
    mode_ = Mode::Idle;
}

// The release velocity, from the movement just before the finger lifted. Browsers send touchmove at most once per
// displayed frame, so on a slow device (or a software-rendered test browser) moves arrive far apart: "the last
// 100 ms" stretches to a few of those intervals, and the finger counts as having rested (no glide) only when it
// lifted clearly later than the moves had been coming.
void PointerInput::startMomentum(ImVec2 upPos, double upTime) {
    if (upPos.x != samples_.back().pos.x || upPos.y != samples_.back().pos.y) samples_.push_back({upTime, upPos});
    if (samples_.size() < 2) return;
    std::vector<double> gaps;
    for (size_t i = 1; i < samples_.size(); ++i) gaps.push_back(samples_[i].t - samples_[i - 1].t);
    std::sort(gaps.begin(), gaps.end());
    const double typical = gaps[gaps.size() / 2];
    const Sample& newest = samples_.back();
    if (upTime - newest.t > std::max(0.1, 2.5 * typical)) return;  // rested before lifting
    const double window = std::max(0.1, 3.0 * typical);
    const Sample* oldest = &newest;
    for (const Sample& s : samples_)
        if (newest.t - s.t <= window) {
            oldest = &s;
            break;
        }
    const double dt = newest.t - oldest->t;
    if (dt < 0.005) return;
    velocity_ = ImVec2(-(newest.pos.x - oldest->pos.x) / float(dt), -(newest.pos.y - oldest->pos.y) / float(dt));
    velocity_.x = std::clamp(velocity_.x, -kMaxVelocity, kMaxVelocity);
    velocity_.y = std::clamp(velocity_.y, -kMaxVelocity, kMaxVelocity);
    momentum_ = std::hypot(velocity_.x, velocity_.y) > kMinVelocity * 3;
    lastMomentumTime_ = upTime;
}

bool PointerInput::needsFrame(double now) const {
    if (pendingLinesX_ != 0 || pendingLinesY_ != 0 || pendingPagesX_ != 0 || pendingPagesY_ != 0) return true;
    if (!touchMode_) return false;
    return !synthetic_.empty() || momentum_ || pendingPan_.x != 0 || pendingPan_.y != 0 ||
           (mode_ == Mode::Pending && now - startTime_ >= kLongPress);
}

bool PointerInput::beforeNewFrame(double now) {
    ImGuiIO& io = ImGui::GetIO();
    const bool wheeled = pendingLinesX_ != 0 || pendingLinesY_ != 0 || pendingPagesX_ != 0 || pendingPagesY_ != 0;
    applyWheel();
    if (!touchMode_) return wheeled;

    if (mode_ == Mode::Pending && now - startTime_ >= kLongPress) {  // held still: a right click (context menu)
        mode_ = Mode::LongPressed;
        synthetic_.push_back({start_, ImGuiMouseButton_Right});
        synthetic_.push_back({start_, -1});
    }
    for (bool& down : io.MouseDown) down = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    bool active = false;
    if (!synthetic_.empty()) {
        const SyntheticMouse m = synthetic_.front();
        synthetic_.pop_front();
        io.MousePos = m.pos;
        if (m.button >= 0) io.MouseDown[m.button] = true;
        active = true;
    } else if (mode_ == Mode::Pending || mode_ == Mode::LongPressed) {
        io.MousePos = start_;  // the finger rests: what is under it shows as hovered
    } else if (!targetsResolved_ && (mode_ == Mode::Panning || momentum_ || pendingPan_.x != 0 || pendingPan_.y != 0)) {
        io.MousePos = start_;  // once, so ImGui finds the window under the finger
    }
    return active || momentum_ || pendingPan_.x != 0 || pendingPan_.y != 0 || wheeled;
}

void PointerInput::resolvePanTargets() {
    ImGuiWindow* over = GImGui->HoveredWindow;
    panX_ = scrollTarget(over, 0);
    panY_ = scrollTarget(over, 1);
    scrollPos_ = ImVec2(panX_ ? panX_->Scroll.x : 0.0f, panY_ ? panY_->Scroll.y : 0.0f);
    targetsResolved_ = true;
}

void PointerInput::scrollBy(float dx, float dy) {
    if (panX_ && dx != 0) {
        scrollPos_.x = std::clamp(scrollPos_.x + dx, 0.0f, panX_->ScrollMax.x);
        ImGui::SetScrollX(panX_, std::round(scrollPos_.x));
    }
    if (panY_ && dy != 0) {
        scrollPos_.y = std::clamp(scrollPos_.y + dy, 0.0f, panY_->ScrollMax.y);
        ImGui::SetScrollY(panY_, std::round(scrollPos_.y));
    }
}

void PointerInput::afterNewFrame(double now) {
    if (!touchMode_) return;
    if ((mode_ == Mode::Panning || momentum_ || pendingPan_.x != 0 || pendingPan_.y != 0) && !targetsResolved_)
        resolvePanTargets();
    if (pendingPan_.x != 0 || pendingPan_.y != 0) {
        scrollBy(pendingPan_.x, pendingPan_.y);
        pendingPan_ = ImVec2(0, 0);
    }
    if (!momentum_) return;
    const float dt = float(std::clamp(now - lastMomentumTime_, 0.0, 0.1));
    lastMomentumTime_ = now;
    const ImVec2 before = scrollPos_;
    scrollBy(velocity_.x * dt, velocity_.y * dt);
    const float decay = std::exp(-dt / kMomentumTau);
    // An axis that hit its end (or has nothing to scroll) stops there.
    velocity_.x = (panX_ && scrollPos_.x != before.x) || dt == 0 ? velocity_.x * decay : 0.0f;
    velocity_.y = (panY_ && scrollPos_.y != before.y) || dt == 0 ? velocity_.y * decay : 0.0f;
    if (std::hypot(velocity_.x, velocity_.y) < kMinVelocity) momentum_ = false;
}

}  // namespace papertide::platform
