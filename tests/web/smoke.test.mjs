// smoke.test.mjs - the web build in headless chromium: loads under a sub-path without console errors,
// draws something, stays idle when nothing happens, follows the URL hash, and renders HiDPI crisply.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { imageStats, openApp } from './lib.mjs';
import { framesDuring, framesNow, idle, nextFrames, poll } from './wait.mjs';

test('loads, draws, and renders (almost) nothing while idle', async () => {
  const app = await openApp({ prefix: '/papertide/' });
  try {
    const state = await app.state();
    assert.equal(typeof state.framesRendered, 'number');
    assert.ok(state.framesRendered >= 1, `framesRendered = ${state.framesRendered}`);
    // The timeline's shaders are handed to the GPU while the corpus loads and finished on the first draw
    // (AppHost::prepareGpu): the grid must come from them, not from the ImGui fallback.
    assert.equal(state.timeline.renderer, 'gl');
    // SDL makes the canvas's WebGL 2 context in main() (the page only checks for the API): it must have what the
    // app asks for (app_host.cpp): no alpha, no depth buffer, a stencil, no multisampling.
    const attributes = await app.page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getContextAttributes());
    assert.deepEqual({ alpha: attributes.alpha, depth: attributes.depth, stencil: attributes.stencil, antialias: attributes.antialias },
                     { alpha: false, depth: false, stencil: true, antialias: false });

    // window.papertide.memory() (the benchmarks' figures): the wasm memory holds malloc's bytes in use and, below
    // the heap, the static data and the 512 KiB C stack (the link's -sTOTAL_STACK, not Emscripten's 5 MiB).
    const memory = await app.page.evaluate(() => window.papertide.memory());
    assert.ok(memory.belowHeapBytes >= 512 * 1024 && memory.belowHeapBytes < 2 * 1024 * 1024,
              `below the heap: ${memory.belowHeapBytes} bytes`);
    assert.ok(memory.inUseBytes > 0 && memory.wasmBytes >= memory.inUseBytes + memory.belowHeapBytes,
              `memory: ${JSON.stringify(memory)}`);

    const { file, image } = await app.screenshot('web-smoke.png');
    const stats = imageStats(image);
    console.log(`# screenshot ${file}: ${image.width}x${image.height}, ${stats.distinctColours} colours, ` +
                `${(stats.drawnFraction * 100).toFixed(1)}% drawn`);
    assert.ok(stats.distinctColours >= 32, `canvas looks blank: ${stats.distinctColours} colours`);
    assert.ok(stats.drawnFraction > 0.002, `canvas looks blank: ${stats.drawnFraction} drawn`);

    await idle(app);  // the start-up frames are done
    const idleFrames = await framesDuring(app, 5000, 'idle: no input, so (almost) no frames');
    console.log(`# idle: ${idleFrames} frames rendered in 5 s`);
    assert.ok(idleFrames <= 5, `rendered ${idleFrames} frames in 5 idle seconds`);

    // Hash changes from outside (back/forward, edited link) and setState reach the app without errors, and each
    // redraws: the frame count advances after each one.
    await idle(app);
    let since = await framesNow(app);
    await app.page.evaluate(() => { location.hash = '#papertide-smoke'; });
    await nextFrames(app, since, 1, 'a redraw after a hash change');
    await idle(app);
    since = await framesNow(app);
    assert.equal(await app.setState({}), true);
    await nextFrames(app, since, 1, 'a redraw after setState');

    assert.deepEqual(app.errors, [], `console errors:\n${app.errors.join('\n')}`);
  } finally {
    await app.close();
  }
});

test('HiDPI: the canvas backing store follows devicePixelRatio', async () => {
  const app = await openApp({ prefix: '/', viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  try {
    const size = await app.page.evaluate(() => {
      const c = document.getElementById('canvas');
      const r = c.getBoundingClientRect();
      return { cssWidth: r.width, cssHeight: r.height, width: c.width, height: c.height, dpr: devicePixelRatio };
    });
    console.log(`# hidpi: css ${size.cssWidth}x${size.cssHeight}, backing ${size.width}x${size.height}, dpr ${size.dpr}`);
    assert.equal(size.dpr, 2);
    assert.equal(size.width, Math.floor(size.cssWidth * 2));
    assert.equal(size.height, Math.floor(size.cssHeight * 2));

    // Resizing the viewport resizes the canvas (and redraws).
    await idle(app);
    const since = await framesNow(app);
    await app.page.setViewportSize({ width: 700, height: 500 });
    const backingStore = () => app.page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
    await poll(backingStore, ([w, h]) => w === 1400 && h === 1000, 'a 1400x1000 backing store for 700x500 CSS px at 2x');
    await nextFrames(app, since, 1, 'a redraw after the resize');
    await idle(app);
    const { image } = await app.screenshot('web-hidpi.png');
    assert.ok(imageStats(image).distinctColours >= 32, 'HiDPI canvas looks blank');
    assert.deepEqual(app.errors, [], `console errors:\n${app.errors.join('\n')}`);
  } finally {
    await app.close();
  }
});
