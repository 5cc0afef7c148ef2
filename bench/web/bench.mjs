// bench.mjs - runs in the benchmark page: one engine per page load (papertide | flexsearch | minisearch),
// on the corpus served under ./corpus/ and the queries of ./queries.tsv. Returns a JSON-able report.
// Papertide runs the wasm build of tools/bench/bench_web.cpp (the app's core); the libraries run on the
// same paper texts, and each result set is also checked against the exact definition (counts + time).
import { collectDocuments, createFlex, createMini, exactMatch, fold, parseQuery } from './engines.mjs';

const now = () => performance.now();
const round = (v) => Math.round(v * 1000) / 1000;

function percentile(values, p) {
  if (!values.length) return 0;
  const v = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * v.length);
  return v[Math.min(v.length - 1, Math.max(0, rank - 1))];
}

export function stats(values) {
  const sum = values.reduce((a, b) => a + b, 0);
  return { n: values.length, p50: round(percentile(values, 50)), p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : 0), mean: round(values.length ? sum / values.length : 0) };
}

function parseQueries(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    out.push({ kind: line.slice(0, tab), text: line.slice(tab + 1).replace(/\r$/, '') });
  }
  return out;
}

// One sample = the mean of a batch lasting at least 1 ms (as in bench_core.cpp).
function sample(fn, samples) {
  const out = [];
  for (let s = 0; s < samples; s++) {
    let n = 0;
    const t0 = now();
    let t1;
    do {
      fn();
      n++;
      t1 = now();
    } while (t1 - t0 < 1 && n < 100000);
    out.push((t1 - t0) / n);
  }
  return out;
}

const heapMB = () => (performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1e5) / 10 : null);
const gc = () => { if (window.gc) { window.gc(); window.gc(); } };

async function fetchCorpus() {
  const t0 = now();
  const manifest = await (await fetch('./corpus/manifest.json')).json();
  const files = await Promise.all(manifest.files.map(async (name) => {
    const response = await fetch('./corpus/' + name);
    if (!response.ok) throw new Error(`cannot fetch ${name}: ${response.status}`);
    return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
  }));
  const bytes = files.reduce((a, f) => a + f.bytes.length, 0);
  return { files, bytes, fetchMs: now() - t0 };
}

async function runPapertide(config, corpus, queryText) {
  const t0 = now();
  const { default: create } = await import(`../bench-web/papertide-bench${config.variant === 'o2' ? '-o2' : ''}.js`);
  const Module = await create();
  const instantiateMs = now() - t0;
  Module._bench_reset();
  const t1 = now();
  for (const f of corpus.files) {
    const ptr = Module._malloc(f.bytes.length);
    Module.HEAPU8.set(f.bytes, ptr);
    Module.ccall('bench_add_file', null, ['string', 'number', 'number'], ['data/' + f.name, ptr, f.bytes.length]);
    Module._free(ptr);
  }
  const copyMs = now() - t1;
  corpus.files = null;  // the app keeps no second copy either
  Module._bench_load(corpus.fetchMs + copyMs);
  Module._bench_index();
  Module.ccall('bench_queries', null, ['string', 'number'], [queryText, config.samples]);
  Module._bench_keystrokes();
  Module._bench_filters();
  const report = JSON.parse(Module.UTF8ToString(Module._bench_report()));
  report.load_ms.fetch = round(corpus.fetchMs);
  report.load_ms.copy_into_wasm = round(copyMs);
  report.load_ms.wasm_instantiate = round(instantiateMs);
  report.load_ms.read = round(corpus.fetchMs + copyMs);
  report.load_ms.total = round(corpus.fetchMs + copyMs + report.load_ms.parse_merge);
  report.load_ms.total_with_index = round(report.load_ms.total + report.index.build_ms);
  report.engine = 'papertide-wasm' + (config.variant === 'o2' ? '-O2' : '-Oz');
  return report;
}

