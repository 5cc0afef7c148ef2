// page.js - the page around the canvas: the loading overlay and its bilingual error panel, window.papertide
// (ready / state / setState / openLink), the canvas size and the colour scheme.
import { cxx, isRunning } from './bridge.js';

// The single-file build (papertide.html) carries the wasm and the data as base64 in these two elements.
export const embeddedWasm = document.getElementById('papertide-wasm');
export const embeddedData = document.getElementById('papertide-data');
export const embedded = Boolean(embeddedWasm && embeddedData);

// The single file's inline binaries (base64 text of a non-executed <script>).
export function decodeBase64(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const canvas = document.getElementById('canvas');
const overlay = document.getElementById('overlay');

let failed = false;
let resolveReady;
let rejectReady;
export const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
ready.catch(() => {});  // failures are shown on the page; awaiting callers still see the rejection

export function focusCanvas() {
  canvas.focus({ preventScroll: true });
}

// True until the first frame is on screen (or loading failed).
export function isLoading() {
  return !overlay.hidden;
}

// Shows why Papertide cannot run, once (the first reason wins). `fallback`: the papers.html link's fragment
// ('#unsupported' shows a note there that the browser lacks what the app needs). The single file has no
// papers.html beside it, so no link there.
export function showError(english, chinese, detail, fallback = '') {
  if (failed) return;
  failed = true;
  overlay.hidden = false;
  for (const id of ['spinner', 'status', 'progress']) document.getElementById(id).hidden = true;
  const errorEl = document.getElementById('error');
  errorEl.hidden = false;
  errorEl.replaceChildren();
  const h1 = document.createElement('h1');
  h1.textContent = english;
  const zh = document.createElement('p');
  zh.textContent = chinese;
  errorEl.append(h1, zh);
  if (detail) {
    const pre = document.createElement('pre');
    pre.textContent = String(detail);
    errorEl.append(pre);
  }
  if (!embedded) {
    const p = document.createElement('p');
    p.className = 'fallback';
    const a = document.createElement('a');
    a.href = 'papers.html' + fallback;
    a.textContent = 'Read every digest and paper as plain HTML · 阅读全部摘要和论文（纯 HTML）';
    p.append(a);
    errorEl.append(p);
  }
  rejectReady(new Error(english + (detail ? ': ' + detail : '')));
}

export function hasFailed() {
  return failed;
}

// The corpus line is kept up to date from the first byte but shown only when the download is still going after a
// while (corpus.js): on a fast connection it would flash for a moment, and each change of a shown line lays the
// page out again while the app is starting (about 30 ms before main() at the seed size).
const corpusProgress = { shown: false, received: 0, total: 0 };

// Emscripten's download progress ("Downloading data... (12/34)") as the progress bar.
export function showStatus(text) {
  if (failed || !text) return;
  const m = /\((\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\)/.exec(text);
  const progressEl = document.getElementById('progress');
  if (m && !corpusProgress.shown) {  // once shown, the bar is the corpus download's
    progressEl.hidden = false;
    progressEl.max = Number(m[2]);
    progressEl.value = Number(m[1]);
  }
  document.getElementById('status').textContent = 'Loading Papertide… · 正在加载论文潮…';
}

// The corpus download, under the progress bar (a large corpus on a slow connection takes a while).
export function showCorpusProgress(received, total) {
  const el = document.getElementById('corpus-progress');
  if (!el || failed) return;
  const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1);
  const amount = total > 0 ? `${mb(received)} / ${mb(total)} MB` : `${mb(received)} MB`;
  el.textContent = `Corpus ${amount} · 语料 ${amount}`;
  Object.assign(corpusProgress, { received, total });
  if (corpusProgress.shown) showCorpusBar();
}

// Shows the corpus line (corpus.js, once the download has run for a while).
export function revealCorpusProgress() {
  const el = document.getElementById('corpus-progress');
  if (!el || failed || !isLoading()) return;
  corpusProgress.shown = true;
  el.hidden = false;
  showCorpusBar();
}

// The bar too, when the length is known: the wasm and the fonts are usually in long before a large corpus.
function showCorpusBar() {
  if (corpusProgress.total <= 0) return;
  const bar = document.getElementById('progress');
  bar.hidden = false;
  bar.max = corpusProgress.total;
  bar.value = corpusProgress.received;
}

// The browser has no WebGL 2 (no API, or a context refused: blocklisted GPU, hardware acceleration off).
export function showNoWebGL2(detail = '') {
  showError('WebGL 2 is not available in this browser, so Papertide cannot draw.',
            '此浏览器不支持 WebGL 2（或已被禁用），论文潮无法显示。请启用硬件加速或换用较新的浏览器。', detail, '#unsupported');
}

export const handlers = {
  ready() {
    overlay.hidden = true;
    focusCanvas();
    resolveReady();
  },
  fatal(message) {
    showError('Papertide could not start.', '论文潮无法启动。', message);
  },
  noGraphics(message) {
    showNoWebGL2(message);
  },
  warn(message) {
    console.warn('papertide: ' + message);
  },
  prefersDark() {
    return !(window.matchMedia && matchMedia('(prefers-color-scheme: light)').matches);
  },
};

// window.papertide: the page API (README "The page API"); `extra`: what other modules of the shell add to it.
export function publishPageApi(extra = {}) {
  window.papertide = {
    ...extra,
    ready,
    state() { return JSON.parse(cxx.stateJson()); },
    setState(partial) { return cxx.applyState(JSON.stringify(partial || {})) === 1; },
    openLink(url) { return cxx.openLink(String(url)) === 1; },
    // The wasm memory (it only grows, so this is also its peak), what malloc has handed out of it now, and what
    // lies below the heap (static data, C stack): what stays in use is the last two.
    memory() {
      return { wasmBytes: window.Module.HEAPU8.length, inUseBytes: cxx.heapInUse(), belowHeapBytes: cxx.memoryBelowHeap() };
    },
  };
}

// SDL resizes the canvas on window 'resize': forward container and pixel-ratio changes as one. A change of the
// system colour scheme redraws (the "System" theme follows it).
export function watchPage() {
  const forwardResize = () => window.dispatchEvent(new Event('resize'));
  if (typeof ResizeObserver === 'function') new ResizeObserver(forwardResize).observe(canvas.parentElement);
  (function watchPixelRatio() {
    const query = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
    query.addEventListener('change', () => { forwardResize(); watchPixelRatio(); }, { once: true });
  })();
  if (window.matchMedia) {
    matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => {
      if (isRunning()) cxx.requestFrames();
    });
  }
  // Loading fails in ways Emscripten does not report (a script that does not parse, ...).
  window.addEventListener('error', (event) => {
    if (isLoading()) showError('Papertide failed to load.', '论文潮加载失败，请检查网络后刷新页面。', event.message);
  });
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    showError('The graphics context was lost. Please reload the page.', '图形上下文已丢失，请刷新页面。');
  });
}
