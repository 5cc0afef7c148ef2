// Compiling and linking the embedded shaders into GL programs (needs a current GL context).
#pragma once
#include <string>
#include <string_view>

#include "gfx/gl.h"

namespace papertide::gfx {

// Builds a program from shaders/<vertexName>.glsl and shaders/<fragmentName>.glsl with the target's
// #version header. Returns 0 and fills `log` (compiler/linker messages) on failure.
GLuint buildProgram(std::string_view vertexName, std::string_view fragmentName, std::string& log);

// Compiles every "<stem>.vert" with its "<stem>.frag" and links them; returns the number of failures and
// appends their messages to `log`. Used by `papertide --check-shaders` and handy in a debug build.
int checkAllShaders(std::string& log);

}  // namespace papertide::gfx
