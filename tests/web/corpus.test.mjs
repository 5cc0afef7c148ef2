// corpus.test.mjs - how the page gets its corpus (web/shell/corpus.js): the prebuilt snapshot
// (data/corpus.snapshot, written by `papertide pack` at build time) and nothing else on a first visit; a damaged,
// foreign or missing snapshot refused with a message that names the failed check, the digest files read instead
// and nothing lost; a reader's digest merged on top of the snapshot (no digest file fetched); the download's progress.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';

import { openApp, openPage, waitForReady, webDir } from './lib.mjs';
import { poll, until } from './wait.mjs';

const snapshotBytes = () => readFileSync(path.join(webDir, 'data/corpus.snapshot'));
const listedFiles = () => JSON.parse(readFileSync(path.join(webDir, 'data/files.json'), 'utf8')).files;

// The corpus files the page asked the server for (the snapshot, files.json, the JSON files).
function watchDataRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = /\/data\/(.+)$/.exec(new URL(r.url()).pathname);
    if (m) seen.push(m[1]);
  });
  return seen;
}

test('a first visit reads the snapshot and fetches no digest file', async () => {
  let seen = [];
  const app = await openApp({ beforeLoad: (page) => { seen = watchDataRequests(page); } });
  try {
    const state = await app.state();
    assert.equal(state.corpusSource, 'snapshot');
    assert.equal(state.loading, false);
    assert.equal(state.papers, 75);
    assert.equal(state.digests, 5);
    assert.equal(state.problems, 0);
    assert.deepEqual(seen, ['corpus.snapshot']);
    // The loading screen counted the download (it shows the count only when the download takes a while: below).
    const mb = (snapshotBytes().length / (1024 * 1024)).toFixed(1);
    assert.equal(await app.page.locator('#corpus-progress').textContent(), `Corpus ${mb} / ${mb} MB · 语料 ${mb} / ${mb} MB`);
    const download = await app.page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(`papertide:${name}`)[0]?.startTime;
      return { took: at('corpus-downloaded') - at('corpus-download-started'),
        shown: !document.getElementById('corpus-progress').hidden };
    });
    assert.ok(download.took >= 0, `the download's marks: ${JSON.stringify(download)}`);
    // A download over within the half second never showed its line (on a loaded machine it may take longer).
    if (download.took < 400) assert.equal(download.shown, false, `a download of ${download.took.toFixed(0)} ms`);
    // The packed index answers searches in both languages as the JSON path's does.
    assert.equal(await app.setState({ query: 'diffusion' }), true);
    const english = await until(app, (s) => s.query === 'diffusion' && s.visibleCount > 0, 'results for diffusion');
    assert.equal(await app.setState({ query: '扩散' }), true);
    const chinese = await until(app, (s) => s.query === '扩散', 'results for 扩散');
    assert.equal(chinese.visibleCount, english.visibleCount);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

// The end of the last section that lies wholly within the first `bytes` bytes (the table is at the front:
// docs/SNAPSHOT.md "Layout").
function endOfSectionsWithin(snapshot, bytes) {
  const count = snapshot.readUInt32LE(12);
  let end = 32 + 32 * count;
  for (let i = 0; i < count; ++i) {
    const row = 32 + 32 * i;
    const sectionEnd = Number(snapshot.readBigUInt64LE(row + 8) + snapshot.readBigUInt64LE(row + 16));
    if (sectionEnd > bytes) break;
    end = sectionEnd;
  }
  return end;
}

test('the snapshot is read while it downloads: what has arrived is in before the rest comes', async () => {
  const bytes = snapshotBytes();
  const held = Math.floor(bytes.length * 0.7);
  const expectedRead = endOfSectionsWithin(bytes, held);
  assert.ok(expectedRead > bytes.length * 0.3, `the first 70 % hold whole sections (${expectedRead} bytes)`);
  // A server that sends the first 70 % and holds the rest until the test lets it go.
  let letGo;
  const rest = new Promise((resolve) => { letGo = resolve; });
  const slow = createServer(async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
    res.write(bytes.subarray(0, held));
    await rest;
    res.end(bytes.subarray(held));
  });
  await new Promise((resolve) => slow.listen(0, '127.0.0.1', resolve));
  const requested = [];
  const app = await openPage({
    beforeLoad: (page) => {
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      return page.route('**/data/corpus.snapshot',
        (route) => route.continue({ url: `http://127.0.0.1:${slow.address().port}/corpus.snapshot` }));
    },
  });
  try {
    const progress = () => app.page.evaluate(() => window.papertide && window.papertide.snapshotProgress());
    const during = await poll(progress, (p) => p && p.readBytes === expectedRead, `the app to read the first ${expectedRead} bytes`,
                              { timeout: 45000 });
    assert.equal(during.arrivedBytes, held);  // read while the rest was still held back
    // A download that is still going after a while shows how far it is, and the bar.
    const mb = (n) => (n / (1024 * 1024)).toFixed(1);
    const shown = await poll(() => app.page.evaluate(() => ({
      line: document.getElementById('corpus-progress').hidden ? null : document.getElementById('corpus-progress').textContent,
      bar: document.getElementById('progress').hidden ? null : [document.getElementById('progress').value, document.getElementById('progress').max],
    })), (p) => p.line !== null, 'the corpus line on the loading screen', { timeout: 45000 });
    assert.equal(shown.line, `Corpus ${mb(held)} / ${mb(bytes.length)} MB · 语料 ${mb(held)} / ${mb(bytes.length)} MB`);
    assert.deepEqual(shown.bar, [held, bytes.length]);
    // Downloaded by the worker, which goes on while the main thread reads (web/snapshot-download.js).
    assert.ok(requested.some((p) => p.endsWith('/snapshot-download.js')), requested.join('\n'));
    const state = await app.page.evaluate(() => window.papertide.state());
    assert.equal(state.loading, true);  // the first frame waits for the whole corpus
    letGo();
    await waitForReady(app.page);
    const done = await app.page.evaluate(() => ({ state: window.papertide.state(), progress: window.papertide.snapshotProgress() }));
    assert.equal(done.state.corpusSource, 'snapshot');
    assert.equal(done.state.papers, 75);
    assert.deepEqual(done.progress, { arrivedBytes: bytes.length, readBytes: bytes.length });
    assert.deepEqual(app.errors, []);
  } finally {
    letGo();
    await app.close();
    slow.close();
  }
});

