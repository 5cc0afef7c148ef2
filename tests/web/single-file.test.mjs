// single-file.test.mjs - build/web/papertide.html, the whole app in one file (wasm, data and font inlined),
// opened from disk (file://) in chromium: it loads, draws, searches, requests nothing else, and runs under
// its own strict Content-Security-Policy (inline code allowed by hash only) without console errors.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { decodePng, imageStats, launchBrowser, outputDir, waitForReady, webDir } from './lib.mjs';
import { until } from './wait.mjs';

test('papertide.html works from file:// on its own', async () => {
  const source = path.join(webDir, 'papertide.html');
  const html = await readFile(source, 'utf8');

  // Self-contained: no src/href to another file (links to the web and #fragments only).
  const refs = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
  const local = refs.filter((r) => !/^(https?:|data:|#)/.test(r));
  assert.deepEqual(local, [], `references to other files: ${local.join(', ')}`);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)[1];
  assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'self'/);

  // Alone in a directory of its own: nothing beside it to fall back on.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'papertide-single-'));
  const file = path.join(dir, 'papertide.html');
  await copyFile(source, file);
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    const errors = [];
    const requests = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    await waitForReady(page);

    const state = await page.evaluate(() => window.papertide.state());
    assert.ok(state.papers >= 75, `${state.papers} papers`);
    assert.equal(state.problems, 0);
    assert.equal(state.corpusSource, 'snapshot', 'the inline snapshot, not the inline digest files');

    await mkdir(outputDir, { recursive: true });
    const shot = path.join(outputDir, 'web-single-file.png');
    const stats = imageStats(decodePng(await page.screenshot({ path: shot })));
    console.log(`# single file: ${(html.length / 1024).toFixed(0)} KB; screenshot ${stats.distinctColours} colours, ` +
                `${(stats.drawnFraction * 100).toFixed(1)}% drawn`);
    assert.ok(stats.distinctColours >= 32 && stats.drawnFraction > 0.002, 'the canvas is not blank');

    assert.equal(await page.evaluate(() => window.papertide.setState({ query: '扩散' })), true);
    const searched = await until({ page }, (s) => s.query === '扩散' && s.visibleCount > 0, 'search results');
    assert.ok(searched.visibleCount < searched.papers);

    assert.deepEqual(requests.filter((r) => r !== url && !r.startsWith('data:')), [], 'no other requests');
    assert.equal(await page.evaluate(() => document.getElementById('font-license').content.textContent.length > 1000), true,
                 'the font licence travels with the file');
    assert.deepEqual(errors, [], `console errors:\n${errors.join('\n')}`);
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
});
