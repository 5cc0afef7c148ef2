// user-data.test.mjs - what the reader brings and keeps: digest files added with the file chooser or by
// drag-and-drop (validated, merged, kept in IndexedDB, removable one by one), refused files with located
// messages, and damaged values in localStorage that must not crash the app or wipe the other values.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openApp } from './lib.mjs';
import { idle, poll, until } from './wait.mjs';

// The names kept in IndexedDB (the app writes there asynchronously, so tests wait before reloading).
async function keptNames(app, expected) {
  const read = () => app.page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('papertide', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('user-digests', { keyPath: 'name' });
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('user-digests', 'readonly').objectStore('user-digests').getAllKeys();
      all.onsuccess = () => { db.close(); resolve(all.result.sort()); };
      all.onerror = () => { db.close(); resolve(null); };
    };
    open.onerror = () => resolve(null);
  }));
  await poll(read, (names) => JSON.stringify(names) === JSON.stringify(expected), `IndexedDB to keep ${JSON.stringify(expected)}`);
}

function digest(id, month, title, extra = {}) {
  return {
    format: 1, id, month, title: `读者的摘要 ${id}`, source: 'Reader', language: 'zh-Hans',
    sections: [{ id: 'main', title: '本月论文' }],
    papers: [{ id: `reader-${id}`, section: 'main', title, authors: ['Ada Reader'], topics: ['retrieval'],
               summary: '一篇关于检索的读者论文。', links: { code: 'https://example.org/code' }, ...extra }],
  };
}

function file(name, object) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(typeof object === 'string' ? object : JSON.stringify(object, null, 2)) };
}

test('a digest added with the file chooser merges into every view, survives reload, and can be removed', async () => {
  const app = await openApp({ hash: '#v=digests' });
  try {
    const before = await app.state();
    assert.equal(before.digests, 5);
    await app.page.setInputFiles('#file-picker', file('reader-2023-04.json',
      digest('reader-2023-04', '2023-04', 'Zebra Retrieval for Readers')));
    const added = await until(app, (s) => s.digests === 6, 'the added digest');
    assert.deepEqual(added.userDigests, ['reader-2023-04.json']);
    assert.equal(added.papers, 76);
    assert.deepEqual(added.fileProblems, []);

    assert.equal(await app.setState({ query: 'zebra retrieval' }), true);
    const found = await until(app, (s) => s.query === 'zebra retrieval', 'the search');
    assert.equal(found.visibleCount, 1);
    assert.equal(await app.setState({ query: '' }), true);
    await until(app, (s) => s.targets['digest:reader-2023-04'], 'the digest in the list');

    await keptNames(app, ['reader-2023-04.json']);
    await app.page.reload();
    await app.page.evaluate(() => window.papertide.ready);
    const kept = await until(app, (s) => s.digests === 6, 'the kept digest after reload');
    assert.deepEqual(kept.userDigests, ['reader-2023-04.json']);

    // Remove it with a real click; it stays removed after another reload.
    const rect = (await until(app, (s) => s.targets['digests:remove:reader-2023-04.json'], 'the remove button'))
      .targets['digests:remove:reader-2023-04.json'];
    await app.page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
    await until(app, (s) => s.digests === 5 && s.userDigests.length === 0, 'the removal');
    await keptNames(app, []);
    await app.page.reload();
    await app.page.evaluate(() => window.papertide.ready);
    // Stored digests are read back before the first frame (ready); the start-up frames are all drawn by now.
    assert.equal((await idle(app)).digests, 5);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a bad file is refused with a located message and disturbs nothing; drag-and-drop works too', async () => {
  const app = await openApp({ hash: '#v=digests' });
  try {
    const bad = JSON.stringify(digest('reader-bad', '2023-05', 'Fine'), null, 2).replace('"title": "Fine"', '"title": 42');
    await app.page.setInputFiles('#file-picker', file('bad.json', bad));
    const refused = await until(app, (s) => s.fileProblems.length > 0, 'the refusal');
    assert.match(refused.fileProblems.join('\n'), /^bad\.json:\d+:\d+: \/papers\/0\/title: expected a string, got a number$/m);
    assert.equal(refused.digests, 5);
    assert.equal(refused.papers, 75);
    assert.deepEqual(refused.userDigests, []);

    // A digest that reuses a bundled id is refused as well.
    await app.page.setInputFiles('#file-picker', file('clash.json', digest('2021-11-deephub-ten-papers', '2021-11', 'X')));
    const clash = await until(app, (s) => s.fileProblems.some((p) => p.includes('already used')), 'the id clash');
    assert.equal(clash.digests, 5);

    // Drop a good file on the page, as from a file manager.
    await app.page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const target = document.getElementById('app');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, JSON.stringify(digest('reader-dropped', '2023-06', 'Dropped Paper on Retrieval')));
    const dropped = await until(app, (s) => s.digests === 6, 'the dropped digest');
    assert.deepEqual(dropped.userDigests, ['dropped.json']);
    assert.equal(dropped.papers, 76);
  } finally {
    await app.close();
  }
});

test('damaged stored values are ignored with a warning and never wipe the others', async () => {
  const app = await openApp({
    beforeLoad: (page) => page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;  // damage the store once, before the first load only
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('papertide:papertide.bookmarks', '{"version":1,"papers":["arxiv:2205.06175"');  // truncated
      localStorage.setItem('papertide:papertide.read', JSON.stringify({ version: 1, papers: ['arxiv:2205.09991', 'arxiv:2303.01469'] }));
      localStorage.setItem('papertide:papertide.settings', '\u0000\u0001 not json');
    }),
  });
  try {
    const state = await app.state();
    assert.deepEqual(state.bookmarks, [], 'the damaged bookmarks are ignored');
    assert.equal(state.readCount, 2, 'the intact read marks are kept');
    assert.equal(state.theme, 'auto', 'damaged settings fall back to defaults');
    assert.ok(app.messages.some((m) => m.startsWith('warning') && m.includes('papertide.bookmarks')), app.messages.join('\n'));
    assert.deepEqual(app.errors, []);

    // The unreadable value was set aside, not silently overwritten, when the reader bookmarks something new.
    await app.setState({ selectedPaperId: 'arxiv:2205.11487' });
    const rect = (await until(app, (s) => s.targets['card:bookmark'], 'the card')).targets['card:bookmark'];
    await app.page.mouse.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
    await until(app, (s) => s.bookmarks.length === 1, 'the new bookmark');
    const stored = await app.page.evaluate(() => ({
      damaged: localStorage.getItem('papertide:papertide.bookmarks.damaged'),
      read: localStorage.getItem('papertide:papertide.read'),
    }));
    assert.equal(stored.damaged, '{"version":1,"papers":["arxiv:2205.06175"');
    assert.match(stored.read, /arxiv:2303\.01469/);
  } finally {
    await app.close();
  }
});
