// The browser entry point: WebGL2 via SDL2, a requestAnimationFrame loop that renders only when needed,
// and the C functions the page calls (declared in web/shell/bridge.js EXPORTS, reached only through it).
#define SDL_MAIN_HANDLED
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/stack.h>

#include <malloc.h>

#include <cstdlib>
#include <string>
#include <vector>

#include <imgui.h>

#include "app_host.h"
#include "core/json_reader.h"
#include "papertide_build_config.h"
#include "platform_services_web.h"
#include "web_bridge.h"

using namespace papertide;

namespace {

struct WebApp {
    platform::WebPlatformServices services;
    platform::AppHost host;
    bool readySignalled = false;
    bool dataMarked = false;
    bool corpusSettled = false;  // the snapshot download has ended (papertide_corpus_ready)
    std::string stateBuffer;  // keeps papertide_state_json's result alive until the next call
};

// The one instance the JS entry points reach. Heap-allocated and never freed: after
// emscripten_set_main_loop_arg(..., true) main() never returns normally, so nothing may live on its stack.
WebApp* g_app = nullptr;

void frame(void* arg) {
    WebApp& app = *static_cast<WebApp*>(arg);
    SDL_Event event;
    while (SDL_PollEvent(&event)) app.host.handleEvent(event);
    if (!app.readySignalled && app.host.app().loading()) {  // the first frame shows the whole corpus
        app.host.prepareGpu();  // meanwhile the GPU side compiles what that frame needs
        if (!app.corpusSettled) app.services.readArrivingSnapshot();  // reading overlaps the download
        return;
    }
    if (!app.host.needsFrame()) return;  // idle: leave the last frame on the canvas
    app.host.renderFrame();
    if (!app.readySignalled) {
        app.readySignalled = true;
        papertide_js_mark("first-frame");
        papertide_js_ready();
    }
}

// The "data" phase ends once the whole corpus is in: at start-up from a snapshot, or when fetched files arrived.
void markDataOnce(WebApp& app) {
    if (app.dataMarked || app.host.app().loading()) return;
    app.dataMarked = true;
    papertide_js_mark("data");
}

// ImGui's own copy (Ctrl+C in a text field) also reaches the system clipboard.
void setClipboardText(void*, const char* text) {
    SDL_SetClipboardText(text);
    if (g_app) g_app->services.copyToClipboard(text);
}

// ImGui's own paste (Ctrl+V) would read SDL's private clipboard: nothing. The real clipboard arrives with the
// page's 'paste' event instead (papertide_paste), which the shell lets happen for Ctrl/Cmd+V.
const char* getClipboardText(void*) { return ""; }

// The browser's wheel, read here rather than through SDL: SDL 2.26 (SDL_emscriptenevents.c) divides deltaY by 100
// for pixels and by 3 for lines but multiplies pages by 80, and passes deltaX through unscaled.
EM_BOOL onWheel(int, const EmscriptenWheelEvent* event, void* user) {
    WebApp& app = *static_cast<WebApp*>(user);
    float x = float(event->deltaX), y = float(event->deltaY);
    bool pages = false;
    switch (event->deltaMode) {
        case DOM_DELTA_PIXEL: x /= 100.0f, y /= 100.0f; break;  // Chromium: 100 px a notch
        case DOM_DELTA_LINE: x /= 3.0f, y /= 3.0f; break;       // Firefox: 3 lines a notch
        case DOM_DELTA_PAGE: pages = true; break;
        default: break;
    }
    app.host.wheel(x, y, pages, event->mouse.ctrlKey != 0);  // Ctrl: also what a trackpad pinch reports
    return EM_TRUE;  // the page itself never scrolls or zooms under the app
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

// A file the reader chose or dropped on the page (web/shell/files.js reads it).
EMSCRIPTEN_KEEPALIVE void papertide_receive_file(const char* name, const char* text) {
    if (!g_app) return;
    g_app->host.app().receiveFile(name ? name : "file.json", text ? text : "");
    g_app->host.requestFrames();
}

// An HTML article the page's DOMParser turned into lines (web/shell/article-lines.js): to the draft.
EMSCRIPTEN_KEEPALIVE void papertide_receive_article_lines(const char* name, const char* linesJson) {
    if (!g_app) return;
    g_app->host.app().receiveArticleLines(name ? name : "article.html", linesJson ? linesJson : "");
    g_app->host.requestFrames();
}

// The article <textarea> of "New digest from article…" changed; `linesJson` is not empty when it holds HTML.
EMSCRIPTEN_KEEPALIVE void papertide_set_article_text(const char* text, const char* linesJson) {
    if (!g_app) return;
    g_app->host.app().setArticleText(text ? text : "", linesJson ? linesJson : "");
    g_app->host.requestFrames();
}

// The corpus download has settled: the snapshot is read (or, without a usable one, the digest files are asked for
// and the first frame waits for them); a reader's kept digests are merged on top of it (AppModel).
EMSCRIPTEN_KEEPALIVE void papertide_corpus_ready() {
    if (!g_app) return;
    papertide_js_mark("corpus-in");  // the download has settled: from here to "data" is reading the rest in
    g_app->corpusSettled = true;
    ui::Application& model = g_app->host.app();
    core::Snapshot snapshot;
    std::string why;
    if (g_app->services.readBundledSnapshot(snapshot, why)) {
        model.loadSnapshot(std::move(snapshot));
    } else if (g_app->services.snapshotTooLarge()) {  // the JSON would need more memory still
        papertide_js_fatal(("This corpus is too large for a browser tab. " + why).c_str());
        return;
    } else {
        if (!why.empty()) g_app->services.warn("data/corpus.snapshot is not used: " + why + "; reading the digest files instead");
        model.fetchBundledFiles();
    }
    model.restoreUserDigests(g_app->services.loadUserDigests());
    markDataOnce(*g_app);
    g_app->host.requestFrames();
}

// One bundled file fetched on the app's request (AppServices::requestBundledFiles).
EMSCRIPTEN_KEEPALIVE void papertide_bundled_file(const char* name, const char* text) {
    if (!g_app || !name) return;
    g_app->host.app().receiveBundledFile({name, text ? text : ""});
}

// The last of them is in; `problems`: one line per file that could not be fetched (empty when none).
EMSCRIPTEN_KEEPALIVE void papertide_bundled_files_done(const char* problems) {
    if (!g_app) return;
    std::string_view rest = problems ? problems : "";
    while (!rest.empty()) {
        const size_t end = rest.find('\n');
        if (end != 0) g_app->services.warn(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    g_app->host.app().bundledFilesDone();
    markDataOnce(*g_app);
    g_app->host.requestFrames();
}

// window.papertide.memory(): the bytes in use of the wasm memory (its size, which never shrinks, is the peak).
EMSCRIPTEN_KEEPALIVE double papertide_heap_in_use() { return double(mallinfo().uordblks); }
// ... and the bytes below the heap: the static data and the C stack above it (it grows down from its base, its
// highest address), which stay whatever the corpus.
EMSCRIPTEN_KEEPALIVE double papertide_memory_below_heap() { return double(emscripten_stack_get_base()); }

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

// The paper card's find field (an <input> of the shell): its text, Enter / Shift+Enter / F3, Escape.
EMSCRIPTEN_KEEPALIVE void papertide_set_find(const char* text) {
    if (!g_app) return;
    g_app->host.app().setFindQuery(text ? text : "");
    g_app->host.requestFrames();
}

EMSCRIPTEN_KEEPALIVE void papertide_find_step(int direction) {
    if (!g_app) return;
    g_app->host.app().findStep(direction < 0 ? -1 : 1);
    g_app->host.requestFrames();
}

EMSCRIPTEN_KEEPALIVE void papertide_find_close() {
    if (!g_app) return;
    g_app->host.app().closeFind();
    g_app->host.requestFrames();
}

// 1 while an ImGui text field is being edited (the shell then leaves Ctrl+A/C/X/Z... to it).
EMSCRIPTEN_KEEPALIVE int papertide_wants_text_input() { return g_app && ImGui::GetIO().WantTextInput ? 1 : 0; }

// Text from the page's 'paste' event: typed into the ImGui text field being edited. 1 when it was used.
EMSCRIPTEN_KEEPALIVE int papertide_paste(const char* text) {
    if (!g_app || !text || !ImGui::GetIO().WantTextInput) return 0;
    g_app->host.paste(text);
    return 1;
}

// The page's one URL rule is the app's (web/shell/bridge.js isSafeHttpUrl): 1 for a plain http(s) URL.
EMSCRIPTEN_KEEPALIVE int papertide_is_safe_url(const char* url) { return url && core::isSafeHttpUrl(url) ? 1 : 0; }

}  // extern "C"

// Start-up phases are marked on the page's performance timeline (docs/BENCHMARKS.md "Start-up against the floor").
int main() {
    papertide_js_mark("main");  // the wasm is compiled and instantiated, the preloaded files are in MEMFS
    SDL_SetMainReady();
    // Keys go to the app only while the canvas has focus, so browser shortcuts keep working elsewhere.
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    // Fingers are turned into ImGui input by PointerInput (taps, pans, long presses, pinches), so SDL must not
    // also make mouse events of them. (SDL cancels touchstart/touchend, so the browser sends no mouse events either.)
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");

    g_app = new WebApp();
    platform::HostConfig config;
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    if (cssWidth >= 1 && cssHeight >= 1) {
        config.width = static_cast<int>(cssWidth);
        config.height = static_cast<int>(cssHeight);
    }
    config.gles = true;
    config.touchGestures = true;
    config.imguiGlslVersion = "#version 300 es";
    config.fontPath = PAPERTIDE_DEFAULT_FONT_FILE;
    config.expectedPixelRatio = static_cast<float>(emscripten_get_device_pixel_ratio());  // SDL's own ratio (ALLOW_HIGHDPI)
    config.markPhase = papertide_js_mark;  // "fonts", "window": the start-up benchmark's phases
    std::string error;
    if (!g_app->host.init(config, g_app->services, error)) {
        papertide_js_abandon_snapshot();  // the download started with the page; nothing will read it
        if (g_app->host.graphicsUnavailable()) {
            papertide_js_no_graphics(error.c_str());
        } else {
            papertide_js_fatal(error.c_str());
        }
        return 1;
    }
    papertide_js_mark("window-fonts");  // SDL window, WebGL2 context, ImGui and the font atlas
    ImGui::GetIO().SetClipboardTextFn = setClipboardText;
    ImGui::GetIO().GetClipboardTextFn = getClipboardText;
    SDL_EventState(SDL_MOUSEWHEEL, SDL_IGNORE);
    emscripten_set_wheel_callback("#canvas", g_app, EM_TRUE, onWheel);

    papertide_js_when_corpus_ready();  // the corpus arrives through papertide_corpus_ready; frames wait for it

    if (char* hash = papertide_js_location_hash()) {
        if (*hash) g_app->host.app().applyLocationHash(hash);
        std::free(hash);
    }

    emscripten_set_main_loop_arg(frame, g_app, 0, true);  // requestAnimationFrame; never returns
    return 0;
}
