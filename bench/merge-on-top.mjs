// merge-on-top.mjs - issue #17: a reader's digest added on top of the snapshot's corpus in the browser (chosen with
// the file picker, as a reader does), per corpus size: the time from handing the file to the page to the state with
// the new digest (parse, corpus merge, index merge, the first redraw), and the wasm memory before and after (it never
// shrinks: the growth is the merge's transient peak above what was reserved). One headless Chromium, fresh context
// per run. The JSON path's rebuild, which this replaces, is in bench/corpus-startup.mjs ("json" mode).
//   node bench/merge-on-top.mjs --sites seed=build/web,100k=DIR --digest FILE [--runs 3] [--timeout MS]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from '../tests/web/serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = { sites: 'seed=build/web', runs: 3, timeout: 600000, digest: '' };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (!args.digest) throw new Error('--digest FILE: the reader digest to add');
const digest = readFileSync(path.resolve(args.digest));
const sites = args.sites.split(',').map((s) => { const [name, dir] = s.split('='); return { name, dir: path.resolve(root, dir) }; });
const MB = 1024 * 1024;

async function addOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    const tab = await context.newPage();
    await tab.goto(url);
    await tab.waitForFunction(() => window.papertide && window.papertide.ready, null, { timeout: +args.timeout });
    await tab.evaluate(() => window.papertide.ready);
    const before = await tab.evaluate(() => ({ ...window.papertide.state(), ...window.papertide.memory() }));
    const started = Date.now();
    await tab.setInputFiles('#file-picker', { name: path.basename(args.digest), mimeType: 'application/json', buffer: digest });
    await tab.waitForFunction((n) => window.papertide.state().digests === n, before.digests + 1,
      { timeout: +args.timeout, polling: 20 });
    const ms = Date.now() - started;
    const after = await tab.evaluate(() => ({ ...window.papertide.state(), ...window.papertide.memory() }));
    return { ms, papersBefore: before.papers, papersAfter: after.papers, source: after.corpusSource,
      wasmBefore: before.wasmBytes / MB, wasmAfter: after.wasmBytes / MB, inUseAfter: after.inUseBytes / MB };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch({ executablePath: process.env.PAPERTIDE_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
try {
  console.log('| corpus | papers before → after | add (ms) | wasm memory before → after (MB) | in use after (MB) | source |');
  console.log('|---|---|---:|---|---:|---|');
  for (const site of sites) {
    const server = await startServer({ root: site.dir });
    try {
      for (let r = 0; r < +args.runs; ++r) {
        const x = await addOnce(browser, server.url);
        console.log(`| ${site.name} | ${x.papersBefore} → ${x.papersAfter} | ${x.ms} | ${x.wasmBefore.toFixed(0)} → ` +
          `${x.wasmAfter.toFixed(0)} | ${x.inUseAfter.toFixed(0)} | ${x.source} |`);
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
