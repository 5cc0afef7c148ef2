#include "gfx/timeline_renderer.h"

#include <algorithm>
#include <cstdlib>


namespace papertide::gfx {

namespace {
int maxTextureWidth() {
    GLint size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &size);
    if (const char* limit = std::getenv("PAPERTIDE_TIMELINE_MAX_TEXTURE_WIDTH"))
        if (int n = std::atoi(limit); n > 0) size = size > 0 ? std::min<GLint>(size, n) : n;
    return size > 0 ? size : 2048;
}

void setColor(GLint location, uint32_t rgb) {
    glUniform3f(location, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f, (rgb & 0xFF) / 255.0f);
}
}  // namespace

TimelineRenderer::~TimelineRenderer() {
    if (texture_) glDeleteTextures(1, &texture_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
    for (GLuint shader : {pending_.vertex, pending_.fragment})
        if (shader) glDeleteShader(shader);
    if (pending_.program) glDeleteProgram(pending_.program);
}

namespace {
// Tests force the ImGui fallback this way to check that it draws (a driver without usable shaders).
bool shadersDisabled() {
    const char* forced = std::getenv("PAPERTIDE_TIMELINE_RENDERER");
    return forced && std::string(forced) == "imgui";
}
}  // namespace

void TimelineRenderer::prepare() {
    if (triedProgram_ || pending_.program || shadersDisabled()) return;
    pending_ = startProgram("timeline.vert", "timeline.frag", error_);
}

bool TimelineRenderer::ensureProgram() {
    if (triedProgram_) return program_ != 0;
    triedProgram_ = true;
    if (shadersDisabled()) {
        error_ = "shaders disabled by PAPERTIDE_TIMELINE_RENDERER=imgui";
        return false;
    }
    if (!pending_.program && error_.empty()) pending_ = startProgram("timeline.vert", "timeline.frag", error_);
    program_ = finishProgram(pending_, error_);
    if (!program_) return false;
    glGenVertexArrays(1, &vao_);  // core profiles need a bound VAO even with no attributes
    glGenTextures(1, &texture_);
    return true;
}

bool TimelineRenderer::available() { return ensureProgram(); }

void TimelineRenderer::upload(const TimelineCells& cells) {
    if (!ensureProgram()) return;
    columns_ = cells.columns;
    rows_ = cells.rows;
    rowColors_.assign(64 * 3, 0.5f);
    for (int r = 0; r < rows_ && r < 64; ++r) {
        uint32_t rgb = cells.rowColors[r];
        rowColors_[r * 3 + 0] = ((rgb >> 16) & 0xFF) / 255.0f;
        rowColors_[r * 3 + 1] = ((rgb >> 8) & 0xFF) / 255.0f;
        rowColors_[r * 3 + 2] = (rgb & 0xFF) / 255.0f;
    }
    if (columns_ <= 0 || rows_ <= 0) return;
    bandWidth_ = std::min(columns_, maxTextureWidth());
    const int bands = (columns_ + bandWidth_ - 1) / bandWidth_;
    const uint8_t* pixels = cells.rgba.data();
    std::vector<uint8_t> wrapped;
    if (bands > 1) {  // band b holds columns [b * width, (b + 1) * width) of every row
        wrapped.assign(size_t(bandWidth_) * rows_ * bands * 4, 0);
        for (int r = 0; r < rows_; ++r)
            for (int c = 0; c < columns_; ++c) {
                const uint8_t* from = &cells.rgba[(size_t(r) * columns_ + c) * 4];
                uint8_t* to = &wrapped[((size_t(c / bandWidth_) * rows_ + r) * bandWidth_ + c % bandWidth_) * 4];
                std::copy(from, from + 4, to);
            }
        pixels = wrapped.data();
    }
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, bandWidth_, rows_ * bands, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
}

void TimelineRenderer::draw(ImDrawList* drawList, ImVec2 min, ImVec2 max, ImVec2 hoverCell, ImVec2 selection,
                            const TimelineStyle& style) {
    if (!ensureProgram() || columns_ <= 0 || rows_ <= 0) return;
    min_ = min;
    max_ = max;
    hover_ = hoverCell;
    selection_ = selection;
    style_ = style;
    drawList->AddCallback(&TimelineRenderer::renderCallback, this);
    drawList->AddCallback(ImDrawCallback_ResetRenderState, nullptr);  // hand GL state back to ImGui's backend
}

void TimelineRenderer::renderCallback(const ImDrawList*, const ImDrawCmd* cmd) {
    static_cast<TimelineRenderer*>(cmd->UserCallbackData)->render(cmd);
}

void TimelineRenderer::render(const ImDrawCmd* cmd) {
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 scale = data->FramebufferScale;
    const float fbWidth = data->DisplaySize.x * scale.x, fbHeight = data->DisplaySize.y * scale.y;
    if (fbWidth <= 0 || fbHeight <= 0) return;
    const ImVec2 origin = data->DisplayPos;
    // Clip to the ImGui window (the backend does this only for its own draw commands).
    const ImVec4 clip = cmd->ClipRect;
    float cx0 = (clip.x - origin.x) * scale.x, cy0 = (clip.y - origin.y) * scale.y;
    float cx1 = (clip.z - origin.x) * scale.x, cy1 = (clip.w - origin.y) * scale.y;
    if (cx1 <= cx0 || cy1 <= cy0) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(cx0), static_cast<GLint>(fbHeight - cy1), static_cast<GLsizei>(cx1 - cx0),
              static_cast<GLsizei>(cy1 - cy0));
    glDisable(GL_BLEND);

    auto ndcX = [&](float x) { return (x - origin.x) * scale.x / fbWidth * 2.0f - 1.0f; };
    auto ndcY = [&](float y) { return 1.0f - (y - origin.y) * scale.y / fbHeight * 2.0f; };
    glUseProgram(program_);
    glUniform4f(glGetUniformLocation(program_, "uRect"), ndcX(min_.x), ndcY(min_.y), ndcX(max_.x), ndcY(max_.y));
    glUniform2f(glGetUniformLocation(program_, "uGrid"), float(columns_), float(rows_));
    glUniform1i(glGetUniformLocation(program_, "uBandWidth"), bandWidth_);
    glUniform2f(glGetUniformLocation(program_, "uCellPixels"), (max_.x - min_.x) * scale.x / columns_,
                (max_.y - min_.y) * scale.y / rows_);
    glUniform2f(glGetUniformLocation(program_, "uHover"), hover_.x, hover_.y);
    glUniform2f(glGetUniformLocation(program_, "uSelection"), selection_.x, selection_.y);
    glUniform3fv(glGetUniformLocation(program_, "uRowColors"), 64, rowColors_.data());
    setColor(glGetUniformLocation(program_, "uEmpty"), style_.empty);
    setColor(glGetUniformLocation(program_, "uGap"), style_.gap);
    setColor(glGetUniformLocation(program_, "uBackground"), style_.background);
    setColor(glGetUniformLocation(program_, "uHighlight"), style_.highlight);
    glUniform1i(glGetUniformLocation(program_, "uCells"), 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 6);
}

}  // namespace papertide::gfx
