// The desktop entry point: CLI subcommands, or an SDL2 + OpenGL 3.3 window with an event-driven loop.
#define SDL_MAIN_HANDLED
#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "app_host.h"
#include "cli/cli.h"
#include "gfx/shader_program.h"
#include "gfx/shader_sources.h"
#include "io/corpus_files.h"
#include "options.h"
#include "papertide_build_config.h"
#include "platform_services_native.h"
#include "png_writer.h"

using namespace papertide;

int main(int argc, char** argv) {
    if (cli::isCommand(argc, argv)) return cli::run(argc, argv, PAPERTIDE_DEFAULT_DATA_DIR);

    platform::Options options;
    options.dataDir = PAPERTIDE_DEFAULT_DATA_DIR;
    options.fontPath = PAPERTIDE_DEFAULT_FONT_FILE;
    std::string error;
    if (!platform::parseOptions(argc, argv, options, error)) {
        std::fprintf(stderr, "papertide: %s\n%s", error.c_str(), platform::optionsUsage());
        return 2;
    }
    if (options.help) {
        std::fputs(platform::optionsUsage(), stdout);
        return 0;
    }

    SDL_SetMainReady();
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    platform::NativePlatformServices services;
    platform::HostConfig config;
    config.width = options.width;
    config.height = options.height;
    config.gles = false;
    config.imguiGlslVersion = "#version 330 core";
    config.fontPath = options.fontPath;
    platform::AppHost host;
    if (!host.init(config, services, error)) {
        std::fprintf(stderr, "papertide: %s\n", error.c_str());
        return 1;
    }

    if (options.checkShaders) {
        std::string log;
        const int failures = gfx::checkAllShaders(log);
        std::fputs(log.c_str(), stderr);
        int programs = 0;
        for (std::string_view name : gfx::shaderNames()) programs += name.ends_with(".vert") ? 1 : 0;
        std::printf("shaders: %d program(s) checked, %d failed\n", programs, failures);
        return failures == 0 ? 0 : 1;
    }

    std::vector<std::string> loadErrors;
    std::vector<io::SourceFile> files = io::readCorpusDirectory(options.dataDir, loadErrors);
    for (const std::string& message : loadErrors) services.warn(message);
    host.app().loadCorpus(std::move(files));
    host.app().restoreUserDigests(services.loadUserDigests());
    if (!options.state.empty()) {
        services.writeLocationHash(options.state, false);
        host.app().applyLocationHash(options.state);
    }
    for (const std::string& path : options.drops) {  // the same path as SDL_DROPFILE (AppHost::handleEvent)
        io::SourceFile file;
        if (io::readFile(path, file, error)) host.app().receiveFile(file.name, std::move(file.bytes));
        else std::fprintf(stderr, "papertide: %s\n", error.c_str());
    }

    const bool screenshotMode = !options.screenshotPath.empty() || options.printState;
    const bool idleReport = options.idleReportSeconds >= 0;
    const Uint64 deadline = SDL_GetTicks64() + static_cast<Uint64>(options.idleReportSeconds * 1000.0);
    while (!host.quitRequested()) {
        SDL_Event event;
        if (!screenshotMode && !host.needsFrame()) {
            // Idle: sleep until input arrives (or the idle report is due). Nothing is drawn meanwhile.
            int timeout = 1000;
            if (idleReport) {
                const Uint64 now = SDL_GetTicks64();
                timeout = now >= deadline ? 0 : static_cast<int>(std::min<Uint64>(deadline - now, 1000));
            }
            if (SDL_WaitEventTimeout(&event, timeout)) host.handleEvent(event);
        }
        while (SDL_PollEvent(&event)) host.handleEvent(event);
        if (idleReport && SDL_GetTicks64() >= deadline) break;

        if (screenshotMode) {
            const bool last = host.framesRendered() + 1 >= options.frames;
            platform::Screenshot shot;
            host.renderFrame(last ? &shot : nullptr);
            if (last && options.printState) {
                std::printf("%s\n", host.app().stateJson(host.framesRendered()).c_str());
                if (options.screenshotPath.empty()) return 0;
            }
            if (last) {
                if (!platform::writePng(options.screenshotPath, shot.width, shot.height, shot.rgba, error)) {
                    std::fprintf(stderr, "papertide: %s\n", error.c_str());
                    return 1;
                }
                std::printf("screenshot %s %dx%d\n", options.screenshotPath.c_str(), shot.width, shot.height);
                return 0;
            }
        } else if (host.needsFrame()) {
            host.renderFrame();
        }
    }
    if (idleReport) {
        std::printf("frames_rendered %ld\n", host.framesRendered());
        std::printf("timeline_renderer %s\n", host.app().timelineRenderer().c_str());
    }
    return 0;
}
