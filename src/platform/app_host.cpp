// SDL2 + OpenGL + Dear ImGui set-up and the per-frame work shared by the native and web main loops.
#include "app_host.h"

#include <cstdio>

#include "io/corpus_files.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "gfx/gl.h"

namespace papertide::platform {

AppHost::~AppHost() {
    app_.reset();
    if (imguiReady_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
    }
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    if (context_) SDL_GL_DeleteContext(context_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

namespace {
// Fonts are rasterised for 1, 1.25, 1.5, ... 4 device pixels per window pixel.
float fontRatio(float devicePixelsPerPixel) { return std::clamp(std::round(devicePixelsPerPixel * 4.0f) / 4.0f, 1.0f, 4.0f); }
}  // namespace

bool AppHost::init(const HostConfig& config, ui::PlatformServices& services, std::string& error) {
    config_ = config;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("SDL_Init failed: ") + SDL_GetError();
        return false;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the UI may persist layout through PlatformServices instead
    app_ = std::make_unique<ui::Application>(services);
    // The font atlas is CPU work only. Where the pixel ratio is known before the window (in the browser), it is
    // built first: the GPU side starts up meanwhile, which the first GL calls below would otherwise wait for.
    if (config.expectedPixelRatio > 0) {
        fontPixelRatio_ = fontRatio(config.expectedPixelRatio);
        app_->setupFonts(config_.fontPath, fontPixelRatio_);
        markPhase("fonts");
    }
    if (config.gles) {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    } else {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    }
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);

    const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    window_ = SDL_CreateWindow(config.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                               config.width, config.height, flags);
    if (!window_) {
        graphicsUnavailable_ = true;
        error = std::string("SDL_CreateWindow failed: ") + SDL_GetError();
        return false;
    }
    context_ = SDL_GL_CreateContext(window_);
    if (!context_) {
        graphicsUnavailable_ = true;
        error = std::string(config.gles ? "WebGL2 / OpenGL ES 3.0" : "OpenGL 3.3") +
                " context creation failed: " + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(window_, context_);
    SDL_GL_SetSwapInterval(config.vsync ? 1 : 0);

    if (!ImGui_ImplSDL2_InitForOpenGL(window_, context_) || !ImGui_ImplOpenGL3_Init(config.imguiGlslVersion)) {
        error = "Dear ImGui backend initialisation failed";
        return false;
    }
    imguiReady_ = true;
    markPhase("window");

    pointer_ = PointerInput(config.touchGestures);
    pointer_.zoom = [this](float x, float y, float factor) { return app_->zoomAt(x, y, factor); };
    updatePixelRatio();
    return true;
}

void AppHost::updatePixelRatio() {
    int windowW = 0, windowH = 0, drawableW = 0, drawableH = 0;
    SDL_GetWindowSize(window_, &windowW, &windowH);
    SDL_GL_GetDrawableSize(window_, &drawableW, &drawableH);
    const float ratio = fontRatio(windowW > 0 ? static_cast<float>(drawableW) / static_cast<float>(windowW) : 1.0f);
    if (ratio == fontPixelRatio_) return;
    const bool rebuild = fontPixelRatio_ != 0.0f;
    fontPixelRatio_ = ratio;
    app_->setupFonts(config_.fontPath, ratio);
    if (rebuild) {  // the atlas was built for another ratio (and maybe uploaded already)
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void AppHost::wheel(float x, float y, bool pages, bool zoomModifier) {
    requestFrames();
    if (zoomModifier) {  // over the timeline: zoom its months, 25% a notch; elsewhere nothing (not the page zoom)
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        if (!pages && y != 0) app_->zoomAt(mouse.x, mouse.y, std::pow(1.25f, -y));
        return;
    }
    pointer_.wheel(x, y, pages);
}

void AppHost::paste(std::string text) {
    pendingPaste_ += text;
    requestFrames();
}

void AppHost::handleEvent(const SDL_Event& event) {
    if (event.type == SDL_MOUSEWHEEL) {  // not ImGui's backend: it rounds to whole notches
        float x = event.wheel.preciseX, y = event.wheel.preciseY;
        if (event.wheel.direction == SDL_MOUSEWHEEL_FLIPPED) x = -x, y = -y;
        wheel(x, -y, false, (SDL_GetModState() & KMOD_CTRL) != 0);  // SDL's +y scrolls up
        return;
    }
    if (event.type == SDL_KEYUP && keyWentDownThisFrame_) {
        deferredKeyUps_.push_back(event);  // replayed after the frame that sees the key (and its modifiers) down
        return;
    }
    if (event.type == SDL_KEYDOWN) keyWentDownThisFrame_ = true;
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) {
        // The modifiers as they were with this key, not as they are when the queue is read (Ctrl may be up by then).
        const Uint16 mod = event.key.keysym.mod;
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = (mod & KMOD_CTRL) != 0;
        io.KeyShift = (mod & KMOD_SHIFT) != 0;
        io.KeyAlt = (mod & KMOD_ALT) != 0;
        io.KeySuper = (mod & KMOD_GUI) != 0;
    }
    int windowW = 0, windowH = 0;
    switch (event.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        SDL_GetWindowSize(window_, &windowW, &windowH);
        const ImVec2 pos(event.tfinger.x * float(windowW), event.tfinger.y * float(windowH));
        const double t = event.tfinger.timestamp / 1000.0;
        if (event.type == SDL_FINGERDOWN) pointer_.fingerDown(event.tfinger.fingerId, pos, t);
        else if (event.type == SDL_FINGERMOTION) pointer_.fingerMove(event.tfinger.fingerId, pos, t);
        else pointer_.fingerUp(event.tfinger.fingerId, pos, t);
        break;
    }
    case SDL_MOUSEMOTION:
        if (event.motion.which != SDL_TOUCH_MOUSEID) pointer_.mouseActivity();
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (event.button.which != SDL_TOUCH_MOUSEID) pointer_.mouseActivity();
        break;
    case SDL_KEYDOWN: {  // the paper card's find bar: Ctrl/Cmd+F opens it, F3 / Ctrl/Cmd+G step (Shift: back)
        const SDL_Keycode key = event.key.keysym.sym;
        const bool command = (event.key.keysym.mod & (KMOD_CTRL | KMOD_GUI)) != 0;
        const int direction = (event.key.keysym.mod & KMOD_SHIFT) ? -1 : 1;
        if (command && key == SDLK_f) app_->openFind();
        else if (key == SDLK_F3 || (command && key == SDLK_g)) app_->findStep(direction);
        break;
    }
    default:
        break;
    }
    switch (event.type) {
    case SDL_QUIT:
        quit_ = true;
        break;
    case SDL_DROPFILE:  // a digest or a reading list dropped on the window
        if (event.drop.file) {
            io::SourceFile file;
            std::string error;
            if (io::readFile(event.drop.file, file, error)) app_->receiveFile(file.name, std::move(file.bytes));
            else std::fprintf(stderr, "papertide: %s\n", error.c_str());
            SDL_free(event.drop.file);
        }
        break;
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_CLOSE) quit_ = true;
        if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || event.window.event == SDL_WINDOWEVENT_RESIZED ||
            event.window.event == SDL_WINDOWEVENT_DISPLAY_CHANGED) {
            updatePixelRatio();
        }
        break;
    default:
        break;
    }
    requestFrames();
}

void AppHost::requestFrames(int frames) { pendingFrames_ = std::max(pendingFrames_, frames); }

bool AppHost::needsFrame() const {
    return pendingFrames_ > 0 || (app_ && app_->wantsAnotherFrame()) || pointer_.needsFrame(SDL_GetTicks() / 1000.0);
}

void AppHost::prepareGpu() {
    if (gpuPrepared_) return;
    gpuPrepared_ = true;
    // ImGui's objects first: its backend waits for each shader's compile status, and each wait is for everything
    // sent before it. The timeline's program, sent after, is checked only in the first frame: the GPU process
    // builds it while the page reads the corpus.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    app_->prepareGpu();
}

void AppHost::renderFrame(Screenshot* capture) {
    const double now = SDL_GetTicks() / 1000.0;
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    if (pointer_.beforeNewFrame(now)) requestFrames();
    if (!pendingPaste_.empty()) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddInputCharactersUTF8(pendingPaste_.c_str());
        io.KeyCtrl = io.KeySuper = false;
        pendingPaste_.clear();
    }
    ImGui::NewFrame();
    pointer_.afterNewFrame(now);
    app_->drawFrame();
    ImGui::Render();

    int width = 0, height = 0;
    SDL_GL_GetDrawableSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (capture) {
        capture->width = width;
        capture->height = height;
        capture->rgba.assign(static_cast<size_t>(width) * static_cast<size_t>(height) * 4, 0);
        std::vector<uint8_t> bottomUp(capture->rgba.size());
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottomUp.data());
        const size_t row = static_cast<size_t>(width) * 4;
        for (int y = 0; y < height; ++y) {
            std::copy_n(bottomUp.data() + static_cast<size_t>(height - 1 - y) * row, row,
                        capture->rgba.data() + static_cast<size_t>(y) * row);
        }
    }
    SDL_GL_SwapWindow(window_);
    ++framesRendered_;
    if (pendingFrames_ > 0) --pendingFrames_;
    keyWentDownThisFrame_ = false;
    if (!deferredKeyUps_.empty()) {  // this frame saw those keys down: now they go up, in the next one
        std::vector<SDL_Event> ups;
        ups.swap(deferredKeyUps_);
        for (const SDL_Event& up : ups) handleEvent(up);
        requestFrames();
    }
}

}  // namespace papertide::platform
