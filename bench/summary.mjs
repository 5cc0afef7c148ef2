// summary.mjs - one Markdown table from the JSON reports of scripts/bench.sh (build/bench/results/):
//   native-<size>.json (papertide-bench), web-<size>.json (bench/web-bench.mjs: Papertide -Oz, FlexSearch,
//   MiniSearch), web-<size>-o2.json (Papertide core at -O2), frames-<size>.json (papertide-frames).
//   node bench/summary.mjs [RESULTS_DIR] [SIZE...]
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

const dir = process.argv[2] || 'build/bench/results';
const order = (s) => parseFloat(s) * ({ k: 1e3, m: 1e6 }[s.slice(-1).toLowerCase()] || 1);
let sizes = process.argv.slice(3);
const files = await readdir(dir).catch(() => []);
if (!sizes.length) sizes = [...new Set(files.map((f) => f.match(/^(?:native|web|frames)-([^-.]+)/)?.[1]).filter(Boolean))].sort((a, b) => order(a) - order(b));

const load = async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8').catch(() => 'null'));
const get = (o, p) => p.split('.').reduce((v, k) => (v == null ? undefined : v[k]), o);
const fmt = (v, unit = '') => {
  if (v === undefined || v === null || Number.isNaN(v)) return '–';
  if (typeof v !== 'number') return String(v);
  const s = v >= 1000 ? Math.round(v).toLocaleString('en-US') : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3);
  return s + unit;
};
const ratio = (a, b) => (a && b ? `${(b / a).toFixed(b / a >= 10 ? 0 : 1)}×` : '–');

const data = {};
for (const size of sizes) {
  data[size] = { native: await load(`native-${size}.json`), web: await load(`web-${size}.json`),
    o2: await load(`web-${size}-o2.json`), frames: await load(`frames-${size}.json`) };
}

const rows = [];
const row = (label, fn) => rows.push([label, ...sizes.map((s) => { try { return fn(data[s]); } catch { return '–'; } })]);
const lat = (d, engine, q) => get(d.web, `comparison.latency_common_queries_ms.${engine}.${q}`);

