// Shader compilation helpers over the embedded shader table.
#include "gfx/shader_program.h"

#include <vector>

#include "gfx/shader_sources.h"

namespace papertide::gfx {
namespace {

GLuint startStage(GLenum stage, std::string_view name, std::string& log) {
    std::string text = completeShaderSource(name);
    if (text.empty()) {
        log += "no embedded shader named '" + std::string(name) + "'\n";
        return 0;
    }
    GLuint shader = glCreateShader(stage);
    const char* source = text.c_str();
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

// Appends a stage's compiler messages to `log` when it did not compile.
void reportStage(GLuint shader, std::string_view name, std::string& log) {
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return;
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::string message(static_cast<size_t>(length > 0 ? length : 1), '\0');
    glGetShaderInfoLog(shader, length, nullptr, message.data());
    log += std::string(name) + ": " + message.c_str() + "\n";
}

void release(PendingProgram& p) {
    if (p.vertex) glDeleteShader(p.vertex);
    if (p.fragment) glDeleteShader(p.fragment);
    p.vertex = p.fragment = 0;
}

}  // namespace

PendingProgram startProgram(std::string_view vertexName, std::string_view fragmentName, std::string& log) {
    PendingProgram p;
    p.vertexName = vertexName;
    p.fragmentName = fragmentName;
    p.vertex = startStage(GL_VERTEX_SHADER, vertexName, log);
    p.fragment = startStage(GL_FRAGMENT_SHADER, fragmentName, log);
    if (p.vertex == 0 || p.fragment == 0) {
        release(p);
        return p;
    }
    p.program = glCreateProgram();
    glAttachShader(p.program, p.vertex);
    glAttachShader(p.program, p.fragment);
    glLinkProgram(p.program);
    return p;
}

GLuint finishProgram(PendingProgram& p, std::string& log) {
    if (p.program == 0) return 0;  // a source was missing: start() said so
    GLint ok = GL_FALSE;
    glGetProgramiv(p.program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        // A stage that did not compile fails the link: its own messages say more than the linker's.
        reportStage(p.vertex, p.vertexName, log);
        reportStage(p.fragment, p.fragmentName, log);
        GLint length = 0;
        glGetProgramiv(p.program, GL_INFO_LOG_LENGTH, &length);
        std::string message(static_cast<size_t>(length > 0 ? length : 1), '\0');
        glGetProgramInfoLog(p.program, length, nullptr, message.data());
        log += p.vertexName + " + " + p.fragmentName + ": " + message.c_str() + "\n";
        glDeleteProgram(p.program);
        p.program = 0;
    }
    release(p);
    const GLuint program = p.program;
    p.program = 0;
    return program;
}

GLuint buildProgram(std::string_view vertexName, std::string_view fragmentName, std::string& log) {
    PendingProgram pending = startProgram(vertexName, fragmentName, log);
    return finishProgram(pending, log);
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
