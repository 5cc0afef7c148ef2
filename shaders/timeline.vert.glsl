// The timeline heat map is one screen-space quad; the fragment shader looks each pixel's cell up.
// Corners come from gl_VertexID, so no vertex buffer is needed.
uniform vec4 uRect;  // left, top, right, bottom in normalized device coordinates
uniform vec2 uGrid;  // columns (months), rows (topics)
out vec2 vCell;      // position in cell units: (column, row), row 0 at the top

void main() {
    int id = gl_VertexID;
    vec2 corner = vec2((id == 1 || id == 4 || id == 5) ? 1.0 : 0.0, (id == 2 || id == 3 || id == 5) ? 1.0 : 0.0);
    vCell = corner * uGrid;
    gl_Position = vec4(mix(uRect.x, uRect.z, corner.x), mix(uRect.y, uRect.w, corner.y), 0.0, 1.0);
}
