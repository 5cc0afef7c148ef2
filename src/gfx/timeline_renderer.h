// Draws the topic x month heat map with the project's own shaders inside an ImGui window: the counts go
// into one small texture and the whole grid is one quad, so thousands of months stay smooth.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

#include "gfx/gl.h"
#include "gfx/shader_program.h"

namespace papertide::gfx {

struct TimelineCells {
    int columns = 0;  // months
    int rows = 0;     // topics, in display order (at most 64)
    // Per cell, row-major from the top row: filtered intensity, total intensity, gap month (0/255), unused.
    std::vector<uint8_t> rgba;
    std::vector<uint32_t> rowColors;  // 0xRRGGBB per row
};

struct TimelineStyle {
    uint32_t empty = 0x1E2128;
    uint32_t gap = 0x141519;
    uint32_t background = 0x17191E;
    uint32_t highlight = 0xFFFFFF;
};

class TimelineRenderer {
public:
    TimelineRenderer() = default;
    ~TimelineRenderer();
    TimelineRenderer(const TimelineRenderer&) = delete;
    TimelineRenderer& operator=(const TimelineRenderer&) = delete;

    // Uploads new cell data; call only when it changed. More months than the GPU's largest texture width
    // (GL_MAX_TEXTURE_SIZE: at least 2048 in WebGL2) are wrapped into bands of rows; the environment variable
    // PAPERTIDE_TIMELINE_MAX_TEXTURE_WIDTH lowers that width, so tests can check the wrapped layout draws the same.
    void upload(const TimelineCells& cells);
    // Queues the grid into the window's draw list at [min, max) (ImGui coordinates).
    void draw(ImDrawList* drawList, ImVec2 min, ImVec2 max, ImVec2 hoverCell, ImVec2 selection,
              const TimelineStyle& style);
    // Empty when the shaders compiled; otherwise the compiler log (the UI then draws cells with ImGui).
    // PAPERTIDE_TIMELINE_RENDERER=imgui in the environment disables the shaders (tests of the fallback).
    const std::string& error() const { return error_; }
    bool available();
    // Hands the shaders to the GPU without waiting for them (while the corpus loads); the first use finishes.
    void prepare();

private:
    static void renderCallback(const ImDrawList* list, const ImDrawCmd* cmd);
    void render(const ImDrawCmd* cmd);
    bool ensureProgram();

    GLuint program_ = 0, vao_ = 0, texture_ = 0;
    bool triedProgram_ = false;
    PendingProgram pending_;  // started by prepare(), finished by ensureProgram()
    std::string error_;
    int columns_ = 0, rows_ = 0;
    int bandWidth_ = 1;  // texture width: column c is texel (c % bandWidth_, row + rows_ * (c / bandWidth_))
    std::vector<float> rowColors_;
    // Parameters of the queued draw, read back in the render callback.
    ImVec2 min_, max_, hover_, selection_;
    TimelineStyle style_;
};

}  // namespace papertide::gfx
