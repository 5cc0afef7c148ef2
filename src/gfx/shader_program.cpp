// Shader compilation helpers over the embedded shader table.
#include "gfx/shader_program.h"

#include <vector>

#include "gfx/shader_sources.h"

namespace papertide::gfx {
namespace {

GLuint compileStage(GLenum stage, std::string_view name, std::string& log) {
    std::string text = completeShaderSource(name);
    if (text.empty()) {
        log += "no embedded shader named '" + std::string(name) + "'\n";
        return 0;
    }
    GLuint shader = glCreateShader(stage);
    const char* source = text.c_str();
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint length = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
        std::string message(static_cast<size_t>(length > 0 ? length : 1), '\0');
        glGetShaderInfoLog(shader, length, nullptr, message.data());
        log += std::string(name) + ": " + message.c_str() + "\n";
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

GLuint buildProgram(std::string_view vertexName, std::string_view fragmentName, std::string& log) {
    GLuint vs = compileStage(GL_VERTEX_SHADER, vertexName, log);
    GLuint fs = compileStage(GL_FRAGMENT_SHADER, fragmentName, log);
    if (vs == 0 || fs == 0) {
        if (vs) glDeleteShader(vs);
        if (fs) glDeleteShader(fs);
        return 0;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        GLint length = 0;
        glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
        std::string message(static_cast<size_t>(length > 0 ? length : 1), '\0');
        glGetProgramInfoLog(program, length, nullptr, message.data());
        log += std::string(vertexName) + " + " + std::string(fragmentName) + ": " + message.c_str() + "\n";
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

int checkAllShaders(std::string& log) {
    int failures = 0;
    for (std::string_view name : shaderNames()) {
        constexpr std::string_view kVert = ".vert";
        if (name.size() <= kVert.size() || name.substr(name.size() - kVert.size()) != kVert) continue;
        std::string stem(name.substr(0, name.size() - kVert.size()));
        std::string fragment = stem + ".frag";
        if (shaderSource(fragment).empty()) {
            log += std::string(name) + ": no matching " + fragment + "\n";
            ++failures;
            continue;
        }
        GLuint program = buildProgram(name, fragment, log);
        if (program == 0) {
            ++failures;
        } else {
            glDeleteProgram(program);
        }
    }
    return failures;
}

}  // namespace papertide::gfx
