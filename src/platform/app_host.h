// The SDL2 window, GL context, ImGui context and Application, driven frame by frame by a main loop
// (main_loop_native.cpp or main_loop_web.cpp). Renders only when something changed: see needsFrame().
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <SDL.h>

#include "pointer_input.h"
#include "ui/application.h"

namespace papertide::platform {

struct HostConfig {
    std::string title = "Papertide 论文潮";
    int width = 1280;
    int height = 800;
    bool gles = false;              // true: GLES 3.0 context (WebGL2); false: desktop GL 3.3 core
    const char* imguiGlslVersion;   // for ImGui_ImplOpenGL3_Init: "#version 300 es" / "#version 330 core"
    std::string fontPath;
    bool vsync = true;
    bool touchGestures = false;     // fingers pan, tap, long-press and pinch (see pointer_input.h); else SDL's own
    // Device pixels per window pixel when known before the window exists (the browser's devicePixelRatio): the
    // font atlas is then built before the GL context. 0: unknown, built once the window says.
    float expectedPixelRatio = 0.0f;
    // Told when a start-up phase ends: "fonts" (the atlas is built) and "window" (window, GL context and ImGui's
    // backends); the browser marks them on the page's timeline for the start-up benchmark. May be null.
    void (*markPhase)(const char* phase) = nullptr;
};

struct Screenshot {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;  // top row first
};

class AppHost {
public:
    // After how many frames without input ImGui has settled (window auto-fit, hover states).
    static constexpr int kSettleFrames = 2;

    AppHost() = default;
    ~AppHost();
    AppHost(const AppHost&) = delete;
    AppHost& operator=(const AppHost&) = delete;

    // Creates window, context, ImGui and the Application; false with a message on failure.
    bool init(const HostConfig& config, ui::PlatformServices& services, std::string& error);
    // After a failed init: it was the window or its GL context (in a browser: no WebGL 2 for the canvas).
    bool graphicsUnavailable() const { return graphicsUnavailable_; }
    ui::Application& app() { return *app_; }

    // Feeds one SDL event to ImGui and schedules frames.
    void handleEvent(const SDL_Event& event);
    // Wheel movement with the DOM's signs (+y scrolls down, +x right), in notches (one mouse-wheel click, fractions
    // from trackpads) or pages. `zoomModifier` (Ctrl, or a trackpad pinch) zooms the timeline under the pointer.
    // SDL_MOUSEWHEEL events come here; the web build also calls it from its own wheel listener.
    void wheel(float x, float y, bool pages, bool zoomModifier);
    // Text pasted from the system clipboard (the web's 'paste' event), typed into the ImGui text field being edited
    // on the next frame. ImGui ignores typed characters while Ctrl/Cmd is held, which it is during Ctrl+V, so that
    // frame sees them released.
    void paste(std::string text);
    // Schedules at least `frames` more frames (state changed from outside: hash, setState, load).
    void requestFrames(int frames = kSettleFrames + 1);
    // True when the next iteration must render: pending input, settling, or the app animates.
    bool needsFrame() const;
    // Renders one frame; with `capture`, reads the finished frame back before presenting it.
    void renderFrame(Screenshot* capture = nullptr);
    // While the corpus loads and no frame is drawn: the GPU side makes what the first frame needs (ImGui's shader
    // and font texture, the timeline's shader), so the first frame does not wait for it. Once; later calls do nothing.
    void prepareGpu();

    long framesRendered() const { return framesRendered_; }
    bool quitRequested() const { return quit_; }
    SDL_Window* window() const { return window_; }

private:
    void updatePixelRatio();
    void markPhase(const char* phase) const {
        if (config_.markPhase) config_.markPhase(phase);
    }

    HostConfig config_;
    SDL_Window* window_ = nullptr;
    SDL_GLContext context_ = nullptr;
    bool imguiReady_ = false;
    bool graphicsUnavailable_ = false;
    bool gpuPrepared_ = false;
    std::unique_ptr<ui::Application> app_;
    int pendingFrames_ = kSettleFrames + 1;
    long framesRendered_ = 0;
    float fontPixelRatio_ = 0.0f;
    bool quit_ = false;
    PointerInput pointer_{false};
    std::string pendingPaste_;
    // ImGui 1.86 samples the keys once a frame: a key pressed and released between two frames (a quick tap, or
    // any key while the machine is busy) would never be seen down. So once a key went down in a frame, every
    // release (the key's own, and a modifier's of a shortcut such as Ctrl+A) waits for the next frame.
    bool keyWentDownThisFrame_ = false;
    std::vector<SDL_Event> deferredKeyUps_;
};

}  // namespace papertide::platform
