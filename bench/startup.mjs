// startup.mjs - Papertide's start-up against the floor of its stack (issue #17): the site (build/web) and the bare
// Dear ImGui page (build/bench-web/floor, tools/bench/floor_page.cpp), loaded alternately in one headless
// Chromium, each load in a fresh browser context (empty cache, no service worker), RUNS times each, both from the
// project's static server (tests/web/serve.mjs). Both pages
// mark their start-up phases on the performance timeline ("<page>:main", ":fonts" (the atlas built), ":window" (window,
// GL context, ImGui's backends), ":window-fonts" (both), Papertide's ":data", ":first-frame"); the resource timing
// gives the download. The app builds its atlas before its window and the floor after, so each of those two phases
// runs from whichever mark comes before it. "GPU done" is when the GPU process has carried out everything the page
// sent up to its first frame: right after the first-frame mark the bench reads one pixel back, which Chromium
// answers only then (the page's own marks come when its main thread is done, which may be sooner). Prints medians
// and writes the runs as JSON.
//   node bench/startup.mjs [--app build/web] [--floor build/bench-web/floor] [--runs 10] [--json FILE]
//                          [--width 1280 --height 800 --dpr 1]
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from '../tests/web/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = { app: 'build/web', floor: 'build/bench-web/floor', runs: 10, json: '', width: 1280, height: 800, dpr: 1 };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
// One load of `page` ('papertide' or 'floor', each from its own server): the phases in ms since navigation.
async function load(browser, servers, page) {
  const context = await browser.newContext({ viewport: { width: +args.width, height: +args.height },
    deviceScaleFactor: +args.dpr });
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.addInitScript(markGpuDone);
    await tab.goto(servers[page].url);
    await tab.waitForFunction((name) => performance.getEntriesByName(`${name}:first-frame`).length > 0, page,
      { timeout: 120000, polling: 50 });
    if (errors.length) throw new Error(`${page}: ${errors.join('\n')}`);
    return await tab.evaluate((name) => {
      const mark = (phase) => performance.getEntriesByName(`${name}:${phase}`)[0]?.startTime ?? null;
      const files = performance.getEntriesByType('resource').filter((r) => /\.(js|wasm|data|snapshot)$/.test(new URL(r.name).pathname));
      return {
        download: Math.max(...files.map((r) => r.responseEnd)),
        bytes: files.reduce((sum, r) => sum + r.encodedBodySize, 0),
        main: mark('main'), fonts: mark('fonts'), window: mark('window'), windowFonts: mark('window-fonts'),
        data: mark('data'), firstFrame: mark('first-frame'), gpuDone: mark('gpu-done'),
      };
    }, page);
  } finally {
    await context.close();
  }
}

// In the page, before its own scripts: once "<page>:first-frame" is marked, a read of one pixel waits for the GPU
// process, then "<page>:gpu-done" is marked.
function markGpuDone() {
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    const entry = mark(name, ...rest);
    if (/:first-frame$/.test(name)) {
      const gl = document.getElementById('canvas').getContext('webgl2');
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      mark(name.replace(/first-frame$/, 'gpu-done'));
    }
    return entry;
  };
}

const median = (values) => {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : null;
};
const r1 = (x) => (x == null ? '–' : x.toFixed(0));

// The project's own static server (the one the tests and serve.sh use), one per page.
const servers = { papertide: await startServer({ root: path.resolve(root, args.app) }),
  floor: await startServer({ root: path.resolve(root, args.floor) }) };
const browser = await chromium.launch({ executablePath: process.env.PAPERTIDE_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
const runs = { papertide: [], floor: [] };
try {
  await load(browser, servers, 'floor');  // warm-up (the browser's own first start), not counted
  await load(browser, servers, 'papertide');
  for (let i = 0; i < +args.runs; i++)
    for (const page of i % 2 ? ['papertide', 'floor'] : ['floor', 'papertide']) runs[page].push(await load(browser, servers, page));
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
}

// Per phase: the median of each run's own difference (download end -> main, main -> window+fonts, ...).
const phases = (list) => ({
  bytes: median(list.map((r) => r.bytes)),
  download: median(list.map((r) => r.download)),
  compile: median(list.map((r) => r.main - r.download)),
  windowFonts: median(list.map((r) => r.windowFonts - r.main)),
  atlas: median(list.map((r) => r.fonts - (r.window < r.fonts ? r.window : r.main))),
  window: median(list.map((r) => r.window - (r.fonts < r.window ? r.fonts : r.main))),
  data: median(list.map((r) => (r.data == null ? null : r.data - r.windowFonts))),
  firstFrame: median(list.map((r) => r.firstFrame - (r.data ?? r.windowFonts))),
  total: median(list.map((r) => r.firstFrame)),
  gpuDone: median(list.map((r) => r.gpuDone)),
});
const summary = { papertide: phases(runs.papertide), floor: phases(runs.floor) };
summary.ratio = summary.papertide.total / summary.floor.total;
summary.gpuRatio = summary.papertide.gpuDone / summary.floor.gpuDone;
console.log(`start-up, ${args.runs} alternating runs each, medians (ms since navigation; ${args.width}x${args.height} DPR ${args.dpr})`);
console.log('| page | files (KB) | download done | compile + instantiate + preload | window + fonts | of which the font atlas | of which the window | data | first frame | ready | GPU done |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const page of ['floor', 'papertide']) {
  const s = summary[page];
  console.log(`| ${page} | ${r1(s.bytes / 1024)} | ${r1(s.download)} | ${r1(s.compile)} | ${r1(s.windowFonts)} | ${r1(s.atlas)} | ` +
    `${r1(s.window)} | ${r1(s.data)} | ${r1(s.firstFrame)} | **${r1(s.total)}** | ${r1(s.gpuDone)} |`);
}
console.log(`Papertide / floor: ${summary.ratio.toFixed(2)}× (ready), ${summary.gpuRatio.toFixed(2)}× (GPU done)`);
if (args.json) await writeFile(args.json, JSON.stringify({ args, summary, runs }, null, 2) + '\n');
