// Command-line options of the native window (the web build uses the defaults).
#pragma once
#include <string>
#include <vector>

namespace papertide::platform {

struct Options {
    std::string dataDir;            // --data DIR: holds topics.json and digests/
    std::string fontPath;           // --font FILE: TTF/TTC with the corpus characters
    std::string state;              // --state "#hash": the same state string as the URL hash
    int width = 1280;               // --width / --height: window size in screen coordinates
    int height = 800;
    std::string screenshotPath;     // --screenshot FILE.png: render `frames` frames, save, exit
    int frames = 5;                 // --frames N
    double idleReportSeconds = -1;  // --idle-report SECONDS: run, print "frames_rendered N", exit
    bool checkShaders = false;      // --check-shaders: compile every embedded shader pair, exit
    bool printState = false;        // --print-state: render `frames` frames, print Application::stateJson, exit
    std::vector<std::string> drops;  // --drop FILE (repeatable): handed to the app as if dropped on the window
    bool help = false;
};

// Parses argv (defaults already in `options`); returns false with a message on bad usage.
bool parseOptions(int argc, char** argv, Options& options, std::string& error);
const char* optionsUsage();

}  // namespace papertide::platform
