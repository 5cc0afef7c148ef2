// corpus-startup.mjs - issue #17: the site starting from its corpus snapshot against the same site reading the
// digest JSON instead (the snapshot answered with a 404, so the app takes its own fallback path), at several corpus
// sizes, alternately in one headless Chromium, each load in a fresh browser context (empty cache). Per size and path:
//   transfer   the corpus files raw, gzip (level 6, a server's default) and brotli (quality 9), computed here
//   ready      navigation → the first frame with the corpus (papertide:first-frame = window.papertide.ready)
//   after dl   ready − when the last corpus file finished downloading
//   data       the app's "data" phase: from its window and fonts to the whole corpus in (for the JSON path this
//              includes fetching the files, which starts then); first frame: from there to ready
//   read in    (snapshot) from the app getting the downloaded snapshot (papertide:corpus-in) to the data mark:
//              reading, checking and showing it, without the wait for the download
//   memory     the wasm memory after start-up (it never shrinks: this is its peak), what malloc has in use, and what
//              lies below the heap (static data, the C stack); peak ÷ in use = wasm memory ÷ (in use + below the heap)
// Sites: copies of build/web with another data/ (bench/make-corpus-site.sh). Prints a table, writes JSON.
//   node bench/corpus-startup.mjs --sites seed=build/web,1k=build/bench/site-1k [--runs 3] [--json FILE]
//                                 [--modes snapshot,json] [--timeout MS] [--compress 0 (raw sizes only: minutes saved at 500k+)]
//                                 [--mbps N: each file served at most N MB/s, as over a network rather than loopback]
import { readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { chromium } from 'playwright-core';

import { startServer } from '../tests/web/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = { sites: 'seed=build/web', runs: 3, json: '', timeout: 600000, modes: 'snapshot,json', compress: 1, mbps: 0 };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const modes = args.modes.split(',');
const sites = args.sites.split(',').map((s) => { const [name, dir] = s.split('='); return { name, dir: path.resolve(root, dir) }; });

const MB = 1024 * 1024;
function transfer(files) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const file of files) {
    if (!+args.compress) { raw += statSync(file).size; gzip = brotli = NaN; continue; }
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 6 }).length;
    brotli += zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
  }
  return { raw, gzip, brotli };
}

function corpusFiles(dir) {
  const data = path.join(dir, 'data');
  const listed = JSON.parse(readFileSync(path.join(data, 'files.json'), 'utf8')).files;
  return { snapshot: [path.join(data, 'corpus.snapshot')],
    json: [path.join(data, 'files.json'), ...listed.map((n) => path.join(data, n))] };
}

// One load: `mode` 'snapshot' (as shipped) or 'json' (the snapshot refused by the server).
async function load(browser, url, mode) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const tab = await context.newPage();
    if (mode === 'json') await tab.route('**/data/corpus.snapshot', (route) => route.fulfill({ status: 404, body: '' }));
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.goto(url);
    await tab.waitForFunction(() => performance.getEntriesByName('papertide:first-frame').length > 0, null,
      { timeout: +args.timeout, polling: 50 });
    if (errors.length) throw new Error(errors.join('\n'));
    return await tab.evaluate(() => {
      const corpus = performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname.includes('/data/'));
      const state = window.papertide.state();
      const mark = (phase) => performance.getEntriesByName(`papertide:${phase}`)[0]?.startTime ?? null;
      return {
        ready: mark('first-frame'), windowFonts: mark('window-fonts'), data: mark('data'), corpusIn: mark('corpus-in'),
        // The snapshot is downloaded by a worker (its resource timing is not the page's): the shell marks its end.
        corpusDownloaded: mark('corpus-downloaded') ?? (corpus.length ? Math.max(...corpus.map((r) => r.responseEnd)) : null),
        source: state.corpusSource, papers: state.papers, ...window.papertide.memory(),
      };
    });
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const v = values.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? (v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2) : null;
};

const browser = await chromium.launch({ executablePath: process.env.PAPERTIDE_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
const report = [];
try {
  for (const site of sites) {
    const files = corpusFiles(site.dir);
    const sizes = { snapshot: transfer(files.snapshot), json: transfer(files.json) };
    const server = await startServer({ root: site.dir, bytesPerSecond: +args.mbps * MB });
    const runs = Object.fromEntries(modes.map((m) => [m, []]));
    try {
      for (let i = 0; i < +args.runs; i++) {
        for (const mode of modes) {
          const run = await load(browser, server.url, mode);
          if (run.source !== mode) throw new Error(`${site.name} ${mode}: the app read its corpus from ${run.source}`);
          runs[mode].push(run);
          console.error(`# ${site.name} ${mode} run ${i + 1}: ready ${run.ready.toFixed(0)} ms, ${run.papers} papers`);
        }
      }
    } finally {
      await server.close();
    }
    for (const mode of modes) {
      const r = runs[mode];
      report.push({ site: site.name, mode, papers: r[0].papers, ...sizes[mode], runs: r,
        ready: median(r.map((x) => x.ready)), afterDownload: median(r.map((x) => x.ready - x.corpusDownloaded)),
        dataPhase: median(r.map((x) => x.data - x.windowFonts)), readIn: median(r.map((x) => x.data - x.corpusIn)), firstFrame: median(r.map((x) => x.ready - x.data)),
        wasmBytes: median(r.map((x) => x.wasmBytes)), inUseBytes: median(r.map((x) => x.inUseBytes)),
        belowHeapBytes: median(r.map((x) => x.belowHeapBytes)) });
    }
  }
} finally {
  await browser.close();
}

const f = (x, d = 0) => (x == null ? '–' : x.toFixed(d));
console.log(`| corpus | path | papers | corpus files raw / gzip / brotli (MB) | ready (ms) | ready after the corpus download (ms) | data phase (ms) | of which reading the snapshot in (ms) | first frame (ms) | wasm memory / in use + below the heap (MB) | peak ÷ in use |`);
console.log('|---|---|---:|---|---:|---:|---:|---:|---:|---|---:|');
for (const r of report) {
  console.log(`| ${r.site} | ${r.mode} | ${r.papers} | ${f(r.raw / MB, 2)} / ${f(r.gzip / MB, 2)} / ${f(r.brotli / MB, 2)} | ` +
    `${f(r.ready)} | ${f(r.afterDownload)} | ${f(r.dataPhase)} | ${r.mode === 'snapshot' ? f(r.readIn) : '–'} | ${f(r.firstFrame)} | ${f(r.wasmBytes / MB, 1)} / ${f(r.inUseBytes / MB, 1)} + ${f(r.belowHeapBytes / MB, 1)} | ` +
    `${f(r.wasmBytes / (r.inUseBytes + r.belowHeapBytes), 2)}× |`);
}
if (args.json) await writeFile(args.json, JSON.stringify({ runs: +args.runs, report }, null, 1));
