// explorer.test.mjs - the explorer in headless chromium, driven like a reader would: real clicks and keys on
// the canvas, Chinese typed through the search field's input method path, links, history and storage.
// Counts are checked against the native command line (`papertide search --json`) on the same data.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { openApp, repoRoot } from './lib.mjs';
import { click, framesDuring, idle, until } from './wait.mjs';

const cli = process.env.PAPERTIDE_NATIVE || path.join(repoRoot, 'build/native/papertide');
const dataDir = path.join(repoRoot, 'data');

function cliSearch(args) {
  assert.ok(existsSync(cli), `the native binary is needed for reference counts: ${cli}`);
  const out = execFileSync(cli, ['search', ...args, '--data', dataDir, '--json'], { encoding: 'utf8' });
  return JSON.parse(out);
}

test('first load shows the topic timeline with every month', async () => {
  const app = await openApp();
  try {
    const state = await until(app, (s) => s.targets && s.targets['timeline:grid'], 'the timeline grid');
    const stats = cliSearch([]);
    assert.equal(state.view, 'timeline');
    assert.equal(state.visibleCount, stats.count);
    assert.equal(state.timelineColumns.length, 17, 'every calendar month 2021-11..2023-03, gaps included');
    assert.equal(state.timelineColumns[0], '2021-11');
    assert.equal(state.timelineColumns.at(-1), '2023-03');
    assert.ok(state.timelineRows.length >= 15, `${state.timelineRows.length} topic rows`);
    const [, , width, height] = state.targets['timeline:grid'];
    assert.ok(width > 300 && height > 200, `grid ${width}x${height}`);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a Chinese query typed through the search field and an English query match the command line', async () => {
  const app = await openApp();
  try {
    // "/" on the canvas moves focus into the real text field; insertText is what an IME commits.
    await click(app, 'tab:timeline');  // gives the canvas keyboard focus without changing filters
    await app.page.keyboard.press('/');
    await idle(app);  // the key is handled: the app has moved the focus
    assert.equal(await app.page.evaluate(() => document.activeElement && document.activeElement.id), 'search');
    await app.page.keyboard.insertText('扩散');
    const zh = await until(app, (s) => s.query === '扩散', 'the Chinese query');
    const expectedZh = cliSearch(['扩散']);
    assert.ok(expectedZh.count >= 3, `reference count ${expectedZh.count}`);
    assert.equal(zh.visibleCount, expectedZh.count);
    assert.equal(zh.hash, '#q=%E6%89%A9%E6%95%A3', 'the query is in the URL');

    // Replace it with an English query, typed key by key.
    await app.page.fill('#search', '');
    await app.page.keyboard.type('diffusion');
    const en = await until(app, (s) => s.query === 'diffusion', 'the English query');
    assert.equal(en.visibleCount, cliSearch(['diffusion']).count);

    // Escape clears the search.
    await app.page.keyboard.press('Escape');
    const cleared = await until(app, (s) => s.query === '', 'the cleared query');
    assert.equal(cleared.visibleCount, cliSearch([]).count);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('clicking a timeline cell filters to that topic and month; dragging selects a month range', async () => {
  const app = await openApp();
  try {
    const state = await until(app, (s) => s.targets && s.targets['timeline:grid'], 'the timeline grid');
    const [gx, gy, gw, gh] = state.targets['timeline:grid'];
    const rows = state.timelineRows, columns = state.timelineColumns;
    const row = rows.indexOf('language-models');
    const column = columns.indexOf('2023-03');
    assert.ok(row >= 0 && column >= 0);
    const x = gx + (column + 0.5) * (gw / columns.length), y = gy + (row + 0.5) * (gh / rows.length);
    await app.page.mouse.move(x, y);
    await app.page.mouse.down();
    await app.page.mouse.up();
    const filtered = await until(app, (s) => s.topics.length === 1, 'the cell filter');
    assert.deepEqual(filtered.topics, ['language-models']);
    assert.equal(filtered.from, '2023-03');
    assert.equal(filtered.to, '2023-03');
    const expected = cliSearch(['--topic', 'language-models', '--from', '2023-03', '--to', '2023-03']);
    assert.ok(expected.count > 0);
    assert.equal(filtered.visibleCount, expected.count);

    // Drag from 2021-12 to 2022-06 across any row: a month range.
    // A drag as a hand makes it: press, a few frames of movement, release. The grid moved down when the
    // filter chips appeared above it, so read its place again once the app has drawn everything (the frame that
    // shows the filter may still have the grid where it was).
    const [, gy2] = (await idle(app)).targets['timeline:grid'];
    const c0 = columns.indexOf('2021-12'), c1 = columns.indexOf('2022-06');
    // Each step once the app has drawn the last one.
    const step = async (input) => {
      await input();
      await idle(app);
    };
    await app.page.mouse.move(gx + (c0 + 0.5) * (gw / columns.length), gy2 + 5);
    await idle(app);
    await step(() => app.page.mouse.down());
    for (let i = 1; i <= 6; ++i) {
      await step(() => app.page.mouse.move(gx + (c0 + 0.5 + (c1 - c0) * i / 6) * (gw / columns.length), gy2 + 5));
    }
    await app.page.mouse.up();
    const ranged = await until(app, (s) => s.from === '2021-12' && s.to === '2022-06', 'the dragged range');
    assert.equal(ranged.visibleCount,
                 cliSearch(['--topic', 'language-models', '--from', '2021-12', '--to', '2022-06']).count);
  } finally {
    await app.close();
  }
});

test('a deep link restores the view after reload, and back/forward walk through it', async () => {
  const app = await openApp({ hash: '#v=papers&q=language&t=language-models&from=2021-11&to=2022-06' });
  try {
    const linked = await until(app, (s) => s.view === 'papers', 'the linked view');
    assert.equal(linked.query, 'language');
    assert.deepEqual(linked.topics, ['language-models']);
    assert.equal(linked.from, '2021-11');
    assert.equal(linked.visibleCount,
                 cliSearch(['language', '--topic', 'language-models', '--from', '2021-11', '--to', '2022-06']).count);

    // Two navigations by clicking: open the first paper, then switch to the digests tab.
    await click(app, 'row:0');
    const opened = await until(app, (s) => s.selectedPaperId !== '', 'an open paper');
    await click(app, 'tab:digests');
    await until(app, (s) => s.view === 'digests', 'the digests view');

    await app.page.goBack();
    const back1 = await until(app, (s) => s.view === 'papers', 'back to the paper');
    assert.equal(back1.selectedPaperId, opened.selectedPaperId);
    await app.page.goBack();
    const back2 = await until(app, (s) => s.selectedPaperId === '', 'back to the list');
    assert.equal(back2.query, 'language');
    await app.page.goForward();
    await until(app, (s) => s.selectedPaperId === opened.selectedPaperId, 'forward to the paper');

    // Reload: the URL alone brings the same view back.
    await app.page.reload();
    await app.page.evaluate(() => window.papertide.ready);
    const reloaded = await until(app, (s) => s.selectedPaperId === opened.selectedPaperId, 'the restored view');
    assert.equal(reloaded.view, 'papers');
    assert.deepEqual(reloaded.topics, ['language-models']);
    assert.equal(reloaded.visibleCount, linked.visibleCount);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a bookmark survives a reload, and "bookmarked only" shows it', async () => {
  const app = await openApp({ hash: '#p=arxiv:2205.06175' });
  try {
    await until(app, (s) => s.targets && s.targets['card:bookmark'], 'the paper card');
    await click(app, 'card:bookmark');
    const marked = await until(app, (s) => s.bookmarks.includes('arxiv:2205.06175'), 'the bookmark');
    assert.equal(marked.bookmarks.length, 1);

    await app.page.reload();
    await app.page.evaluate(() => window.papertide.ready);
    const after = await app.state();
    assert.deepEqual(after.bookmarks, ['arxiv:2205.06175']);
    assert.equal(await app.setState({ bookmarkedOnly: true, selectedPaperId: '' }), true);
    const only = await until(app, (s) => s.bookmarkedOnly, 'the bookmark filter');
    assert.equal(only.visibleCount, 1);
  } finally {
    await app.close();
  }
});

test('links open in a new tab for http(s) only', async () => {
  const app = await openApp({
    hash: '#p=arxiv:2205.06175',
    beforeLoad: (page) => page.addInitScript(() => {
      window.__opened = [];
      window.open = (url, target, features) => { window.__opened.push({ url: String(url), target, features }); return null; };
    }),
  });
  try {
    await click(app, 'card:link:arxiv');
    await idle(app);  // the click and the frames after it are drawn: a second, frame-late open would be recorded
    let opened = await app.page.evaluate(() => window.__opened);
    assert.equal(opened.length, 1, JSON.stringify(opened));
    assert.equal(opened[0].url, 'https://arxiv.org/abs/2205.06175');
    assert.equal(opened[0].target, '_blank');
    assert.match(opened[0].features, /noopener/);

    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'ftp://example.com/x']) {
      assert.equal(await app.page.evaluate((u) => window.papertide.openLink(u), bad), false, bad);
    }
    assert.equal(await app.page.evaluate(() => window.papertide.openLink('https://openreview.net/forum?id=x')), true);
    opened = await app.page.evaluate(() => window.__opened);
    assert.deepEqual(opened.map((o) => o.url), ['https://arxiv.org/abs/2205.06175', 'https://openreview.net/forum?id=x']);
  } finally {
    await app.close();
  }
});

test('idle frames stay near zero after interaction', async () => {
  const app = await openApp();
  try {
    await app.setState({ query: 'model', topics: ['vision'] });
    await until(app, (s) => s.query === 'model' && s.topics.includes('vision'), 'the filters');
    await idle(app);  // the interaction's frames are done
    const frames = await framesDuring(app, 5000, 'idle after interaction: no input, so (almost) no frames');
    console.log(`# idle after interaction: ${frames} frames in 5 s`);
    assert.ok(frames <= 5, `${frames} frames while idle`);
  } finally {
    await app.close();
  }
});
