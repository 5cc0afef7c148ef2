// The command-line interface of the native binary: validate, stats, search, infer (no window, no ImGui).
#pragma once
#include <string>

namespace papertide::cli {

// True when argv[1] names a subcommand (validate, stats, search, ...) or --help/--version.
bool isCommand(int argc, char** argv);
// Runs the subcommand; returns the process exit code (0 ok, 1 invalid data, 2 usage or I/O error).
// `defaultDataDir` is used when no --data is given.
int run(int argc, char** argv, const std::string& defaultDataDir = "data");

}  // namespace papertide::cli
