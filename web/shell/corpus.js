// corpus.js - the bundled corpus. data/corpus.snapshot (the merged corpus and its search index, written at build
// time by `papertide pack`) is fetched beside the wasm and kept here in blocks; the app reads it slice by slice
// while it arrives, so the file is never in wasm memory whole and reading overlaps the download. The digest
// files themselves (data/files.json lists them) are fetched only when the app asks: no snapshot, a refused one,
// a digest taken out or a newer version of a reader's digest (the app merges a reader's digests on top, so
// they need no bundled file).
// The single file (papertide.html) carries both inline: #papertide-corpus (base64) and #papertide-files (JSON).
import { cxx } from './bridge.js';
import { decodeBase64, revealCorpusProgress, showCorpusProgress } from './page.js';

const SNAPSHOT_URL = 'data/corpus.snapshot';
const WORKER_URL = 'snapshot-download.js';
const FILE_LIST_URL = 'data/files.json';
// The download is kept in blocks of this size, filled in order: the app reads a slice by its offset (it may span
// two blocks), no buffer of the whole file is ever needed (a million papers are gigabytes), and the blocks the
// app has read are let go while the rest still arrives.
const BLOCK_BYTES = 4 << 20;

let blocks = [];            // Uint8Array (BLOCK_BYTES each, the last one filling), null once let go
let arrived = 0;            // bytes of the snapshot received so far
let read = 0;               // bytes the app has read (and let go)
let corpusReady = null;     // settles when the snapshot download has (or has not) arrived and the kept digests are in
let stopDownload = null;    // ends the download in progress early (and settles it)

function embeddedElement(id) {
  return document.getElementById(id);
}

function keep(bytes) {
  let at = 0;
  while (at < bytes.length) {
    const within = arrived % BLOCK_BYTES;
    if (within === 0) blocks.push(new Uint8Array(BLOCK_BYTES));
    const n = Math.min(BLOCK_BYTES - within, bytes.length - at);
    blocks[blocks.length - 1].set(bytes.subarray(at, at + n), within);
    at += n;
    arrived += n;
  }
}

// In a worker (web/snapshot-download.js), so that the download does not wait while the app reads on the main
// thread; where no worker can start, on the main thread. Resolves once the whole file is in.
function fetchSnapshot() {
  const inline = embeddedElement('papertide-corpus');
  if (inline) {
    keep(decodeBase64(inline.textContent));
    return Promise.resolve();
  }
  return fetchInWorker().catch((e) => {
    if (!e.workerFailed) throw e;
    blocks = [];
    arrived = 0;
    return fetchOnMainThread();
  });
}

function fetchInWorker() {
  return new Promise((resolve, reject) => {
    let worker, length = 0;
    const fail = (message, workerFailed) => {
      worker.terminate();
      reject(Object.assign(new Error(message), { workerFailed }));
    };
    // The snapshot's URL is the worker's name, not a message: a message to a worker still starting waits on the
    // page's main thread, which main() holds for half a second or more, and the download would begin only then.
    try {
      worker = new Worker(WORKER_URL, { name: new URL(SNAPSHOT_URL, document.baseURI).href });
    } catch (e) {
      reject(Object.assign(new Error(String(e)), { workerFailed: true }));
      return;
    }
    worker.onerror = (event) => { event.preventDefault(); fail(`${WORKER_URL}: ${event.message || 'cannot start'}`, true); };
    worker.onmessage = ({ data }) => {
      if (data.chunk) {
        keep(new Uint8Array(data.chunk));
        showCorpusProgress(arrived, length);
      } else if ('length' in data) {
        length = data.length;
      } else if (data.done) {
        markDownloaded(data.at - performance.timeOrigin);
        worker.terminate();
        resolve();
      } else if ('error' in data) {
        fail(data.error, false);
      }
    };
    stopDownload = () => {
      worker.terminate();
      resolve();
    };
  });
}

// papertide:corpus-downloaded on the page's timeline (benchmarks: the time from there to the first frame).
function markDownloaded(startTime) {
  if (performance.mark) performance.mark('papertide:corpus-downloaded', { startTime });
}

async function fetchOnMainThread() {
  const controller = new AbortController();
  stopDownload = () => controller.abort();
  const response = await fetch(SNAPSHOT_URL, { signal: controller.signal });
  if (!response.ok) throw new Error(`${SNAPSHOT_URL}: HTTP ${response.status}`);
  const length = response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0;
  if (!response.body || typeof response.body.getReader !== 'function') {
    keep(new Uint8Array(await response.arrayBuffer()));
    markDownloaded(performance.now());
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    keep(value);
    showCorpusProgress(arrived, length);
  }
  markDownloaded(performance.now());
}

