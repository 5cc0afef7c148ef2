// bridge.test.mjs - the one declared seam between the page and the wasm (web/shell/bridge.js): its lists match
// what the C++ side calls and exports, its start-up check refuses a page that lacks a handler or an app that
// lacks an exported function, and says which one on the page's error panel.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { openPage, repoRoot, webDir } from './lib.mjs';

const bridge = await import(pathToFileURL(path.join(repoRoot, 'web/shell/bridge.js')).href);
const source = (name) => readFile(path.join(repoRoot, name), 'utf8');
const sorted = (items) => [...new Set(items)].sort();

test('every handler C++ calls is declared, and every declared one is called', async () => {
  const forwarders = await source('src/platform/web_bridge_web.cpp');
  const called = sorted([...forwarders.matchAll(/\bModule\.(papertide\w+)\(/g)].map((m) => m[1]));
  const declared = sorted(Object.keys(bridge.HANDLERS).map(bridge.handlerProperty));
  assert.ok(called.length >= 15, `found ${called.length} forwarders`);
  assert.deepEqual(called, declared);
  // No forwarder does anything on its own: no guard that would skip a missing handler.
  assert.doesNotMatch(forwarders, /if\s*\(\s*Module\.papertide/);
});

test('every C++ function the page calls is declared, and every declared one is exported', async () => {
  const main = await source('src/platform/main_loop_web.cpp');
  const exported = sorted([...main.matchAll(/EMSCRIPTEN_KEEPALIVE\s+[\w\s*]*?\b(papertide_\w+)\s*\(/g)].map((m) => m[1]));
  const declared = sorted(Object.values(bridge.EXPORTS).map(([cName]) => cName));
  assert.ok(exported.length >= 10, `found ${exported.length} exports`);
  assert.deepEqual(exported, declared);
  // The shell reaches C++ only through the bridge.
  for (const name of await readdir(path.join(repoRoot, 'web/shell'))) {
    if (name === 'bridge.js') continue;
    const js = await source(`web/shell/${name}`);
    assert.doesNotMatch(js, /\bccall\b|\bcwrap\b|Module\._papertide|Module\.papertide/, `${name} goes around the bridge`);
  }
});

test('installHandlers names what is missing, misshapen, doubled or undeclared', () => {
  const complete = Object.fromEntries(Object.entries(bridge.HANDLERS).map(([name, params]) =>
    [name, new Function(...params, 'return 0;')]));  // eslint-disable-line no-new-func
  const module = {};
  assert.deepEqual(bridge.installHandlers(module, [complete]), []);
  assert.equal(typeof module.papertideOpenUrl, 'function');
  assert.equal(Object.keys(module).length, Object.keys(bridge.HANDLERS).length);

  const { hideOverlay, ...withoutOne } = complete;
  assert.equal(typeof hideOverlay, 'function');
  assert.deepEqual(bridge.installHandlers({}, [withoutOne]), ['missing handler hideOverlay(id)']);
  assert.deepEqual(bridge.installHandlers({}, [{ ...complete, openUrl: () => 0 }]),
                   ['handler openUrl takes 0 argument(s), declared: openUrl(url)']);
  assert.deepEqual(bridge.installHandlers({}, [complete, { warn: complete.warn }]), ['handler warn is provided twice']);
  assert.deepEqual(bridge.installHandlers({}, [{ ...complete, hideSearch() {} }]),
                   ['handler hideSearch is not declared in bridge.js']);
  assert.throws(() => bridge.cxx.stateJson(), /not ready/);
  assert.equal(bridge.isSafeHttpUrl('https://example.org/'), false, 'no URL is safe before the app can say so');
});

// Opens the site with one file rewritten on its way to the browser; returns the page and the error panel's text.
async function openRewritten(file, rewrite) {
  const requests = [];
  const app = await openPage({
    beforeLoad: async (page) => {
      page.on('request', (request) => requests.push(new URL(request.url()).pathname.split('/').pop()));
      await page.route(`**/${file}`, async (route) => {
        const original = await readFile(path.join(webDir, file), 'utf8');
        const changed = rewrite(original);
        assert.notEqual(changed, original, `the rewrite of ${file} changed nothing`);
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: changed });
      });
    },
  });
  const outcome = await app.page.evaluate(() => window.papertide.ready.then(() => null, (e) => String(e && e.message)));
  const panel = await app.page.locator('#error').innerText();
  return { app, outcome, panel, requests };
}

test('a page without one of the declared handlers does not start, and says which one', async () => {
  // As if overlays.js had renamed its hideOverlay handler.
  const { app, outcome, panel, requests } = await openRewritten('papertide-shell.js',
    (js) => js.replace('hideOverlay(id) {', 'hideOverlayRenamed(id) {'));
  try {
    assert.match(outcome, /do not fit together/);
    assert.match(panel, /missing handler hideOverlay\(id\)/);
    assert.match(panel, /hideOverlayRenamed is not declared/);
    assert.match(panel, /页面与程序版本不一致/);
    assert.equal(await app.page.locator('#error').isVisible(), true);
    // The app was not started (index.html preloads its files, so they are downloaded, but never run).
    const started = await app.page.evaluate(() => ({ script: document.querySelector('script[src="papertide.js"]') !== null,
                                                     main: performance.getEntriesByName('papertide:main').length > 0 }));
    assert.deepEqual(started, { script: false, main: false }, `the app was not started (requests: ${requests.join(', ')})`);
  } finally {
    await app.close();
  }
});

test('an app without one of the declared C++ functions does not run, and says which one', async () => {
  const { app, outcome, panel } = await openRewritten('papertide.js',
    (js) => js.replaceAll('Module["_papertide_find_close"]', 'Module["_papertide_find_close_gone"]'));
  try {
    assert.match(outcome, /papertide_find_close/);
    assert.match(panel, /missing C\+\+ function papertide_find_close\b/);
    assert.equal(await app.page.locator('#error').isVisible(), true);
    // Nothing of the app is reachable: main() never ran.
    const state = await app.page.evaluate(() => { try { return window.papertide.state(); } catch (e) { return e.message; } });
    assert.match(String(state), /not ready/);
  } finally {
    await app.close();
  }
});
