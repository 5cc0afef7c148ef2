// web-bench.mjs - the browser benchmark: Papertide's wasm core, FlexSearch and MiniSearch on the same corpus
// and queries in headless Chromium (one fresh browser per engine, so memory figures do not mix).
//   node bench/web-bench.mjs --data build/bench/10k [--label 10k] [--queries bench/queries.tsv]
//        [--variant oz|o2] [--engines papertide,flexsearch,minisearch] [--samples 7] [--json OUT.json]
// Needs build/bench-web/papertide-bench.js (cmake --build build/wasm --target papertide_bench_web),
// node_modules (npm ci: playwright-core, flexsearch, minisearch) and /usr/bin/chromium.
// The page is served cross-origin isolated (COOP/COEP), which gives performance.now() 5 us resolution.
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { queries: path.join(root, 'bench/queries.tsv'), variant: 'oz', engines: 'papertide,flexsearch,minisearch',
    samples: 7, webDir: process.env.PAPERTIDE_BENCH_WEB_DIR || path.join(root, 'build/bench-web') };
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in { data: 1, label: 1, queries: 1, variant: 1, engines: 1, samples: 1, json: 1, webDir: 1 })) throw new Error(`unknown option ${argv[i]}`);
    args[key] = argv[++i];
  }
  if (!args.data) throw new Error('usage: node bench/web-bench.mjs --data DIR [--label L] [--json OUT]');
  args.label ||= path.basename(args.data);
  args.samples = Number(args.samples);
  return args;
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm', '.tsv': 'text/plain; charset=utf-8' };

