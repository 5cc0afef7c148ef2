// smoke.test.mjs - the web build in headless chromium: loads under a sub-path without console errors,
// draws something, stays idle when nothing happens, follows the URL hash, and renders HiDPI crisply.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { imageStats, openApp, sleep } from './lib.mjs';

test('loads, draws, and renders (almost) nothing while idle', async () => {
  const app = await openApp({ prefix: '/papertide/' });
  try {
    const state = await app.state();
    assert.equal(typeof state.framesRendered, 'number');
    assert.ok(state.framesRendered >= 1, `framesRendered = ${state.framesRendered}`);

    const { file, image } = await app.screenshot('web-smoke.png');
    const stats = imageStats(image);
    console.log(`# screenshot ${file}: ${image.width}x${image.height}, ${stats.distinctColours} colours, ` +
                `${(stats.drawnFraction * 100).toFixed(1)}% drawn`);
    assert.ok(stats.distinctColours >= 32, `canvas looks blank: ${stats.distinctColours} colours`);
    assert.ok(stats.drawnFraction > 0.002, `canvas looks blank: ${stats.drawnFraction} drawn`);

    await sleep(1000);  // let the start-up frames settle before measuring
    const before = (await app.state()).framesRendered;
    await sleep(5000);
    const after = (await app.state()).framesRendered;
    console.log(`# idle: ${after - before} frames rendered in 5 s (${before} -> ${after})`);
    assert.ok(after - before <= 5, `rendered ${after - before} frames in 5 idle seconds`);

    // Hash changes from outside (back/forward, edited link) and setState reach the app without errors.
    await app.page.evaluate(() => { location.hash = '#papertide-smoke'; });
    await sleep(300);
    assert.equal(await app.setState({}), true);
    await sleep(300);
    assert.ok((await app.state()).framesRendered > after, 'a hash change or setState should redraw');

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
    await app.page.setViewportSize({ width: 700, height: 500 });
    await sleep(500);
    const resized = await app.page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
    assert.deepEqual(resized, [1400, 1000]);
    const { image } = await app.screenshot('web-hidpi.png');
    assert.ok(imageStats(image).distinctColours >= 32, 'HiDPI canvas looks blank');
    assert.deepEqual(app.errors, [], `console errors:\n${app.errors.join('\n')}`);
  } finally {
    await app.close();
  }
});
