// Parsing the native window's command line.
#include "options.h"

#include <cstdlib>
#include <string_view>

namespace papertide::platform {
namespace {

bool parseInt(const char* text, int low, int high, int& out) {
    char* end = nullptr;
    long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < low || value > high) return false;
    out = static_cast<int>(value);
    return true;
}

}  // namespace

const char* optionsUsage() {
    return "usage: papertide [--data DIR] [--font FILE] [--state \"#hash\"] [--width W] [--height H]\n"
           "                 [--screenshot FILE.png [--frames N]] [--idle-report SECONDS] [--check-shaders]\n"
           "                 [--print-state [--frames N]]   render N frames, print the state as JSON, exit\n"
           "                 [--drop FILE]...   as if FILE was dropped on the window (a digest, a reading list, an article)\n"
           "       papertide <command> ...   (validate, stats, search, ...: see papertide --help)\n";
}

bool parseOptions(int argc, char** argv, Options& options, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&](const char*& out) {
            if (i + 1 >= argc) {
                error = std::string(arg) + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        const char* v = nullptr;
        if (arg == "--data") {
            if (!value(v)) return false;
            options.dataDir = v;
        } else if (arg == "--font") {
            if (!value(v)) return false;
            options.fontPath = v;
        } else if (arg == "--state") {
            if (!value(v)) return false;
            options.state = v;
        } else if (arg == "--width" || arg == "--height") {
            if (!value(v)) return false;
            if (!parseInt(v, 64, 16384, arg == "--width" ? options.width : options.height)) {
                error = std::string(arg) + ": expected a size in pixels, got '" + v + "'";
                return false;
            }
        } else if (arg == "--screenshot") {
            if (!value(v)) return false;
            options.screenshotPath = v;
        } else if (arg == "--frames") {
            if (!value(v)) return false;
            if (!parseInt(v, 1, 100000, options.frames)) {
                error = std::string("--frames: expected a positive count, got '") + v + "'";
                return false;
            }
        } else if (arg == "--idle-report") {
            if (!value(v)) return false;
            char* end = nullptr;
            options.idleReportSeconds = std::strtod(v, &end);
            if (end == v || *end != '\0' || options.idleReportSeconds < 0) {
                error = std::string("--idle-report: expected seconds, got '") + v + "'";
                return false;
            }
        } else if (arg == "--check-shaders") {
            options.checkShaders = true;
        } else if (arg == "--drop") {
            if (!value(v)) return false;
            options.drops.push_back(v);
        } else if (arg == "--print-state") {
            options.printState = true;
        } else if (arg == "-h" || arg == "--help") {
            options.help = true;
        } else {
            error = "unknown option '" + std::string(arg) + "'";
            return false;
        }
    }
    return true;
}

}  // namespace papertide::platform
