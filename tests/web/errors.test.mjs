// errors.test.mjs - the page explains, in English and Chinese, why Papertide cannot run.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openPage } from './lib.mjs';

// Waits for window.papertide.ready to settle; returns the rejection message (or null if it resolved).
async function readyOutcome(page) {
  return page.evaluate(() => window.papertide.ready.then(() => null, (e) => String(e && e.message)));
}

// The API is there but the canvas gets no context (a blocklisted GPU, hardware acceleration off): the page does not
// make one itself, so this is the app's own report (SDL's context creation in main(), page.js noGraphics).
test('no WebGL2: a bilingual message instead of the app', async () => {
  const app = await openPage({
    beforeLoad: (page) => page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    }),
  });
  try {
    assert.match(await readyOutcome(app.page), /WebGL 2/);
    const text = await app.page.locator('#error').innerText();
    assert.match(text, /WebGL 2 is not available/);
    assert.match(text, /不支持 WebGL 2/);
    assert.equal(await app.page.locator('#error').isVisible(), true);
  } finally {
    await app.close();
  }
});

// No WebGL 2 API at all: the page says so before the app is even loaded.
test('no WebGL2 API: the page says so without loading the app', async () => {
  const requested = [];
  const app = await openPage({
    beforeLoad: async (page) => {
      page.on('request', (request) => requested.push(new URL(request.url()).pathname.split('/').pop()));
      await page.addInitScript(() => { delete window.WebGL2RenderingContext; });
    },
  });
  try {
    assert.match(await readyOutcome(app.page), /WebGL 2/);
    const text = await app.page.locator('#error').innerText();
    assert.match(text, /WebGL 2 is not available/);
    assert.match(text, /不支持 WebGL 2/);
    assert.ok(!requested.includes('corpus.snapshot'), requested.join(' '));
    assert.equal(await app.page.evaluate(() => performance.getEntriesByName('papertide:main').length), 0);
  } finally {
    await app.close();
  }
});

test('the wasm cannot be downloaded: a bilingual message', async () => {
  const app = await openPage({
    beforeLoad: (page) => page.route('**/papertide.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  try {
    assert.notEqual(await readyOutcome(app.page), null);
    const text = await app.page.locator('#error').innerText();
    assert.match(text, /Could not load papertide\.wasm/);  // the shell compiles it (main.js compileWasmEarly)
    assert.match(text, /HTTP 404/);
    assert.match(text, /论文潮/);
  } finally {
    await app.close();
  }
});
