// Compiling and linking the embedded shaders into GL programs (needs a current GL context).
#pragma once
#include <string>
#include <string_view>

#include "gfx/gl.h"

namespace papertide::gfx {

// Builds a program from shaders/<vertexName>.glsl and shaders/<fragmentName>.glsl with the target's
// #version header. Returns 0 and fills `log` (compiler/linker messages) on failure.
GLuint buildProgram(std::string_view vertexName, std::string_view fragmentName, std::string& log);

// The same in two steps, so the GPU side compiles while the page waits for something else: start() hands the
// sources to the driver and links without asking how it went (in WebGL any such question waits for the compile);
// finish() asks, and returns the program or 0 with the messages in `log`.
struct PendingProgram {
    GLuint program = 0, vertex = 0, fragment = 0;
    std::string vertexName, fragmentName;
};
PendingProgram startProgram(std::string_view vertexName, std::string_view fragmentName, std::string& log);
GLuint finishProgram(PendingProgram& pending, std::string& log);

// Compiles every "<stem>.vert" with its "<stem>.frag" and links them; returns the number of failures and
// appends their messages to `log`. Used by `papertide --check-shaders` and handy in a debug build.
int checkAllShaders(std::string& log);

}  // namespace papertide::gfx
