// The embedded shader table (generated into papertide_shaders.inc by cmake/EmbedShaders.cmake).
#include "gfx/shader_sources.h"

namespace papertide::gfx {
namespace {

struct EmbeddedShader {
    const char* name;
    const char* source;
};

#include "papertide_shaders.inc"

}  // namespace

std::string_view shaderSource(std::string_view name) {
    for (int i = 0; i < kEmbeddedShaderCount; ++i) {
        if (name == kEmbeddedShaders[i].name) return kEmbeddedShaders[i].source;
    }
    return {};
}

std::vector<std::string_view> shaderNames() {
    std::vector<std::string_view> names;
    for (int i = 0; i < kEmbeddedShaderCount; ++i) names.emplace_back(kEmbeddedShaders[i].name);
    return names;
}

const char* glslVersionHeader() {
#if defined(PAPERTIDE_GL_ES3)
    return "#version 300 es\nprecision highp float;\n";
#else
    return "#version 330 core\n";
#endif
}

std::string completeShaderSource(std::string_view name) {
    std::string_view body = shaderSource(name);
    if (body.empty()) return {};
    std::string text = glslVersionHeader();
    text.append(body);
    return text;
}

}  // namespace papertide::gfx