// Static files under a few mounts, cross-origin isolated; corpus/manifest.json lists the corpus files.
async function startServer(args) {
  const mounts = [
    ['/bench-web/', args.webDir],
    ['/node_modules/flexsearch/', path.join(root, 'node_modules/flexsearch')],
    ['/node_modules/minisearch/', path.join(root, 'node_modules/minisearch')],
    ['/corpus/', path.resolve(args.data)],
    ['/', path.join(root, 'bench/web')],
  ];
  const digests = (await readdir(path.join(args.data, 'digests'))).filter((n) => n.endsWith('.json')).sort();
  // The glossary too when the corpus has one: the app searches with cross-language expansion by default.
  const glossary = existsSync(path.join(args.data, 'glossary.json')) ? ['glossary.json'] : [];
  const manifest = JSON.stringify({ files: ['topics.json', ...glossary, ...digests.map((n) => 'digests/' + n)] });
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin', 'Cache-Control': 'no-store' };
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (url === '/queries.tsv') {
      res.writeHead(200, { ...headers, 'Content-Type': MIME['.tsv'] });
      return createReadStream(args.queries).pipe(res);
    }
    if (url === '/corpus/manifest.json') {
      res.writeHead(200, { ...headers, 'Content-Type': MIME['.json'] });
      return res.end(manifest);
    }
    for (const [mount, dir] of mounts) {
      if (!url.startsWith(mount)) continue;
      let file = path.resolve(dir, '.' + path.posix.normalize('/' + url.slice(mount.length)));
      if (file !== dir && !file.startsWith(dir + path.sep)) break;
      if (url.endsWith('/')) file = path.join(file, 'index.html');
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) break;
      // Corpus files come from memory (read once), so the fetch time is the browser's, not the disk's.
      let body = cache.get(file);
      if (!body) {
        body = await readFile(file);
        if (mount === '/corpus/') cache.set(file, body);
      }
      res.writeHead(200, { ...headers, 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream', 'Content-Length': body.length });
      return res.end(body);
    }
    res.writeHead(404, headers);
    res.end('not found\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

async function runEngine(serverUrl, engine, args) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'papertide-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.PAPERTIDE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-default-apps', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(serverUrl + 'index.html');
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
    const report = await page.evaluate((cfg) => window.runBench(cfg), { engine, variant: args.variant, samples: args.samples })
      .catch((e) => { throw new Error(`${engine}: ${e.message}\n${errors.join('\n')}`); });
    return report;
  } finally {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
}

function percentile(values, p) {
  if (!values.length) return 0;
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}
const r3 = (v) => Math.round(v * 1000) / 1000;

// Result counts side by side, and latency over the queries every engine supports.
function compare(reports) {
  const pt = reports.papertide;
  const rows = [];
  const common = { papertide: [], flexsearch: [], minisearch: [], flexsearch_exact: [], minisearch_exact: [] };
  (pt?.queries || []).forEach((q, i) => {
    const row = { kind: q.kind, query: q.query, papertide: q.count };
    let supported = true;
    for (const lib of ['flexsearch', 'minisearch']) {
      const lq = reports[lib]?.queries?.[i];
      if (!lq) continue;
      if (!lq.supported) { supported = false; row[lib] = 'n/a'; continue; }
      row[lib] = lq.count;
      row[lib + '_exact'] = lq.exact_count;
    }
    rows.push(row);
    if (!supported) return;
    // A query's latency is the median of its samples; p50/p99 are taken over the queries.
    common.papertide.push(percentile(q.samples_ms, 50));
    for (const lib of ['flexsearch', 'minisearch']) {
      const lq = reports[lib]?.queries?.[i];
      if (!lq) continue;
      common[lib].push(percentile(lq.samples_ms, 50));
      common[lib + '_exact'].push(lq.exact_p50_us / 1000);
    }
  });
  const latency = {};
  for (const [name, v] of Object.entries(common)) if (v.length) latency[name] = { p50: r3(percentile(v, 50)), p99: r3(percentile(v, 99)) };
  return { latency_common_queries_ms: latency, counts: rows };
}

function table(args, reports, comparison) {
  const cols = ['papertide', 'flexsearch', 'minisearch'].filter((e) => reports[e]);
  const get = (r, p) => p.split('.').reduce((o, k) => (o == null ? undefined : o[k]), r);
  const fmt = (v) => (v === undefined || v === null ? '-' : typeof v === 'number' ? (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3)) : String(v));
  const lines = [];
  const row = (label, values) => lines.push(label.padEnd(34) + values.map((v) => fmt(v).padStart(14)).join(''));
  lines.push(`browser benchmark, corpus ${args.label} (${reports.papertide?.corpus?.papers ?? '?'} papers), Papertide core ${args.variant === 'o2' ? '-O2' : '-Oz'}`);
  row('', cols);
  row('fetch (ms)', cols.map((c) => get(reports[c], 'load_ms.fetch')));
  row('parse + merge (ms)', cols.map((c) => get(reports[c], 'load_ms.parse_merge')));
  row('index build (ms)', cols.map((c) => get(reports[c], 'index.build_ms')));
  row('load + index total (ms)', cols.map((c) => get(reports[c], 'load_ms.total_with_index')));
  row('memory after index (MB)', cols.map((c) => (c === 'papertide' ? get(reports[c], 'memory_mb.explorer_ready.wasm_memory') : get(reports[c], 'memory_mb.js_heap_indexed'))));
  row('index memory (MB)', cols.map((c) => get(reports[c], 'index.memory_mb')));
  const lat = comparison.latency_common_queries_ms;
  row('query p50, common set (ms)', cols.map((c) => lat[c]?.p50));
  row('query p99, common set (ms)', cols.map((c) => lat[c]?.p99));
  row('  + exact verification p50 (ms)', cols.map((c) => (c === 'papertide' ? lat[c]?.p50 : lat[c + '_exact']?.p50)));
  row('  + exact verification p99 (ms)', cols.map((c) => (c === 'papertide' ? lat[c]?.p99 : lat[c + '_exact']?.p99)));
  row('keystroke p50 / p99 (ms)', cols.map((c) => (c === 'papertide' ? `${fmt(get(reports[c], 'keystroke_ms.p50'))}/${fmt(get(reports[c], 'keystroke_ms.p99'))}` : '-')));
  lines.push('');
  lines.push('result counts (library raw / after exact verification; n/a = exclusion unsupported):');
  for (const r of comparison.counts) {
    const lib = (name) => (r[name] === undefined ? '-' : r[name] === 'n/a' ? 'n/a' : `${r[name]}/${r[name + '_exact']}`);
    const flag = ['flexsearch', 'minisearch'].some((l) => r[l + '_exact'] !== undefined && r[l + '_exact'] !== r.papertide) ? '  *' : '';
    lines.push(`  ${r.kind.padEnd(16)} ${r.query.padEnd(28)} papertide ${String(r.papertide).padStart(7)}  flex ${lib('flexsearch').padStart(15)}  mini ${lib('minisearch').padStart(15)}${flag}`);
  }
  return lines.join('\n');
}

async function main() {
  const args = parseArgs(process.argv);
  const server = await startServer(args);
  const reports = {};
  try {
    for (const engine of args.engines.split(',')) {
      const t0 = Date.now();
      reports[engine] = await runEngine(server.url, engine, args);
      console.error(`web-bench: ${args.label}: ${engine} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await server.close();
  }
  const comparison = compare(reports);
  console.log(table(args, reports, comparison));
  if (args.json) await writeFile(args.json, JSON.stringify({ label: args.label, variant: args.variant, ...reports, comparison }, null, 2) + '\n');
}

main().catch((e) => {
  console.error(`web-bench: ${e.stack || e.message}`);
  process.exit(1);
});
