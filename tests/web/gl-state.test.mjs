// gl-state.test.mjs - web/shell/gl-state.js: the page answers WebGL's blend-state and scissor-box queries from its
// own copy (each one is otherwise a round trip to the GPU process, seven per frame from ImGui's backend), and the
// copy is always what the context really holds.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { openApp, repoRoot } from './lib.mjs';
import { framesNow, idle, nextFrames } from './wait.mjs';

const glState = await import(pathToFileURL(path.join(repoRoot, 'web/shell/gl-state.js')).href);

const GL = {
  ZERO: 0, ONE: 1, SRC_ALPHA: 0x0302, ONE_MINUS_SRC_ALPHA: 0x0303, DST_COLOR: 0x0306, CONSTANT_COLOR: 0x8001,
  CONSTANT_ALPHA: 0x8003, FUNC_ADD: 0x8006, FUNC_SUBTRACT: 0x800a, MAX: 0x8008, VIEWPORT: 0x0ba2,
  SCISSOR_BOX: 0x0c10,
  BLEND_EQUATION_RGB: 0x8009, BLEND_EQUATION_ALPHA: 0x883d, BLEND_DST_RGB: 0x80c8, BLEND_SRC_RGB: 0x80c9,
  BLEND_DST_ALPHA: 0x80ca, BLEND_SRC_ALPHA: 0x80cb,
};
const NAMES = ['BLEND_SRC_RGB', 'BLEND_DST_RGB', 'BLEND_SRC_ALPHA', 'BLEND_DST_ALPHA', 'BLEND_EQUATION_RGB',
  'BLEND_EQUATION_ALPHA', 'SCISSOR_BOX'];

// A stand-in for WebGL2RenderingContext that holds the state as GL defines it (including refusing what GL
// refuses) and counts the queries that reach it.
function fakeApi() {
  const factors = new Set([0, 1, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0305, 0x0306, 0x0307, 0x0308, 0x8001,
    0x8002, 0x8003, 0x8004]);
  const equations = new Set([0x8006, 0x800a, 0x800b, 0x8007, 0x8008]);
  const constant = (a, b) => ([0x8001, 0x8002].includes(a) && [0x8003, 0x8004].includes(b)) ||
    ([0x8003, 0x8004].includes(a) && [0x8001, 0x8002].includes(b));
  class Context {
    constructor() {
      this.lost = false;
      this.queries = 0;
      this.drawingBufferWidth = 300;
      this.drawingBufferHeight = 150;
      this.state = { [GL.SCISSOR_BOX]: Int32Array.of(0, 0, 300, 150), [GL.BLEND_SRC_RGB]: 1, [GL.BLEND_SRC_ALPHA]: 1, [GL.BLEND_DST_RGB]: 0, [GL.BLEND_DST_ALPHA]: 0,
        [GL.BLEND_EQUATION_RGB]: GL.FUNC_ADD, [GL.BLEND_EQUATION_ALPHA]: GL.FUNC_ADD, [GL.VIEWPORT]: 'viewport' };
    }
    isContextLost() { return this.lost; }
    getParameter(name) {
      this.queries++;
      if (this.lost) return null;
      return name === GL.SCISSOR_BOX ? Int32Array.from(this.state[name]) : this.state[name];
    }
    scissor(x, y, width, height) {
      if (this.lost || (width | 0) < 0 || (height | 0) < 0) return;
      this.state[GL.SCISSOR_BOX] = Int32Array.of(x, y, width, height);  // Int32Array keeps what a GLint keeps
    }
    blendEquation(mode) { this.blendEquationSeparate(mode, mode); }
    blendEquationSeparate(...args) {
      const [rgb, alpha] = args.map((value) => value >>> 0);  // WebIDL's GLenum conversion
      if (this.lost || !equations.has(rgb) || !equations.has(alpha)) return;
      Object.assign(this.state, { [GL.BLEND_EQUATION_RGB]: rgb, [GL.BLEND_EQUATION_ALPHA]: alpha });
    }
    blendFunc(src, dst) { this.blendFuncSeparate(src, dst, src, dst); }
    blendFuncSeparate(...args) {
      const [srcRgb, dstRgb, srcAlpha, dstAlpha] = args.map((value) => value >>> 0);
      if (this.lost || ![srcRgb, dstRgb, srcAlpha, dstAlpha].every((f) => factors.has(f)) || constant(srcRgb, dstRgb)) return;
      Object.assign(this.state, { [GL.BLEND_SRC_RGB]: srcRgb, [GL.BLEND_DST_RGB]: dstRgb,
        [GL.BLEND_SRC_ALPHA]: srcAlpha, [GL.BLEND_DST_ALPHA]: dstAlpha });
    }
  }
  class Canvas {
    constructor() { this.listeners = {}; }
    getContext(type) {
      if (type !== 'webgl2') return null;
      this.context ??= new Context();
      return this.context;
    }
    addEventListener(type, listener) { (this.listeners[type] ??= []).push(listener); }
    loseContext() {
      this.context.lost = true;
      for (const listener of this.listeners.webglcontextlost ?? []) listener();
      this.listeners.webglcontextlost = [];
    }
  }
  return { Context, Canvas };
}

const plain = (value) => (ArrayBuffer.isView(value) ? [...value] : value);
const answers = (context) => NAMES.map((name) => plain(context.getParameter(GL[name])));
const truth = (context) => NAMES.map((name) => plain(context.state[GL[name]]));

