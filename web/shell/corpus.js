// corpus.js - the bundled corpus. data/corpus.snapshot (the merged corpus and its search index, written at build
// time by `papertide pack`) is fetched beside the wasm, kept here as an ArrayBuffer and read by the app slice by
// slice, so the file is never in wasm memory whole. The digest files themselves (data/files.json lists them)
// are fetched only when the app asks: no snapshot, a refused one, or a newer version of a reader's digest (the
// app merges a reader's digests on top of the snapshot's corpus, so they need no bundled file).
// The single file (papertide.html) carries both inline: #papertide-corpus (base64) and #papertide-files (JSON).
import { cxx } from './bridge.js';
import { decodeBase64, showCorpusProgress } from './page.js';

const SNAPSHOT_URL = 'data/corpus.snapshot';
const FILE_LIST_URL = 'data/files.json';

let snapshot = null;        // ArrayBuffer until the app lets it go
let bundledFiles = null;    // Promise of {files: [{name, text}], problems: [string]}, fetched once
let corpusReady = null;     // settles when the snapshot download has (or has not) arrived

function embeddedElement(id) {
  return document.getElementById(id);
}

function fetchSnapshot() {
  const inline = embeddedElement('papertide-corpus');
  if (inline) return Promise.resolve(decodeBase64(inline.textContent).buffer);
  return fetch(SNAPSHOT_URL).then((response) => {
    if (!response.ok) throw new Error(`${SNAPSHOT_URL}: HTTP ${response.status}`);
    return readWithProgress(response);
  });
}

// The body as an ArrayBuffer, reporting progress as it arrives. With an uncompressed length known, straight into
// one buffer of that size (no second copy of a large corpus); otherwise in pieces, joined at the end.
async function readWithProgress(response) {
  if (!response.body || typeof response.body.getReader !== 'function') return response.arrayBuffer();
  const length = response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  let whole = length > 0 ? new Uint8Array(length) : null;
  let pieces = whole ? null : [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (whole && received + value.length > whole.length) {  // longer than announced: keep what came, in pieces
      pieces = [whole.subarray(0, received)];
      whole = null;
    }
    if (whole) whole.set(value, received);
    else pieces.push(value);
    received += value.length;
    showCorpusProgress(received, length);
  }
  if (whole) return received === whole.length ? whole.buffer : whole.slice(0, received).buffer;
  const joined = new Uint8Array(received);
  let at = 0;
  for (const piece of pieces) {
    joined.set(piece, at);
    at += piece.length;
  }
  return joined.buffer;
}

async function fetchFile(name) {
  const response = await fetch('data/' + name);
  if (!response.ok) throw new Error(`data/${name}: HTTP ${response.status}`);
  return response.text();
}

// Every listed file is tried; one that cannot be fetched is a problem line, and the rest still load.
async function fetchBundledFiles() {
  const inline = embeddedElement('papertide-files');
  if (inline) {
    const map = JSON.parse(inline.textContent);
    return { files: Object.keys(map).map((name) => ({ name: 'data/' + name, text: map[name] })), problems: [] };
  }
  let names;
  try {
    const response = await fetch(FILE_LIST_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    names = (await response.json()).files;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) throw new Error('no "files" list of names');
  } catch (e) {
    return { files: [], problems: [`${FILE_LIST_URL}: ${e && e.message}; the bundled digests cannot be loaded`] };
  }
  const settled = await Promise.allSettled(names.map(fetchFile));
  const files = [], problems = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') files.push({ name: 'data/' + names[i], text: outcome.value });
    else problems.push(String(outcome.reason && outcome.reason.message));
  });
  return { files, problems };
}

function bundledFilesOnce() {
  if (!bundledFiles) bundledFiles = fetchBundledFiles();
  return bundledFiles;
}

// Starts the download beside the wasm's. The app starts meanwhile and asks for the corpus once its window and
// fonts are up (whenCorpusReady); a reader's kept digests are merged on top of it; without a usable snapshot
// the app asks for the files.
export function startCorpusDownload() {
  corpusReady = fetchSnapshot()
    .then((buffer) => { snapshot = buffer; })
    .catch((e) => console.warn('papertide: no corpus snapshot:', e && e.message));
}

export const handlers = {
  // Answered later (never inside this call): corpusReady() once the download has settled.
  whenCorpusReady() {
    corpusReady.then(() => cxx.corpusReady());
  },
  snapshotSize() {
    return snapshot ? snapshot.byteLength : 0;
  },
  snapshotRead(offset, target) {
    if (!snapshot || offset < 0 || offset + target.length > snapshot.byteLength) return false;
    target.set(new Uint8Array(snapshot, offset, target.length));
    return true;
  },
  releaseSnapshot() {
    snapshot = null;
  },
  // Always answers later (never inside this call), so the app is not re-entered.
  fetchBundledFiles() {
    bundledFilesOnce().then(({ files, problems }) => {
      bundledFiles = null;  // the app keeps its own copy: the page does not hold the bytes twice
      for (const { name, text } of files) cxx.bundledFile(name, text);
      cxx.bundledFilesDone(problems.join('\n'));
    });
  },
};