async function fetchFile(name) {
  const response = await fetch('data/' + name);
  if (!response.ok) throw new Error(`data/${name}: HTTP ${response.status}`);
  return response.text();
}

// How many digest files are fetched ahead of the one the app is given next: enough to keep the connection busy
// while the app parses, few enough that a phone never holds thousands of them at once.
const FILES_AHEAD = 16;

// Hands the bundled files to the app one at a time, in the list's order (the loader's order decides which of two
// digests with one id is refused), each as soon as it and those before it are in: the app parses each as it
// comes and lets its bytes go, so neither side ever holds them all. Every listed file is tried; one that cannot
// be fetched is a problem line, and the rest still load. Each request fetches anew: the app keeps no copy, and
// the browser's cache (or the service worker) answers a second time. Returns the problem lines.
async function sendBundledFiles() {
  const inline = embeddedElement('papertide-files');
  if (inline) {
    const map = JSON.parse(inline.textContent);
    for (const name of Object.keys(map)) cxx.bundledFile('data/' + name, map[name]);
    return [];
  }
  let names;
  try {
    const response = await fetch(FILE_LIST_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    names = (await response.json()).files;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new Error('no "files" list of names');
  } catch (e) {
    return [`${FILE_LIST_URL}: ${e && e.message}; the bundled digests cannot be loaded`];
  }
  const problems = [];
  const fetches = [];
  const start = (i) => {
    if (i < names.length) fetches[i] = fetchFile(names[i]).then((text) => ({ text }), (e) => ({ problem: String(e && e.message) }));
  };
  for (let i = 0; i < FILES_AHEAD; ++i) start(i);
  for (let i = 0; i < names.length; ++i) {
    const got = await fetches[i];
    fetches[i] = null;
    start(i + FILES_AHEAD);
    if ('text' in got) cxx.bundledFile('data/' + names[i], got.text);
    else problems.push(got.problem);
  }
  return problems;
}

// Starts the download beside the wasm's. The app starts meanwhile and asks for the corpus once its window and
// fonts are up (whenCorpusReady); a reader's kept digests are merged on top of it; without a usable snapshot
// the app asks for the files.
// window.papertide.snapshotProgress(): how far the download and the app's reading of it are (tests, benchmarks).
export function snapshotProgress() {
  return { arrivedBytes: arrived, readBytes: read };
}

// `alsoWaitFor`: what else the app takes with the corpus (the kept digests, storage.js readKeptDigests).
export function startCorpusDownload(alsoWaitFor) {
  if (performance.mark) performance.mark('papertide:corpus-download-started');
  const reveal = setTimeout(revealCorpusProgress, PROGRESS_SHOWN_AFTER_MS);
  const download = fetchSnapshot().catch((e) => console.warn('papertide: no corpus snapshot:', e && e.message))
    .finally(() => clearTimeout(reveal));
  corpusReady = Promise.all([download, alsoWaitFor]);
}

// How long the download runs before the loading screen shows how far it is (page.js revealCorpusProgress).
const PROGRESS_SHOWN_AFTER_MS = 500;

export const handlers = {
  // Answered later (never inside this call): corpusReady() once the download has settled and the kept digests are in.
  whenCorpusReady() {
    corpusReady.then(() => cxx.corpusReady());
  },
  snapshotArrived() {
    return arrived;
  },
  snapshotRead(offset, target) {
    if (offset < 0 || offset + target.length > arrived) return false;
    let done = 0;
    while (done < target.length) {
      const block = blocks[Math.floor((offset + done) / BLOCK_BYTES)];
      if (!block) return false;  // let go already
      const within = (offset + done) % BLOCK_BYTES;
      const n = Math.min(BLOCK_BYTES - within, target.length - done);
      target.set(block.subarray(within, within + n), done);
      done += n;
    }
    return true;
  },
  abandonSnapshot() {
    if (stopDownload) stopDownload();
    stopDownload = null;
    blocks = [];
  },
  releaseSnapshotBefore(offset) {
    read = Math.max(read, offset);
    for (let i = 0; (i + 1) * BLOCK_BYTES <= offset && i < blocks.length; ++i) blocks[i] = null;
  },
  // Always answers later (never inside this call), so the app is not re-entered.
  fetchBundledFiles() {
    Promise.resolve().then(sendBundledFiles).then((problems) => cxx.bundledFilesDone(problems.join('\n')));
  },
};
