// Colours one timeline cell: filtered count bright, unfiltered total faint, months without a digest
// hatched (a gap in the record is not the same as zero papers), hover and month selection highlighted.
in vec2 vCell;
uniform sampler2D uCells;     // per cell: r = filtered intensity, g = total intensity, b = 1 for a gap month,
                              // a = 1 when a paper in the cell was recommended more than once
uniform vec2 uGrid;
uniform int uBandWidth;       // the texture's width: month c of row r is texel (c % w, r + rows * (c / w)), so
                              // more months than the GPU's widest texture still fit
uniform vec2 uCellPixels;     // one cell's size in framebuffer pixels
uniform vec2 uHover;          // hovered cell, or (-1, -1)
uniform vec2 uSelection;      // selected column range (first, last), or (-1, -1)
uniform vec3 uRowColors[64];  // topic colour per row
uniform vec3 uEmpty;
uniform vec3 uGap;
uniform vec3 uBackground;
uniform vec3 uHighlight;
out vec4 fragColor;

void main() {
    vec2 cellFloor = min(floor(vCell), uGrid - 1.0);
    ivec2 cell = ivec2(cellFloor);
    vec2 inCell = (vCell - cellFloor) * uCellPixels;
    float gutter = uCellPixels.x >= 5.0 ? 1.0 : 0.0;  // cell borders only where cells are wide enough
    vec4 texel = texelFetch(uCells, ivec2(cell.x % uBandWidth, cell.y + int(uGrid.y) * (cell.x / uBandWidth)), 0);
    vec3 topic = uRowColors[cell.y];

    vec3 color = uEmpty;
    if (texel.b > 0.5) {
        color = uGap;
        if (mod(gl_FragCoord.x + gl_FragCoord.y, 7.0) < 1.5) color = mix(uGap, uEmpty, 0.8);
    }
    if (texel.g > 0.0) color = mix(color, topic, 0.16 + 0.20 * texel.g);
    if (texel.r > 0.0) color = mix(color, topic, 0.50 + 0.50 * texel.r);
    if (uSelection.x >= 0.0 && cellFloor.x >= uSelection.x && cellFloor.x <= uSelection.y)
        color = mix(color, uHighlight, 0.18);
    if (cellFloor == uHover) color = mix(color, uHighlight, 0.30);
    // Recurring papers: a small dot in the cell's top-right corner, where cells are big enough to hold one.
    if (texel.a > 0.5 && uCellPixels.x >= 10.0 && distance(inCell, vec2(uCellPixels.x - 5.0, 5.0)) < 2.5)
        color = mix(color, uHighlight, 0.85);
    if (inCell.x < gutter || inCell.y < gutter) color = uBackground;
    fragColor = vec4(color, 1.0);
}
