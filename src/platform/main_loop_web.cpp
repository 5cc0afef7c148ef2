// The browser entry point: WebGL2 via SDL2, a requestAnimationFrame loop that renders only when needed,
// and the C functions web/papertide-shell.js calls (window.papertide.state / setState / hash changes).
#define SDL_MAIN_HANDLED
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>

#include "app_host.h"
#include "io/corpus_files.h"
#include "papertide_build_config.h"
#include "platform_services_web.h"
#include "web_bridge.h"

using namespace papertide;

namespace {

struct WebApp {
    platform::WebPlatformServices services;
    platform::AppHost host;
    bool readySignalled = false;
    std::string stateBuffer;  // keeps papertide_state_json's result alive until the next call
};

// The one instance the JS entry points reach. Heap-allocated and never freed: after
// emscripten_set_main_loop_arg(..., true) main() never returns normally, so nothing may live on its stack.
WebApp* g_app = nullptr;

void frame(void* arg) {
    WebApp& app = *static_cast<WebApp*>(arg);
    SDL_Event event;
    while (SDL_PollEvent(&event)) app.host.handleEvent(event);
    if (!app.host.needsFrame()) return;  // idle: leave the last frame on the canvas
    app.host.renderFrame();
    if (!app.readySignalled) {
        app.readySignalled = true;
        papertide_js_ready();
    }
}

// ImGui's own copy (Ctrl+C in a text field) also reaches the system clipboard.
void setClipboardText(void*, const char* text) {
    SDL_SetClipboardText(text);
    if (g_app) g_app->services.copyToClipboard(text);
}

}  // namespace

extern "C" {

// window.papertide.state(): Application::stateJson with the number of frames actually rendered.
EMSCRIPTEN_KEEPALIVE const char* papertide_state_json() {
    if (!g_app) return "{}";
    g_app->stateBuffer = g_app->host.app().stateJson(g_app->host.framesRendered());
    return g_app->stateBuffer.c_str();
}

// window.papertide.setState(partial): returns 1 when the JSON was accepted.
EMSCRIPTEN_KEEPALIVE int papertide_apply_state(const char* json) {
    if (!g_app) return 0;
    const bool ok = g_app->host.app().applyStateJson(json ? json : "");
    g_app->host.requestFrames();
    return ok ? 1 : 0;
}

// window.papertide.openLink(url): opens http(s) links only (used by page-side links and tests).
EMSCRIPTEN_KEEPALIVE int papertide_open_link(const char* url) {
    return g_app && g_app->host.app().openLink(url ? url : "") ? 1 : 0;
}

// A file the reader chose or dropped on the page (web/papertide-shell.js reads it).
EMSCRIPTEN_KEEPALIVE void papertide_receive_file(const char* name, const char* text) {
    if (!g_app) return;
    g_app->host.app().receiveFile(name ? name : "file.json", text ? text : "");
    g_app->host.requestFrames();
}

// A digest the reader added on an earlier visit, read back from IndexedDB before start-up.
EMSCRIPTEN_KEEPALIVE void papertide_restore_user_digest(const char* name, const char* text) {
    if (!g_app) return;
    std::vector<io::SourceFile> files;
    files.push_back({name ? name : "digest.json", text ? text : ""});
    g_app->host.app().restoreUserDigests(std::move(files));
}

// The search <input> changed (typing, IME composition committed, paste).
EMSCRIPTEN_KEEPALIVE void papertide_set_query(const char* text) {
    if (!g_app) return;
    g_app->host.app().setQuery(text ? text : "");
    g_app->host.requestFrames();
}

// hashchange / popstate: the URL hash changed outside the app (back/forward, an edited link).
EMSCRIPTEN_KEEPALIVE void papertide_apply_location_hash(const char* hash) {
    if (!g_app) return;
    g_app->host.app().applyLocationHash(hash ? hash : "");
    g_app->host.requestFrames();
}

// Anything else on the page that wants a redraw (e.g. after the container was resized).
EMSCRIPTEN_KEEPALIVE void papertide_request_frames() {
    if (g_app) g_app->host.requestFrames();
}

EMSCRIPTEN_KEEPALIVE double papertide_frames_rendered() {
    return g_app ? static_cast<double>(g_app->host.framesRendered()) : 0.0;
}

}  // extern "C"

int main() {
    SDL_SetMainReady();
    // Keys go to the app only while the canvas has focus, so browser shortcuts keep working elsewhere.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");

    g_app = new WebApp();
    platform::HostConfig config;
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    if (cssWidth >= 1 && cssHeight >= 1) {
        config.width = static_cast<int>(cssWidth);
        config.height = static_cast<int>(cssHeight);
    }
    config.gles = true;
    config.imguiGlslVersion = "#version 300 es";
    config.fontPath = PAPERTIDE_DEFAULT_FONT_FILE;
    std::string error;
    if (!g_app->host.init(config, g_app->services, error)) {
        papertide_js_fatal(error.c_str());
        return 1;
    }
    ImGui::GetIO().SetClipboardTextFn = setClipboardText;

    std::vector<std::string> loadErrors;
    std::vector<io::SourceFile> files = io::readCorpusDirectory(PAPERTIDE_DEFAULT_DATA_DIR, loadErrors);
    for (const std::string& message : loadErrors) g_app->services.warn(message);
    g_app->host.app().loadCorpus(std::move(files));
    papertide_js_deliver_restored_digests();

    if (char* hash = papertide_js_location_hash()) {
        if (*hash) g_app->host.app().applyLocationHash(hash);
        std::free(hash);
    }

    emscripten_set_main_loop_arg(frame, g_app, 0, true);  // requestAnimationFrame; never returns
    return 0;
}