test('answers the blend and scissor queries from its copy, which follows every setter and ignores what GL refuses', () => {
  const { Context, Canvas } = fakeApi();
  assert.equal(glState.install(Context, Canvas), true);
  const canvas = new Canvas();
  const gl = canvas.getContext('webgl2');
  assert.deepEqual(answers(gl), truth(gl), 'a new context: the defaults');
  assert.equal(gl.queries, 0);

  const calls = [
    ['blendEquation', GL.FUNC_SUBTRACT],
    ['blendFuncSeparate', GL.SRC_ALPHA, GL.ONE_MINUS_SRC_ALPHA, GL.ONE, GL.ONE_MINUS_SRC_ALPHA],
    ['blendEquationSeparate', GL.FUNC_ADD, GL.MAX],
    ['blendFunc', GL.DST_COLOR, GL.ZERO],
    ['blendFunc', GL.CONSTANT_COLOR, GL.CONSTANT_ALPHA],  // refused by WebGL: a constant colour with a constant alpha
    ['blendFunc', GL.FUNC_ADD, GL.ONE],  // an equation is not a factor
    ['blendEquation', GL.ONE],  // nor a factor an equation
    ['blendFuncSeparate', GL.ONE, GL.ONE, 0x1234, GL.ONE],  // no such factor
    ['blendEquationSeparate', GL.FUNC_SUBTRACT, GL.FUNC_ADD],
    ['blendFuncSeparate', GL.ONE + 0.5, GL.SRC_ALPHA, 2 ** 32 + GL.ZERO, '1'],  // converted as GLenum is
    ['scissor', 10, 20, 640, 480],
    ['scissor', 1, 2, -3, 4],  // a negative size is refused
    ['scissor', -5.7, 2 ** 32 + 7, 30.9, 0],  // converted as GLint is
  ];
  for (const [name, ...args] of calls) {
    gl[name](...args);
    assert.deepEqual(answers(gl), truth(gl), `after ${name}(${args.join(', ')})`);
  }
  assert.equal(gl.queries, 0, 'no blend or scissor query reached the context');
  const box = gl.getParameter(GL.SCISSOR_BOX);
  box[0] = 99;  // the caller's own array: writing into it changes nothing
  assert.deepEqual(plain(gl.getParameter(GL.SCISSOR_BOX)), truth(gl).at(-1));
  assert.equal(gl.getParameter(GL.VIEWPORT), 'viewport', 'other queries go through');
  assert.equal(gl.queries, 1);

  // A lost context answers for itself; made again, it starts from the defaults like a new one.
  canvas.loseContext();
  assert.equal(gl.getParameter(GL.BLEND_SRC_RGB), null);
  gl.lost = false;
  gl.state = new Context().state;
  assert.equal(canvas.getContext('webgl2'), gl);
  gl.queries = 0;
  assert.deepEqual(answers(gl), truth(gl));
  assert.equal(gl.queries, 0);
});

test('the app draws frames without asking the GPU process for blend state or the scissor box, and the copy matches the real one',
  async () => {
    const app = await openApp({
      beforeLoad: (page) => page.addInitScript(() => {
        // Installed before the shell's own copy: this sees only the queries the copy lets through.
        const proto = WebGL2RenderingContext.prototype;
        const real = proto.getParameter;
        const answered = new Set([0x8009, 0x883d, 0x80c8, 0x80c9, 0x80ca, 0x80cb, 0x0c10]);
        window.__answeredQueries = 0;
        window.__otherQueries = 0;
        window.__realGetParameter = real;
        proto.getParameter = function (name) {
          if (answered.has(name)) window.__answeredQueries++;
          else window.__otherQueries++;
          return real.call(this, name);
        };
      }),
    });
    try {
      await idle(app);
      const before = await framesNow(app);
      assert.equal(await app.setState({ query: 'diffusion' }), true);
      await nextFrames(app, before, 3);
      const result = await app.page.evaluate((names) => {
        const gl = document.getElementById('canvas').getContext('webgl2');
        const ids = { BLEND_EQUATION_RGB: 0x8009, BLEND_EQUATION_ALPHA: 0x883d, BLEND_DST_RGB: 0x80c8,
          BLEND_SRC_RGB: 0x80c9, BLEND_DST_ALPHA: 0x80ca, BLEND_SRC_ALPHA: 0x80cb, SCISSOR_BOX: 0x0c10 };
        const plain = (value) => (ArrayBuffer.isView(value) ? [...value] : value);
        const copy = names.map((name) => plain(gl.getParameter(ids[name])));
        const answeredQueries = window.__answeredQueries;
        const real = names.map((name) => plain(window.__realGetParameter.call(gl, ids[name])));
        // A context made now starts from the same values as the copy the page makes for it.
        const canvas = document.createElement('canvas');
        canvas.width = 123;
        canvas.height = 45;
        const fresh = canvas.getContext('webgl2');
        const freshCopy = names.map((name) => plain(fresh.getParameter(ids[name])));
        const freshReal = names.map((name) => plain(window.__realGetParameter.call(fresh, ids[name])));
        return { copy, real, freshCopy, freshReal, answeredQueries, otherQueries: window.__otherQueries,
          frames: window.papertide.state().framesRendered };
      }, NAMES);
      assert.ok(result.frames >= before + 3, `frames drawn: ${result.frames}`);
      assert.ok(result.otherQueries > 0, 'the counting wrapper sees the queries the copy does not answer');
      assert.equal(result.answeredQueries, 0, 'blend and scissor queries that reached WebGL');
      assert.deepEqual(result.copy, result.real);
      assert.deepEqual(result.freshCopy, result.freshReal);
      assert.deepEqual(result.freshReal.at(-1), [0, 0, 123, 45]);
      // ImGui's backend puts back the blend state it found: the defaults of a new context.
      assert.deepEqual(result.real.slice(0, 6), [GL.ONE, GL.ZERO, GL.ONE, GL.ZERO, GL.FUNC_ADD, GL.FUNC_ADD]);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