row('papers / appearances', (d) => (d.native ? `${fmt(d.native.corpus.papers)} / ${fmt(d.native.corpus.appearances)}` : '–'));
row('digest JSON (MB) / digests', (d) => (d.native ? `${fmt(d.native.corpus.json_mb)} / ${d.native.corpus.digests}` : '–'));
row('**native** read files (ms)', (d) => fmt(get(d.native, 'load_ms.read')));
row('native parse + validate + merge (ms)', (d) => fmt(get(d.native, 'load_ms.parse_merge')));
row('native index build (ms)', (d) => fmt(get(d.native, 'index.build_ms')));
row('native index memory (MB)', (d) => fmt(get(d.native, 'index.memory_mb')));
row('native peak RSS: load / all (MB)', (d) => `${fmt(get(d.native, 'memory_mb.loaded.peak_rss'))} / ${fmt(get(d.native, 'memory_mb.end.peak_rss'))}`);
row('native query p50 / p99 (ms)', (d) => `${fmt(get(d.native, 'query_ms.p50'))} / ${fmt(get(d.native, 'query_ms.p99'))}`);
row('native keystroke (core) p50 / p99 (ms)', (d) => `${fmt(get(d.native, 'keystroke_ms.p50'))} / ${fmt(get(d.native, 'keystroke_ms.p99'))}`);
row('native topic filter / last 12 months / matrix, all (ms)', (d) => `${fmt(get(d.native, 'filter_ms.topic_filter'))} / ${fmt(get(d.native, 'filter_ms.last_12_months'))} / ${fmt(get(d.native, 'filter_ms.matrix_all_papers'))}`);
row('**browser** fetch corpus (ms)', (d) => fmt(get(d.web, 'papertide.load_ms.fetch')));
row('Papertide parse + validate + merge (ms)', (d) => fmt(get(d.web, 'papertide.load_ms.parse_merge')));
row('  same, core at -O2 (ms)', (d) => fmt(get(d.o2, 'papertide.load_ms.parse_merge')));
row('JS JSON.parse + documents, libraries (ms)', (d) => fmt(get(d.web, 'flexsearch.load_ms.parse_merge') ?? get(d.web, 'minisearch.load_ms.parse_merge')));
row('index build: Papertide (ms)', (d) => fmt(get(d.web, 'papertide.index.build_ms')));
row('  same, core at -O2 (ms)', (d) => fmt(get(d.o2, 'papertide.index.build_ms')));
row('index build: FlexSearch (ms)', (d) => `${fmt(get(d.web, 'flexsearch.index.build_ms'))} (${ratio(get(d.web, 'papertide.index.build_ms'), get(d.web, 'flexsearch.index.build_ms'))})`);
row('index build: MiniSearch (ms)', (d) => `${fmt(get(d.web, 'minisearch.index.build_ms'))} (${ratio(get(d.web, 'papertide.index.build_ms'), get(d.web, 'minisearch.index.build_ms'))})`);
row('load + index, Papertide (ms)', (d) => fmt(get(d.web, 'papertide.load_ms.total_with_index')));
row('load + index, FlexSearch / MiniSearch (ms)', (d) => `${fmt(get(d.web, 'flexsearch.load_ms.total_with_index'))} / ${fmt(get(d.web, 'minisearch.load_ms.total_with_index'))}`);
row('Papertide wasm memory after index (MB)', (d) => fmt(get(d.web, 'papertide.memory_mb.explorer_ready.wasm_memory')));
row('index memory: Papertide / Flex / Mini (MB)', (d) => `${fmt(get(d.web, 'papertide.index.memory_mb'))} / ${fmt(get(d.web, 'flexsearch.index.memory_mb'))} / ${fmt(get(d.web, 'minisearch.index.memory_mb'))}`);
row('query p50: Papertide (exact)', (d) => fmt(lat(d, 'papertide', 'p50'), ' ms'));
row('query p50: FlexSearch raw / +exact', (d) => `${fmt(lat(d, 'flexsearch', 'p50'))} / ${fmt(lat(d, 'flexsearch_exact', 'p50'))} ms (${ratio(lat(d, 'papertide', 'p50'), lat(d, 'flexsearch', 'p50'))})`);
row('query p50: MiniSearch raw / +exact', (d) => `${fmt(lat(d, 'minisearch', 'p50'))} / ${fmt(lat(d, 'minisearch_exact', 'p50'))} ms (${ratio(lat(d, 'papertide', 'p50'), lat(d, 'minisearch', 'p50'))})`);
row('query p99: Papertide (exact)', (d) => fmt(lat(d, 'papertide', 'p99'), ' ms'));
row('query p99: FlexSearch raw / +exact', (d) => `${fmt(lat(d, 'flexsearch', 'p99'))} / ${fmt(lat(d, 'flexsearch_exact', 'p99'))} ms (${ratio(lat(d, 'papertide', 'p99'), lat(d, 'flexsearch', 'p99'))})`);
row('query p99: MiniSearch raw / +exact', (d) => `${fmt(lat(d, 'minisearch', 'p99'))} / ${fmt(lat(d, 'minisearch_exact', 'p99'))} ms (${ratio(lat(d, 'papertide', 'p99'), lat(d, 'minisearch', 'p99'))})`);
row('native related list (a card) p50 / p99 (ms)', (d) => `${fmt(get(d.native, 'related.card_ms.p50'))} / ${fmt(get(d.native, 'related.card_ms.p99'))}`);
row('browser related list (a card) p50 / p99 (ms)', (d) => `${fmt(get(d.web, 'papertide.related.card_ms.p50'))} / ${fmt(get(d.web, 'papertide.related.card_ms.p99'))}`);
row('browser related index build (ms) / memory (MB)', (d) => `${fmt(get(d.web, 'papertide.related.build_ms'))} / ${fmt(get(d.web, 'papertide.related.memory_mb'))}`);
row('browser keystroke (core) p50 / p99 (ms)', (d) => `${fmt(get(d.web, 'papertide.keystroke_ms.p50'))} / ${fmt(get(d.web, 'papertide.keystroke_ms.p99'))}`);
row('  same, core at -O2', (d) => `${fmt(get(d.o2, 'papertide.keystroke_ms.p50'))} / ${fmt(get(d.o2, 'papertide.keystroke_ms.p99'))}`);
row('browser topic filter / last 12 months / matrix, all (ms)', (d) => `${fmt(get(d.web, 'papertide.filter_ms.topic_filter'))} / ${fmt(get(d.web, 'papertide.filter_ms.last_12_months'))} / ${fmt(get(d.web, 'papertide.filter_ms.matrix_all_papers'))}`);
row('**UI** (native window) keystroke CPU p50 / p99 (ms)', (d) => `${fmt(get(d.frames, 'keystroke_cpu_ms.p50'))} / ${fmt(get(d.frames, 'keystroke_cpu_ms.p99'))}`);
row('UI keystroke frame, llvmpipe wall p50 / p99 (ms)', (d) => `${fmt(get(d.frames, 'keystroke_frame_ms.p50'))} / ${fmt(get(d.frames, 'keystroke_frame_ms.p99'))}`);
row('UI idle frame, llvmpipe wall p50 (ms)', (d) => fmt(get(d.frames, 'idle_frame_p50_ms')));
row('UI first frame after load (ms)', (d) => fmt(get(d.frames, 'first_frame_ms')));

const mismatches = [];
for (const s of sizes) {
  for (const c of get(data[s].web, 'comparison.counts') || []) {
    for (const lib of ['flexsearch', 'minisearch']) {
      if (c[lib] === undefined || c[lib] === 'n/a') continue;
      if (c[lib] !== c.papertide || c[lib + '_exact'] !== c.papertide)
        mismatches.push(`${s} ${lib} "${c.query}": Papertide ${c.papertide}, ${lib} ${c[lib]} raw / ${c[lib + '_exact']} exact`);
    }
  }
}

const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length), i ? 6 : 10));
const line = (cells) => '| ' + cells.map((c, i) => (i ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(' | ') + ' |';
console.log(line(['', ...sizes]));
console.log('|' + widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log(`\nresult counts that differ from Papertide's exact ones (${mismatches.length}):`);
for (const m of mismatches.slice(0, 80)) console.log('  ' + m);