// Each way a snapshot can be unusable; `expect` is the reader's message (core/snapshot.h).
const refusals = [
  { name: 'a damaged section', expect: /checksum mismatch/,
    body: () => { const b = Buffer.from(snapshotBytes()); b[Math.floor(b.length / 2)] ^= 0x5a; return b; } },
  { name: 'another format version', expect: /format version 77, this build reads version 2/,
    body: () => { const b = Buffer.from(snapshotBytes()); b.writeUInt32LE(77, 8); return b; } },
  { name: 'a truncated download', expect: /truncated/,
    body: () => snapshotBytes().subarray(0, Math.floor(snapshotBytes().length * 0.6)) },
  { name: 'a web page instead (a host\'s "not found" page)', expect: /bad magic/,
    body: () => Buffer.from(`<!doctype html><title>Not found</title>${'<p>This page does not exist.</p>\n'.repeat(64)}`) },
];

for (const refusal of refusals) {
  test(`${refusal.name}: refused with a clear message, and every paper still loads from the digest files`, async () => {
    let seen = [];
    const app = await openApp({
      beforeLoad: async (page) => {
        seen = watchDataRequests(page);
        await page.route('**/data/corpus.snapshot', (route) =>
          route.fulfill({ status: 200, contentType: 'application/octet-stream', body: refusal.body() }));
      },
    });
    try {
      const state = await app.state();
      assert.equal(state.corpusSource, 'json');
      assert.equal(state.papers, 75);
      assert.equal(state.digests, 5);
      const warning = app.messages.find((m) => m.includes('data/corpus.snapshot is not used'));
      assert.ok(warning, `a console warning, got:\n${app.messages.join('\n')}`);
      assert.match(warning, refusal.expect);
      assert.match(warning, /reading the digest files instead/);
      assert.deepEqual([...seen].sort(), ['corpus.snapshot', 'files.json', ...listedFiles()].sort());
    } finally {
      await app.close();
    }
  });
}