async function runLibrary(config, corpus, queryText) {
  const isFlex = config.engine === 'flexsearch';
  const lib = isFlex ? await import('../node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs')
                     : (await import('../node_modules/minisearch/dist/es/index.js')).default;
  const heapBefore = heapMB();
  // Load: decode + JSON.parse every digest, one document per paper (the libraries have no loader).
  let t0 = now();
  const decoder = new TextDecoder();
  const digests = [];
  for (const f of corpus.files) if (f.name.startsWith('digests/')) digests.push(JSON.parse(decoder.decode(f.bytes)));
  corpus.files = null;
  let docs = collectDocuments(digests);
  digests.length = 0;
  const parseMs = now() - t0;
  // Folded texts for the exactness check (not part of the engine's index or its timings).
  const folded = docs.map((d) => fold(d.text));
  gc();
  const heapDocs = heapMB();
  t0 = now();
  let index = isFlex ? createFlex(lib) : createMini(lib);
  if (isFlex) for (const d of docs) index.add(d.id, d.text);
  else index.addAll(docs);
  const buildMs = now() - t0;
  docs = null;
  gc();
  const heapIndexed = heapMB();  // folded texts (for the exactness check) + the index

  let search = isFlex ? (q) => index.search(q, { limit: 1e9 }) : (q) => index.search(q).map((r) => r.id);
  const queries = parseQueries(queryText).filter((q) => q.kind !== 'typing');
  const perQuery = [];
  const all = [], allExact = [];  // per query: the median of its samples
  for (const q of queries) {
    const parsed = parseQuery(q.text);
    if (parsed.exclude.length) {  // neither library has exclusion
      perQuery.push({ kind: q.kind, query: q.text, supported: false });
      continue;
    }
    const ids = search(q.text);
    const exactIds = ids.filter((id) => exactMatch(folded[id], parsed));
    const samples = sample(() => search(q.text), config.samples);
    const exactSamples = sample(() => search(q.text).filter((id) => exactMatch(folded[id], parsed)), config.samples);
    all.push(percentile(samples, 50));
    allExact.push(percentile(exactSamples, 50));
    perQuery.push({ kind: q.kind, query: q.text, supported: true, count: ids.length, exact_count: exactIds.length,
      samples_ms: samples.map(round), p50_us: Math.round(percentile(samples, 50) * 10000) / 10,
      exact_p50_us: Math.round(percentile(exactSamples, 50) * 10000) / 10 });
  }
  // The index's own size: the heap with it, minus the heap once it is dropped.
  index = null;
  search = null;
  gc();
  const heapWithoutIndex = heapMB();
  return {
    engine: config.engine,
    corpus: { papers: folded.length, json_mb: Math.round(corpus.bytes / 1e5) / 10 },
    load_ms: { fetch: round(corpus.fetchMs), parse_merge: round(parseMs), total: round(corpus.fetchMs + parseMs),
      total_with_index: round(corpus.fetchMs + parseMs + buildMs) },
    index: { build_ms: round(buildMs),
      memory_mb: heapIndexed !== null && heapWithoutIndex !== null ? round(heapIndexed - heapWithoutIndex) : null },
    memory_mb: { js_heap_before: heapBefore, js_heap_documents: heapDocs, js_heap_indexed: heapIndexed },
    query_ms: stats(all),
    exact_query_ms: stats(allExact),
    queries: perQuery,
  };
}

export async function runBench(config) {
  config = { samples: 7, variant: 'oz', engine: 'papertide', ...config };
  const queryText = await (await fetch('./queries.tsv')).text();
  const corpus = await fetchCorpus();
  gc();
  const report = config.engine === 'papertide' ? await runPapertide(config, corpus, queryText)
                                               : await runLibrary(config, corpus, queryText);
  report.user_agent = navigator.userAgent;
  report.cross_origin_isolated = self.crossOriginIsolated;
  return report;
}
