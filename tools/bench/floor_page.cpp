// The floor of start-up for this stack (issue #17): Dear ImGui 1.86 + SDL2 + WebGL2 built from the same Debian
// sources with the same flags as the app, the same font subset through the same atlas code (ui/fonts.cpp), one
// window and nothing else. It marks when its first frame is on the canvas (performance mark "floor:first-frame"),
// which bench/startup.mjs compares with Papertide's "papertide:first-frame". Never part of the site.
#include <SDL.h>
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cmath>

#include "ui/fonts.h"

namespace {

SDL_Window* window = nullptr;
bool marked = false;

void frame() {
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("Papertide floor", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::TextUnformatted("Papertide 论文潮: a bare Dear ImGui page, one window");
    ImGui::End();
    ImGui::Render();
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.1f, 0.1f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    SDL_GL_SwapWindow(window);
    if (!marked) {
        marked = true;
        EM_ASM(performance.mark('floor:first-frame'));
    }
}

}  // namespace

int main() {
    EM_ASM(performance.mark('floor:main'));
    SDL_SetMainReady();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) return 1;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    double cssW = 1280, cssH = 800;
    emscripten_get_element_css_size("#canvas", &cssW, &cssH);
    window = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, int(cssW), int(cssH),
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext context = window ? SDL_GL_CreateContext(window) : nullptr;
    if (!context) return 1;
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplSDL2_InitForOpenGL(window, context);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    EM_ASM(performance.mark('floor:window'));
    int windowW = 0, drawableW = 0, unused = 0;
    SDL_GetWindowSize(window, &windowW, &unused);
    SDL_GL_GetDrawableSize(window, &drawableW, &unused);
    const float ratio = windowW > 0 ? std::clamp(std::round(4.0f * drawableW / windowW) / 4.0f, 1.0f, 4.0f) : 1.0f;
    papertide::ui::buildFontAtlas("/fonts/papertide-font.ttf", ratio);  // as AppHost does, at the same ratio
    EM_ASM(performance.mark('floor:fonts'));
    EM_ASM(performance.mark('floor:window-fonts'));
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