test('no snapshot on the server: the digest files, and a missing digest file is named while the rest loads', async () => {
  const app = await openApp({
    beforeLoad: async (page) => {
      await page.route('**/data/corpus.snapshot', (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.route('**/data/digests/2022-06*.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    },
  });
  try {
    const state = await app.state();
    assert.equal(state.corpusSource, 'json');
    assert.equal(state.digests, 4);
    assert.ok(state.papers > 50 && state.papers < 75, `${state.papers} papers`);
    assert.ok(app.messages.some((m) => /data\/digests\/2022-06[^ ]*\.json: HTTP 404/.test(m)),
              `the missing file is named:\n${app.messages.join('\n')}`);
  } finally {
    await app.close();
  }
});

function readerDigest() {
  return {
    format: 1, id: 'reader-2023-04', month: '2023-04', title: '读者的摘要', source: 'Reader', language: 'zh-Hans',
    sections: [{ id: 'main', title: '本月论文' }],
    papers: [{ id: 'reader-zebra', section: 'main', title: 'Zebra Retrieval for Readers', authors: ['Ada Reader'],
               topics: ['retrieval'], summary: '一篇关于检索的读者论文。' },
             { id: 'arxiv:2109.10862', section: 'main', title: 'Recursively Summarizing Books with Human Feedback',
               authors: ['Jeff Wu'], summary: '读者重读了这篇论文。' }],
  };
}

test("without a snapshot the digest files are parsed as they come and not kept: taking a reader's digest out fetches them again", async () => {
  let seen = [];
  const app = await openApp({
    hash: '#v=digests',
    beforeLoad: async (page) => {
      seen = watchDataRequests(page);
      await page.route('**/data/corpus.snapshot', (route) => route.fulfill({ status: 404, body: '' }));
    },
  });
  try {
    const state = await app.state();
    assert.equal(state.corpusSource, 'json');
    assert.equal(state.papers, 75);
    assert.deepEqual([...seen].sort(), ['corpus.snapshot', 'files.json', ...listedFiles()].sort());
    seen.length = 0;
    await app.page.setInputFiles('#file-picker', {
      name: 'reader-2023-04.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(readerDigest())) });
    const added = await until(app, (s) => s.digests === 6, 'the added digest');
    assert.equal(added.papers, 76);
    assert.deepEqual(seen, [], 'merged on top: no digest file is needed');
    const rect = (await until(app, (s) => s.targets['digests:remove:reader-2023-04.json'], 'the remove button'))
      .targets['digests:remove:reader-2023-04.json'];
    await app.page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
    const removed = await until(app, (s) => s.digests === 5 && s.userDigests.length === 0 && !s.loading, 'the rebuild');
    assert.equal(removed.papers, 75);
    assert.deepEqual([...seen].sort(), ['files.json', ...listedFiles()].sort(), 'the rebuild fetched the files again');
    assert.equal(await app.setState({ query: 'zebra' }), true);
    assert.equal((await until(app, (s) => s.query === 'zebra', 'results for zebra')).visibleCount, 0);
    assert.deepEqual(app.errors.filter((e) => !e.endsWith('/data/corpus.snapshot')), []);  // (the refused download)
  } finally {
    await app.close();
  }
});

test("a reader's digest is merged on top of the snapshot: no digest file fetched, also not after a reload", async () => {
  let seen = [];
  const app = await openApp({ hash: '#v=digests', beforeLoad: (page) => { seen = watchDataRequests(page); } });
  try {
    assert.equal((await app.state()).corpusSource, 'snapshot');
    await app.page.setInputFiles('#file-picker', {
      name: 'reader-2023-04.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(readerDigest())) });
    const added = await until(app, (s) => s.digests === 6, 'the added digest');
    assert.equal(added.papers, 76);  // one new paper; the other is a bundled one, picked again
    assert.equal(added.corpusSource, 'snapshot');
    assert.equal(added.loading, false);
    assert.deepEqual(added.userDigests, ['reader-2023-04.json']);
    assert.deepEqual(seen, ['corpus.snapshot']);
    // The merged index finds the new paper and the bundled paper's new words.
    assert.equal(await app.setState({ query: 'zebra' }), true);
    assert.equal((await until(app, (s) => s.query === 'zebra', 'results for zebra')).visibleCount, 1);
    assert.equal(await app.setState({ query: '读者重读' }), true);
    assert.equal((await until(app, (s) => s.query === '读者重读', 'results for 读者重读')).visibleCount, 1);

    // Kept in IndexedDB: after a reload the page reads the snapshot again, and the first frame (ready) already
    // has the reader's digest merged on top.
    const keptCount = () => app.page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('papertide', 1);
      open.onsuccess = () => {
        const keys = open.result.transaction('user-digests', 'readonly').objectStore('user-digests').getAllKeys();
        keys.onsuccess = () => { open.result.close(); resolve(keys.result.length); };
        keys.onerror = () => { open.result.close(); resolve(-1); };
      };
      open.onerror = () => resolve(-1);
    }));
    await poll(keptCount, (n) => n === 1, 'IndexedDB to keep the digest');
    seen.length = 0;
    await app.page.reload();
    await app.page.evaluate(() => window.papertide.ready);
    const reloaded = await app.state();
    assert.equal(reloaded.digests, 6);
    assert.equal(reloaded.papers, 76);
    assert.equal(reloaded.corpusSource, 'snapshot');
    assert.deepEqual(seen, ['corpus.snapshot']);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
