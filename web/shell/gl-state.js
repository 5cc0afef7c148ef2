// gl-state.js - answers WebGL 2's blend-state and scissor-box queries on the page, without asking the GPU process.
//
// Dear ImGui's OpenGL3 backend saves the caller's GL state before it draws each frame and puts it back after.
// Chromium answers most of those queries from state it keeps in the page, but not the six blend values
// (BLEND_SRC_RGB ... BLEND_EQUATION_ALPHA) and the scissor box: each is a synchronous round trip to the GPU
// process, seven per frame. A round trip also waits until that process has done everything sent before it, so at
// start-up the first one of a frame waited 100-200 ms for the font texture's upload, which the page could
// otherwise spend reading the corpus (docs/BENCHMARKS.md, session 14). These values only change through their
// setters, and a new context starts from values the WebGL 2 specification gives, so the page keeps its own copy per
// context: the setters update it (and still call through), getParameter answers from it. Every other query goes on
// as before. A lost context forgets its copy; one made again starts from the defaults.

const ONE = 1;
const ZERO = 0;
const FUNC_ADD = 0x8006;
const BLEND_EQUATION_RGB = 0x8009;  // also BLEND_EQUATION
const BLEND_EQUATION_ALPHA = 0x883d;
const BLEND_DST_RGB = 0x80c8;
const BLEND_SRC_RGB = 0x80c9;
const BLEND_DST_ALPHA = 0x80ca;
const BLEND_SRC_ALPHA = 0x80cb;
const SCISSOR_BOX = 0x0c10;

const copies = new WeakMap();  // context -> its copy, for the contexts made since install()

// A new context's values. The scissor box starts as the drawing buffer's size when the context is made (it does
// not follow later resizes).
function defaults(context) {
  return {
    [BLEND_SRC_RGB]: ONE, [BLEND_SRC_ALPHA]: ONE, [BLEND_DST_RGB]: ZERO, [BLEND_DST_ALPHA]: ZERO,
    [BLEND_EQUATION_RGB]: FUNC_ADD, [BLEND_EQUATION_ALPHA]: FUNC_ADD,
    [SCISSOR_BOX]: [0, 0, context.drawingBufferWidth, context.drawingBufferHeight],
  };
}

// What getParameter gives for the value: a fresh Int32Array for the box (a caller may write into it).
const answer = (name, value) => (name === SCISSOR_BOX ? Int32Array.from(value) : value);
// What WebGL keeps of a number passed as a GLint (WebIDL's [long] conversion) and as a GLenum ([unsigned long]).
const glint = (value) => Number(value) | 0;
const glenum = (value) => Number(value) >>> 0;

// The values the setters accept (ES 3.0 / WebGL 2). A call with any other value sets a GL error and changes
// nothing, so it is not recorded (asking getError would be a round trip too).
const FACTORS = new Set([ZERO, ONE, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0305, 0x0306, 0x0307, 0x0308,
  0x8001, 0x8002, 0x8003, 0x8004]);
const EQUATIONS = new Set([FUNC_ADD, 0x800a, 0x800b, 0x8007, 0x8008]);
const CONSTANT_COLORS = new Set([0x8001, 0x8002]);
const CONSTANT_ALPHAS = new Set([0x8003, 0x8004]);
// WebGL refuses a constant colour with a constant alpha as one pair of source and destination factors.
const validPair = (src, dst) => FACTORS.has(src) && FACTORS.has(dst) &&
  !(CONSTANT_COLORS.has(src) && CONSTANT_ALPHAS.has(dst)) && !(CONSTANT_ALPHAS.has(src) && CONSTANT_COLORS.has(dst));

// A blend setter that calls through, then records its arguments (as GLenums) in the context's copy, if it has one.
function recording(original, record) {
  return function (...args) {
    const result = original.apply(this, args);
    const copy = copies.get(this);
    if (copy && !this.isContextLost()) record(copy, ...args.map(glenum));
    return result;
  };
}

export function install(api = window.WebGL2RenderingContext, canvasApi = window.HTMLCanvasElement) {
  if (typeof api !== 'function' || typeof canvasApi !== 'function') return false;
  const proto = api.prototype;
  const { getContext } = canvasApi.prototype;
  canvasApi.prototype.getContext = function (type, ...rest) {
    const context = getContext.call(this, type, ...rest);
    if (context instanceof api && !copies.has(context)) {
      copies.set(context, defaults(context));
      // A restored context has lost its state: back to the defaults, when it is made again.
      this.addEventListener('webglcontextlost', () => copies.delete(context), { once: true });
    }
    return context;
  };
  const { getParameter } = proto;
  proto.getParameter = function (name) {
    const copy = copies.get(this);
    return copy && Object.prototype.hasOwnProperty.call(copy, name) && !this.isContextLost() ? answer(name, copy[name])
      : getParameter.call(this, name);
  };
  proto.blendEquation = recording(proto.blendEquation, (copy, mode) => {
    if (EQUATIONS.has(mode)) copy[BLEND_EQUATION_RGB] = copy[BLEND_EQUATION_ALPHA] = mode;
  });
  proto.blendEquationSeparate = recording(proto.blendEquationSeparate, (copy, rgb, alpha) => {
    if (EQUATIONS.has(rgb) && EQUATIONS.has(alpha)) {
      copy[BLEND_EQUATION_RGB] = rgb;
      copy[BLEND_EQUATION_ALPHA] = alpha;
    }
  });
  proto.blendFunc = recording(proto.blendFunc, (copy, src, dst) => {
    if (validPair(src, dst)) {
      copy[BLEND_SRC_RGB] = copy[BLEND_SRC_ALPHA] = src;
      copy[BLEND_DST_RGB] = copy[BLEND_DST_ALPHA] = dst;
    }
  });
  proto.blendFuncSeparate = recording(proto.blendFuncSeparate, (copy, srcRgb, dstRgb, srcAlpha, dstAlpha) => {
    if (validPair(srcRgb, dstRgb) && FACTORS.has(srcAlpha) && FACTORS.has(dstAlpha)) {
      copy[BLEND_SRC_RGB] = srcRgb;
      copy[BLEND_DST_RGB] = dstRgb;
      copy[BLEND_SRC_ALPHA] = srcAlpha;
      copy[BLEND_DST_ALPHA] = dstAlpha;
    }
  });
  const { scissor } = proto;
  proto.scissor = function (...args) {
    scissor.apply(this, args);
    const copy = copies.get(this);
    const [x, y, width, height] = args.map(glint);
    // A negative size is refused.
    if (copy && !this.isContextLost() && width >= 0 && height >= 0) copy[SCISSOR_BOX] = [x, y, width, height];
  };
  return true;
}
