// insights.test.mjs - the reader's questions in the browser: topic lifecycles on the timeline, what changed
// against the previous digest, recurring papers, news on the month axis, exports and reading lists.
// Reference answers come from the native command line on the same data.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { clickCopy, openApp, recordClipboardWrites, repoRoot } from './lib.mjs';
import { click, idle, until } from './wait.mjs';

const cli = process.env.PAPERTIDE_NATIVE || path.join(repoRoot, 'build/native/papertide');
const dataDir = path.join(repoRoot, 'data');
const run = (args) => execFileSync(cli, [...args, '--data', dataDir], { encoding: 'utf8' });

test('timeline rows follow the lifecycle orders of `papertide topics`', async () => {
  const topics = JSON.parse(run(['topics', '--json'])).topics;
  const app = await openApp({ hash: '#order=faded' });
  try {
    const state = await until(app, (s) => s.timelineRows && s.timelineRows.length, 'the timeline');
    const dormant = topics.filter((t) => t.trend === 'dormant').map((t) => t.id).sort();
    assert.ok(dormant.length > 0);
    assert.deepEqual(state.timelineRows.slice(0, dormant.length).sort(), dormant, 'dormant topics come first');
    const drawn = (await app.state()).framesRendered;
    await app.setState({ topicOrder: 'newest' });
    // timelineRows are what was last drawn: wait for frames after the change.
    const newest = await until(app, (s) => s.topicOrder === 'newest' && s.framesRendered >= drawn + 2, 'the newest order');
    const latestFirst = topics.slice().sort((a, b) => (b.first || '').localeCompare(a.first || ''))[0].first;
    assert.equal(topics.find((t) => t.id === newest.timelineRows[0]).first, latestFirst);
  } finally {
    await app.close();
  }
});

test('what changed: a digest month against the previous digest month', async () => {
  const app = await openApp({ hash: '#v=changes&cm=2022-06' });
  try {
    const state = await until(app, (s) => s.targets['changes:new:retrieval'], 'the changes view');
    assert.equal(state.view, 'changes');
    assert.equal(state.changesMonth, '2022-06');
    assert.ok(state.targets['changes:new:prompting-instruction'], 'prompting is new in 2022-06 against 2022-04');
    // Clicking a topic there filters the papers to it.
    await click(app, 'changes:new:retrieval');
    const filtered = await until(app, (s) => s.topics.includes('retrieval'), 'the topic filter');
    assert.equal(filtered.visibleCount, JSON.parse(run(['search', '--topic', 'retrieval', '--json'])).count);
  } finally {
    await app.close();
  }
});

test('recurring papers: the filter agrees with the command line, and a paper card says how often it was picked', async () => {
  const app = await openApp({ hash: '#v=papers' });
  try {
    await click(app, 'filter:recurring');
    const state = await until(app, (s) => s.minPicks === 2, 'the recurrence filter');
    const expected = JSON.parse(run(['search', '--min-picks', '2', '--json']));
    assert.equal(state.visibleCount, expected.count);
    assert.ok(expected.papers.some((p) => p.id === 'arxiv:2110.02095'));
    assert.match(state.hash, /picks=2/);
  } finally {
    await app.close();
  }
});

test('news on the timeline opens its digest', async () => {
  const app = await openApp({ viewport: { width: 1280, height: 1100 } });  // tall enough to show the news row
  try {
    const state = await until(app, (s) => s.targets['timeline:news'], 'the news row');
    const [x, y, w, h] = state.targets['timeline:news'];
    const grid = state.targets['timeline:grid'];
    const column = state.timelineColumns.indexOf('2021-11');
    const cx = grid[0] + (column + 0.5) * (grid[2] / state.timelineColumns.length);
    assert.ok(cx > x && cx < x + w);
    await app.page.mouse.move(cx, y + h / 2);
    await idle(app);  // the hover is drawn
    await app.page.mouse.down();
    await app.page.mouse.up();
    const opened = await until(app, (s) => s.view === 'digests', 'the digest page');
    assert.equal(opened.digestPage, '2021-11-deephub-ten-papers');
  } finally {
    await app.close();
  }
});

test('exports download the current view exactly as `papertide export` writes it', async () => {
  const app = await openApp({ hash: '#v=papers&q=diffusion&sort=title' });
  try {
    for (const [ext, format] of [['.csv', 'csv'], ['.md', 'md'], ['.bib', 'bibtex'], ['.json', 'json']]) {
      await click(app, 'export');
      const downloadPromise = app.page.waitForEvent('download');
      await click(app, `export:view:${ext}`);
      const download = await downloadPromise;
      assert.equal(download.suggestedFilename(), `papertide-view${ext}`);
      const text = await readFile(await download.path(), 'utf8');
      assert.equal(text, run(['export', '--format', format, 'diffusion', '--sort', 'title']), `${format} export`);
    }
  } finally {
    await app.close();
  }
});

test('reading lists: export, merge on import, and share as a link', async () => {
  const app = await openApp({
    hash: '#v=papers',
    permissions: ['clipboard-read', 'clipboard-write'],
    beforeLoad: recordClipboardWrites,
  });
  try {
    await app.setState({ selectedPaperId: 'arxiv:2205.06175' });
    await click(app, 'card:bookmark');
    await until(app, (s) => s.bookmarks.length === 1, 'one bookmark');

    // Import a list: its entries are added, the existing bookmark stays.
    const list = { format: 'papertide-reading-list', version: 1, bookmarks: ['arxiv:2303.01469', 'arxiv:2205.06175'], read: ['arxiv:2303.01469'] };
    await app.page.setInputFiles('#file-picker', { name: 'list.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(list)) });
    const merged = await until(app, (s) => s.bookmarks.length === 2, 'the merged list');
    assert.deepEqual(merged.bookmarks, ['arxiv:2205.06175', 'arxiv:2303.01469']);
    assert.equal(merged.readCount, 1);

    // Export it as a file: the same two bookmarks.
    await app.setState({ selectedPaperId: '' });
    await click(app, 'export');
    const downloadPromise = app.page.waitForEvent('download');
    await click(app, 'list:export');
    const download = await downloadPromise;
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(exported.format, 'papertide-reading-list');
    assert.deepEqual(exported.bookmarks, ['arxiv:2205.06175', 'arxiv:2303.01469']);

    // A shared list arrives as a link: the view shows exactly those papers and can keep them.
    await app.setState({ list: ['arxiv:2302.13971', 'arxiv:2205.11916'], view: 'papers' });
    const shared = await until(app, (s) => s.list.length === 2, 'the shared list');
    assert.equal(shared.visibleCount, 2);
    assert.match(shared.hash, /list=arxiv:2205.11916,arxiv:2302.13971|list=arxiv:2302.13971,arxiv:2205.11916/);
    await click(app, 'list:bookmark-all');
    const kept = await until(app, (s) => s.bookmarks.length === 4, 'the kept shared list');
    assert.ok(kept.bookmarks.includes('arxiv:2302.13971'));

    // "Copy link to my bookmarks" puts a link carrying the list in the fragment on the clipboard, copied inside
    // the click (browsers other than Chromium refuse a copy made later, from an animation frame), once.
    await click(app, 'export');
    const writes = await clickCopy(app, 'list:share');
    assert.deepEqual(writes.map((w) => [w.during, w.error]), [['pointerup', null]],
                     'one clipboard write, inside the pointer event (events seen, errors)');
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, writes[0].text);
    assert.match(copied, /#v=papers&list=arxiv:2205\.06175,arxiv:2205\.11916,arxiv:2302\.13971,arxiv:2303\.01469$/);
  } finally {
    await app.close();
  }
});
