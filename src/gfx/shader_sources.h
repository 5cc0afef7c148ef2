// The GLSL shaders embedded at build time from shaders/*.glsl (bodies without a #version line).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace papertide::gfx {

// The body of shaders/<name>.glsl, e.g. shaderSource("timeline.vert"); empty when there is no such shader.
std::string_view shaderSource(std::string_view name);
// Names of all embedded shaders (file names without .glsl), sorted.
std::vector<std::string_view> shaderNames();
// What goes before every body: "#version 300 es\nprecision highp float;\n" (web, WebGL2) or
// "#version 330 core\n" (native, GL 3.3 core).
const char* glslVersionHeader();
// glslVersionHeader() + shaderSource(name): ready for glShaderSource. Empty when unknown.
std::string completeShaderSource(std::string_view name);

}  // namespace papertide::gfx
