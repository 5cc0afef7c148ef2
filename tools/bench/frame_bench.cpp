// papertide-frames: the explorer's frame time while a query is typed into a corpus, in the real native app
// (the same AppHost and Application as `papertide`, so the same ImGui UI; run it under Xvfb on a server).
//   papertide-frames --data DIR [--font FILE] [--type TEXT]... [--width W] [--height H] [--json OUT]
// Each prefix of each typed text is one keystroke: Application::setQuery (the platform's text field does
// exactly that), then one rendered frame (glFinish'ed). Reported per keystroke: wall time of that frame and
// the main thread's CPU time (under llvmpipe the rasterisation runs on other threads).
#define SDL_MAIN_HANDLED
#include <SDL.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app_host.h"
#include "core/text.h"
#include "gfx/gl.h"
#include "io/corpus_files.h"
#include "platform_services_native.h"

#ifndef PAPERTIDE_DEFAULT_FONT_FILE
#define PAPERTIDE_DEFAULT_FONT_FILE ""
#endif

using namespace papertide;

namespace {

double wallMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}
double pct(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t rank = static_cast<size_t>(p / 100.0 * double(v.size()) + 0.999999);
    return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    std::string data, font = PAPERTIDE_DEFAULT_FONT_FILE, json;
    std::vector<std::string> typed;
    int width = 1280, height = 800;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i], v = argv[i + 1];
        if (a == "--data") data = v;
        else if (a == "--font") font = v;
        else if (a == "--type") typed.push_back(v);
        else if (a == "--width") width = std::atoi(v.c_str());
        else if (a == "--height") height = std::atoi(v.c_str());
        else if (a == "--json") json = v;
        else return std::fprintf(stderr, "papertide-frames: unknown option %s\n", a.c_str()), 2;
    }
    if (data.empty()) return std::fprintf(stderr, "usage: papertide-frames --data DIR [--type TEXT]... [--json OUT]\n"), 2;
    if (typed.empty()) typed = {"扩散模型", "language model", "强化学习 robot"};

    SDL_SetMainReady();
    platform::NativePlatformServices services;
    platform::HostConfig config;
    config.width = width;
    config.height = height;
    config.gles = false;
    config.imguiGlslVersion = "#version 330 core";
    config.fontPath = font;
    config.vsync = false;
    platform::AppHost host;
    std::string error;
    if (!host.init(config, services, error)) return std::fprintf(stderr, "papertide-frames: %s\n", error.c_str()), 1;

    double t0 = wallMs();
    std::vector<std::string> ioErrors;
    std::vector<io::SourceFile> files = io::readCorpusDirectory(data, ioErrors);
    host.app().loadCorpus(std::move(files));
    double loadMs = wallMs() - t0;
    // The first frames: window layout, the whole list, the timeline.
    t0 = wallMs();
    host.renderFrame();
    glFinish();
    double firstFrameMs = wallMs() - t0;
    for (int i = 0; i < 5; ++i) host.renderFrame();
    glFinish();

    std::vector<double> idle;
    for (int i = 0; i < 10; ++i) {
        double w = wallMs();
        host.renderFrame();
        glFinish();
        idle.push_back(wallMs() - w);
    }
    std::vector<double> wall, cpu, next;
    std::string perKey;
    for (const std::string& text : typed) {
        size_t pos = 0;
        while (pos < text.size()) {
            core::decodeUtf8(text, pos);
            std::string prefix = text.substr(0, pos);
            double w = wallMs(), c = threadCpuMs();
            host.app().setQuery(prefix);
            host.renderFrame();
            glFinish();
            wall.push_back(wallMs() - w);
            cpu.push_back(threadCpuMs() - c);
            w = wallMs();
            host.renderFrame();  // the frame after (ImGui settles layouts one frame late)
            glFinish();
            next.push_back(wallMs() - w);
            char line[256];
            std::snprintf(line, sizeof line, "%s    {\"typed\": \"%s\", \"frame_ms\": %.2f, \"cpu_ms\": %.2f, \"next_frame_ms\": %.2f}",
                          perKey.empty() ? "" : ",\n", prefix.c_str(), wall.back(), cpu.back(), next.back());
            perKey += line;
        }
        host.app().setQuery("");
        host.renderFrame();
        host.renderFrame();
    }
    std::printf("frame benchmark: %s, %dx%d, software GL under Xvfb when headless\n", data.c_str(), width, height);
    std::printf("  load (read + parse + index)      %9.0f ms\n", loadMs);
    std::printf("  first frame                      %9.1f ms\n", firstFrameMs);
    std::printf("  idle frame p50                   %9.2f ms\n", pct(idle, 50));
    std::printf("  keystroke frame p50 / p99 / max  %9.2f / %.2f / %.2f ms (wall, incl. rendering)\n", pct(wall, 50),
                pct(wall, 99), pct(wall, 100));
    std::printf("  keystroke main-thread CPU p50/p99%9.2f / %.2f ms\n", pct(cpu, 50), pct(cpu, 99));
    std::printf("  frame after a keystroke p50/p99  %9.2f / %.2f ms\n", pct(next, 50), pct(next, 99));
    if (!json.empty()) {
        if (std::FILE* f = std::fopen(json.c_str(), "w")) {
            std::fprintf(f,
                         "{\n  \"data\": \"%s\",\n  \"load_ms\": %.1f,\n  \"first_frame_ms\": %.2f,\n  \"idle_frame_p50_ms\": %.2f,\n"
                         "  \"keystroke_frame_ms\": {\"p50\": %.2f, \"p99\": %.2f, \"max\": %.2f},\n"
                         "  \"keystroke_cpu_ms\": {\"p50\": %.2f, \"p99\": %.2f, \"max\": %.2f},\n"
                         "  \"next_frame_ms\": {\"p50\": %.2f, \"p99\": %.2f},\n  \"keystrokes\": [\n%s\n  ]\n}\n",
                         data.c_str(), loadMs, firstFrameMs, pct(idle, 50), pct(wall, 50), pct(wall, 99), pct(wall, 100),
                         pct(cpu, 50), pct(cpu, 99), pct(cpu, 100), pct(next, 50), pct(next, 99), perKey.c_str());
            std::fclose(f);
        }
    }
    return 0;
}
