// canvas.test.mjs - the canvas behaving like a web page (issue #9), at desktop size: wheel scrolling in every
// deltaMode, copy and paste through the system clipboard, links opened inside the click (popups counted), the
// paper card's find bar (Ctrl+F, Chinese typed through its input field, Enter / Shift+Enter / F3 / Esc), which
// browser shortcuts the canvas lets through, and the off-screen HTML mirror for screen readers.
// Reference values come from the native command line on the same data.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { clickCopy, openApp, recordClipboardWrites, repoRoot } from './lib.mjs';
import { centre, click, framesDuring, idle, nextFrames, poll, quietWindow, until } from './wait.mjs';

const cli = process.env.PAPERTIDE_NATIVE || path.join(repoRoot, 'build/native/papertide');
const dataDir = path.join(repoRoot, 'data');

function papertide(args) {
  assert.ok(existsSync(cli), `the native binary is needed for reference values: ${cli}`);
  return execFileSync(cli, [...args, '--data', dataDir], { encoding: 'utf8' });
}

// Counts the wheel events that reach the canvas (page.mouse.wheel returns before the page has handled its event).
const countWheelEvents = (app) => app.page.evaluate(() => {
  window.__wheelEvents = 0;
  document.getElementById('canvas').addEventListener('wheel', () => { window.__wheelEvents++; }, { capture: true });
});
const wheelEventsSeen = (app, n) => poll(() => app.page.evaluate(() => window.__wheelEvents), (count) => count >= n,
                                         `${n} wheel event(s) on the canvas`);

// A wheel event on the canvas, handled synchronously (the app has it when this returns). Returns the frame count
// just before it: the app's next frame after that one is the first to show the wheel.
function wheel(app, deltaY, deltaMode, at) {
  return app.page.evaluate(({ deltaY, deltaMode, x, y }) => {
    const frames = window.papertide.state().framesRendered;
    document.getElementById('canvas').dispatchEvent(new WheelEvent('wheel', {
      deltaY, deltaMode, clientX: x, clientY: y, bubbles: true, cancelable: true,
    }));
    return frames;
  }, { deltaY, deltaMode, ...at });
}

test('wheel: one notch scrolls ~3 lines in pixel and line mode, a page in page mode; small deltas scroll smoothly', async () => {
  const app = await openApp({ hash: '#v=papers' });
  try {
    const first = await until(app, (s) => s.targets['row:3'], 'the paper list');
    const at = centre(first.targets['row:3']);
    await app.page.mouse.move(at.x, at.y);
    await idle(app);
    // Where the list is once every frame the wheel caused has been drawn (scrolling may take several).
    const lines = async () => (await idle(app)).listScrollLines;
    assert.equal(await lines(), 0);

    await wheel(app, 100, 0, at);  // Chromium: one notch, 100 px
    const pixel = await lines();
    assert.ok(Math.abs(pixel - 3) <= 0.2, `a 100 px notch scrolled ${pixel} lines`);

    await wheel(app, 3, 1, at);  // Firefox: one notch, 3 lines
    const line = await lines();
    assert.ok(Math.abs(line - pixel - 3) <= 0.2, `a 3-line notch scrolled ${line - pixel} lines`);

    const { listPageLines } = await app.state();
    await wheel(app, 1, 2, at);  // one page
    const page = await lines();
    assert.ok(Math.abs(page - line - listPageLines * 0.875) <= 1.5,
              `a page scrolled ${page - line} lines (the list shows ${listPageLines})`);
    await wheel(app, -1, 2, at);
    assert.ok(Math.abs(await lines() - line) <= 0.2, 'a page back up');

    // A real wheel notch through the browser's input pipeline (it reaches the page asynchronously: wait for it).
    await countWheelEvents(app);
    await app.page.mouse.wheel(0, 100);
    await wheelEventsSeen(app, 1);
    assert.ok(Math.abs(await lines() - line - 3) <= 0.2, 'page.mouse.wheel(0, 100) scrolls 3 lines');
    await app.page.mouse.wheel(0, -100);
    await wheelEventsSeen(app, 2);
    const start = await lines();

    // A trackpad: 25 events of 4 px, one per frame. Each moves the list a little; together one notch.
    const positions = [];
    for (let i = 0; i < 25; i++) {
      const since = await wheel(app, 4, 0, at);
      positions.push((await nextFrames(app, since, 1, `the frame after trackpad event ${i + 1}`)).listScroll);
    }
    const { listScroll: end } = await app.state();
    const steps = positions.map((p, i) => p - (i ? positions[i - 1] : positions[0]));
    assert.ok(steps.every((d) => d >= 0 && d <= 4), `smooth steps: ${steps}`);
    assert.ok(Math.abs(await lines() - start - 3) <= 0.2, `25 x 4 px scrolled ${(await lines()) - start} lines`);
    assert.ok(end > positions[0], 'it moved');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('Ctrl+wheel (and a trackpad pinch, which Chromium reports as one) zooms the timeline\'s months under the pointer', async () => {
  const app = await openApp();
  try {
    // state().timeline: the width the month columns are fitted into at zoom 1 (what is left of the grid's width
    // once the topic names, and any scrollbar, have theirs), the months, the zoom and the cell width drawn.
    const fitted = (t) => t.zoom * t.fitWidth / t.months;
    const cellsFit = (t) => Math.abs(t.cellWidth / fitted(t) - 1) < 1e-3;
    await until(app, (s) => s.targets['timeline:grid'] && s.timeline && s.timeline.cellWidth > 0, 'the timeline');
    const before = await idle(app);
    assert.equal(before.timeline.zoom, 1);
    assert.ok(cellsFit(before.timeline), `at zoom 1 the months fill the width: ${JSON.stringify(before.timeline)}`);
    const at = centre(before.targets['timeline:grid']);
    await app.page.mouse.move(at.x, at.y);
    await idle(app);  // the app knows where the pointer is
    await app.page.evaluate(({ x, y }) => document.getElementById('canvas').dispatchEvent(new WheelEvent('wheel', {
      deltaY: -100, deltaMode: 0, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true })), at);
    // The zoom and the layout it settles into (months overflowing may bring a scrollbar) are drawn.
    const zoomed = await idle(app);
    const t = zoomed.timeline;
    assert.ok(Math.abs(t.zoom - 1.25) < 1e-3, `one notch: x${t.zoom}`);
    assert.ok(cellsFit(t), `cells ${t.cellWidth} px, expected x${t.zoom} of ${t.fitWidth} px / ${t.months} months = ${fitted(t)} px`);
    assert.ok(t.cellWidth > before.timeline.cellWidth, `wider cells: ${before.timeline.cellWidth} → ${t.cellWidth} px`);

    await countWheelEvents(app);
    await app.page.mouse.wheel(0, 100);  // a plain wheel over the timeline does not zoom
    await wheelEventsSeen(app, 1);
    assert.equal((await idle(app)).timeline.zoom, t.zoom, 'a plain wheel keeps the zoom');
    await click(app, 'timeline:zoomout');
    await until(app, (s) => s.timeline.zoom === 1, 'the − button: back to fit');
    const back = (await idle(app)).timeline;
    assert.ok(cellsFit(back), `back at zoom 1: ${JSON.stringify(back)}`);
  } finally {
    await app.close();
  }
});

test('Copy BibTeX writes the paper\'s BibTeX to the clipboard within the click; paste reaches an ImGui field', async () => {
  const app = await openApp({
    hash: '#v=papers&p=arxiv:2205.09991',
    permissions: ['clipboard-read', 'clipboard-write'],
    beforeLoad: recordClipboardWrites,
  });
  const readClipboard = () => app.page.evaluate(() => navigator.clipboard.readText());
  // One write per click, made inside the pointer event (a user gesture: what browsers require for a copy).
  const assertCopiedInClick = (writes, what) => {
    assert.deepEqual(writes.map((w) => [w.during, w.error]), [['pointerup', null]],
                     `${what}: one clipboard write per click, inside the pointer event (events seen, errors)`);
  };
  try {
    const list = path.join(os.tmpdir(), `papertide-list-${process.pid}.json`);
    writeFileSync(list, JSON.stringify({ format: 'papertide-reading-list', version: 1, bookmarks: ['arxiv:2205.09991'] }));
    const expected = papertide(['export', '--format', 'bibtex', '--reading-list', list]).trim();
    assert.match(expected, /^@misc\{janner2022planning,/);

    assertCopiedInClick(await clickCopy(app, 'card:bibtex'), 'Copy BibTeX');
    assert.equal((await readClipboard()).trim(), expected);

    // A block's own Copy button: the "why" of the first digest.
    assertCopiedInClick(await clickCopy(app, 'card:copy:why:0'), 'the why\'s Copy');
    const why = JSON.parse(papertide(['export', '--format', 'json', '--reading-list', list])).papers[0].appearances[0].why;
    assert.equal(await readClipboard(), why);
    assertCopiedInClick(await clickCopy(app, 'card:copy:title'), 'the title\'s Copy');
    assert.equal(await readClipboard(), 'Planning with Diffusion for Flexible Behavior Synthesis');

    // Paste into the author filter (an ImGui text field): Ctrl+V → the page's 'paste' event → the field.
    await app.page.evaluate(() => navigator.clipboard.writeText('Yilun Du'));
    await click(app, 'filter:author');
    await idle(app);  // the click is drawn: the field is being edited
    await app.page.keyboard.press('Control+V');
    const state = await until(app, (s) => s.author === 'Yilun Du', 'the pasted author');
    assert.ok(state.visibleCount >= 1);
    // A long paste (2 million characters) goes to the app in malloc'ed memory: cwrap's 'string' would copy it
    // onto the C stack (512 KiB; at 4 bytes a character, too small even for Emscripten's default 5 MiB) and overflow it.
    await app.page.evaluate(() => navigator.clipboard.writeText(' et al.'.repeat(300000)));
    await app.page.keyboard.press('Control+V');
    const longer = await until(app, (s) => s.author.startsWith('Yilun Du et al. et al.'), 'the long paste, cut to the field');
    assert.ok(longer.author.length < 1000, `the field keeps its own length: ${longer.author.length} characters`);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('links open once per click, inside the click, in a new tab; middle- and Ctrl-click too; never non-http(s)', async () => {
  const app = await openApp({
    hash: '#p=arxiv:2205.06175',
    beforeLoad: (page) => page.addInitScript(() => {
      window.__opens = [];
      const open = window.open.bind(window);
      window.open = (url, target, features) => {
        window.__opens.push({ url: String(url), during: window.event ? window.event.type : null, features });
        return open(url, target, features);
      };
    }),
  });
  const popups = [];
  app.page.context().on('page', (page) => popups.push(page));
  await app.page.context().route('https://arxiv.org/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>arXiv</title>' }));
  const opens = () => app.page.evaluate(() => window.__opens);
  // Clicks the link and waits until the popup it opens is there and every frame the click caused is drawn (a
  // second, frame-late window.open would be recorded by then).
  const clickLink = async (options, popupsAfter) => {
    await click(app, 'card:link:arxiv', options);
    await poll(() => popups.length, (n) => n >= popupsAfter, `popup ${popupsAfter}`);
    await idle(app);
  };
  try {
    await clickLink({}, 1);
    await quietWindow(500, 'no second popup for the one click (a popup announces itself asynchronously)');
    assert.equal(popups.length, 1, 'one popup for one click');
    await popups[0].waitForURL(/arxiv\.org/, { timeout: 30000, waitUntil: 'commit' });
    assert.equal(popups[0].url(), 'https://arxiv.org/abs/2205.06175');
    const first = await opens();
    assert.deepEqual(first.map((o) => o.during), ['pointerup'], 'opened inside the pointer event, once');
    assert.match(first[0].features, /noopener/);

    await clickLink({}, 2);
    assert.equal((await opens()).length, 2, 'a second click: a second popup');
    assert.equal(popups.length, 2, 'a second click: a second popup');

    await clickLink({ button: 'middle' }, 3);
    assert.equal((await opens()).length, 3, 'middle-click opens it too, once');
    await clickLink({ modifiers: ['Control'] }, 4);
    assert.equal((await opens()).length, 4, 'Ctrl-click opens it too, once');
    assert.equal(popups.length, 4);
    const focus = await Promise.all(popups.slice(2).map((p) => p.evaluate(() => [document.visibilityState, document.hasFocus()]).catch(() => ['?', '?'])));
    console.log(`# middle / Ctrl-click popups: visibilityState, hasFocus = ${JSON.stringify(focus)}; opener still focused: ${await app.page.evaluate(() => document.hasFocus())}`);
    const all = await opens();
    assert.equal(all.length, 4);
    assert.ok(all.every((o) => o.url === 'https://arxiv.org/abs/2205.06175' && o.during === 'pointerup'), JSON.stringify(all));

    // Non-http(s) never opens: not through the API, nor from a (forged) action under the pointer.
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd']) {
      assert.equal(await app.page.evaluate((u) => window.papertide.openLink(u), bad), false, bad);
    }
    const spot = { x: 5, y: 790 };
    await app.page.evaluate(({ x, y }) => window.Module.papertideSetActions(JSON.stringify([
      { kind: 'open', rect: [x - 4, y - 4, 8, 8], payload: 'javascript:alert(1)' }])), spot);
    await app.page.mouse.click(spot.x, spot.y);
    await idle(app);  // the click and the frames after it are done: whatever it would open has been opened
    assert.equal((await opens()).length, 4, 'nothing opened for javascript:');
    assert.equal(popups.length, 4, 'nothing opened for javascript:');
  } finally {
    await app.close();
  }
});

// Every occurrence of `query` in the paper's card texts (title; per digest: Chinese title, why, insight, summary),
// from `papertide export --format json` and the digest files (the export has no Chinese title).
function occurrences(id, query) {
  const list = path.join(os.tmpdir(), `papertide-find-${process.pid}.json`);
  writeFileSync(list, JSON.stringify({ format: 'papertide-reading-list', version: 1, bookmarks: [id] }));
  const paper = JSON.parse(papertide(['export', '--format', 'json', '--reading-list', list])).papers[0];
  const texts = [paper.title];
  for (const a of paper.appearances) texts.push(a.why || '', a.insight || '', a.summary || '');
  for (const file of readdirSync(path.join(dataDir, 'digests'))) {
    const digest = JSON.parse(readFileSync(path.join(dataDir, 'digests', file), 'utf8'));
    for (const p of digest.papers || []) if (p.id === id && p.title_zh) texts.push(p.title_zh);
  }
  return texts.reduce((n, t) => n + t.split(query).length - 1, 0);
}

test('find in the open paper: Ctrl+F, Chinese through the field, n of m, Enter / Shift+Enter / F3, Esc', async () => {
  const app = await openApp({ hash: '#v=papers&p=arxiv:2205.09991' });
  try {
    const expected = occurrences('arxiv:2205.09991', '扩散');
    assert.ok(expected >= 5, `${expected} occurrences`);
    await click(app, 'tab:papers');  // keyboard focus on the canvas, same view
    await app.page.keyboard.press('Control+f');
    await until(app, (s) => s.find.open, 'the find bar');
    await app.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'find');
    await app.page.keyboard.insertText('扩散');
    const found = await until(app, (s) => s.find.matches > 0, 'matches');
    assert.equal(found.find.query, '扩散');
    assert.equal(found.find.matches, expected);
    assert.equal(found.find.current, 1);
    await app.screenshot('find-desktop.png');

    await app.page.keyboard.press('Enter');
    assert.equal((await until(app, (s) => s.find.current === 2, 'Enter: the next match')).find.current, 2);
    await app.page.keyboard.press('Shift+Enter');
    await until(app, (s) => s.find.current === 1, 'Shift+Enter: back');
    await app.page.keyboard.press('Shift+Enter');
    const last = await until(app, (s) => s.find.current === expected, 'Shift+Enter wraps to the last match');
    const { cardScroll } = await idle(app);  // the scroll to the match may take a few frames
    assert.ok(cardScroll > 100, `the card scrolled to the last match (${cardScroll})`);
    await app.page.keyboard.press('F3');
    await until(app, (s) => s.find.current === 1, 'F3 wraps to the first');
    assert.ok(last.find.matches === expected);

    // Case-insensitive Latin text.
    await app.page.fill('#find', 'DIFFUSION');
    const latin = await until(app, (s) => s.find.query === 'DIFFUSION', 'a Latin query');
    assert.equal(latin.find.matches, occurrences('arxiv:2205.09991', 'Diffusion') + occurrences('arxiv:2205.09991', 'diffusion'));

    await app.page.keyboard.press('Escape');
    await until(app, (s) => !s.find.open, 'Esc closes it');
    assert.equal(await app.page.evaluate(() => document.activeElement.id), 'canvas');
    // The overlay is hidden by the frame that follows the close: wait for it.
    await poll(() => app.page.evaluate(() => document.getElementById('find').hidden), (hidden) => hidden === true,
               'the find field hidden after Esc');
    assert.equal((await app.state()).selectedPaperId, 'arxiv:2205.09991', 'the card stays open');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('the canvas keeps Ctrl/Cmd+F for itself and lets Ctrl+L, Ctrl+T and other browser shortcuts through', async () => {
  const app = await openApp({ hash: '#v=papers&p=arxiv:2205.09991' });
  try {
    await app.page.evaluate(() => {
      window.__keys = [];
      window.addEventListener('keydown', (e) => window.__keys.push({ key: e.key, prevented: e.defaultPrevented }));
    });
    await click(app, 'tab:papers');
    for (const key of ['Control+l', 'Control+t', 'Control+d', 'Alt+ArrowLeft', 'Control+f']) await app.page.keyboard.press(key);
    const keys = Object.fromEntries((await app.page.evaluate(() => window.__keys)).filter((k) => k.key.length === 1 || k.key.startsWith('Arrow'))
      .map((k) => [k.key, k.prevented]));
    assert.deepEqual(keys, { l: false, t: false, d: false, ArrowLeft: false, f: true });
    await until(app, (s) => s.find.open, 'Ctrl+F opened the find bar');
    // While an ImGui text field is edited, its editing shortcuts stay with it; paste still goes to the browser.
    await app.page.keyboard.press('Escape');
    await click(app, 'filter:author');
    await idle(app);  // the click is drawn: the field is being edited
    await app.page.evaluate(() => { window.__keys = []; });
    for (const key of ['Control+a', 'Control+v', 'Control+l']) await app.page.keyboard.press(key);
    const editing = Object.fromEntries((await app.page.evaluate(() => window.__keys)).filter((k) => k.key.length === 1)
      .map((k) => [k.key, k.prevented]));
    assert.deepEqual(editing, { a: true, v: false, l: false });

    // Plain keys stay the app's: j / k walk the list.
    await app.setState({ selectedPaperId: '', author: '' });
    await click(app, 'tab:papers');  // leaves the author field
    await idle(app);
    await app.page.keyboard.press('j');
    const first = JSON.parse(papertide(['search', '--json'])).papers;
    await until(app, (s) => s.selectedPaperId === first[0].id, 'j: the first paper');
    await app.page.keyboard.press('j');
    await until(app, (s) => s.selectedPaperId === first[1].id, 'j: the second paper');
    await app.page.keyboard.press('k');
    await until(app, (s) => s.selectedPaperId === first[0].id, 'k: back to the first');
  } finally {
    await app.close();
  }
});

test('screen readers: the papers on screen and the open card are mirrored into an ARIA-labelled region', async () => {
  const app = await openApp();
  try {
    const results = JSON.parse(papertide(['search', 'diffusion', '--json']));
    assert.ok(results.count >= 3);
    const open = results.papers[1];
    assert.equal(await app.setState({ view: 'papers', query: 'diffusion', selectedPaperId: open.id }), true);
    await until(app, (s) => s.selectedPaperId === open.id && s.targets['row:0'], 'the list and the card');
    const region = await app.page.waitForFunction((title) => {
      const a11y = document.getElementById('a11y');
      const card = document.querySelector('#a11y-card h2');
      return a11y && card && card.textContent === title && a11y.textContent.includes(title) ? a11y : null;
    }, open.title, { timeout: 30000 });
    const info = await region.evaluate((a11y) => ({
      label: a11y.getAttribute('aria-label'), live: a11y.getAttribute('aria-live'),
      rows: Array.from(a11y.querySelectorAll('#a11y-rows li')).map((li) => li.textContent),
      cardTitle: a11y.querySelector('#a11y-card h2').textContent,
      links: Array.from(a11y.querySelectorAll('#a11y-card a')).map((a) => ({ href: a.href, rel: a.rel })),
      rowLinks: Array.from(a11y.querySelectorAll('#a11y-rows a')).map((a) => a.getAttribute('href')),
      text: a11y.textContent,
    }));
    assert.match(info.label, /Papertide/);
    assert.equal(info.live, 'polite');
    assert.ok(info.rows.length >= 3, `${info.rows.length} rows mirrored`);
    assert.ok(info.rows[0].startsWith(results.papers[0].title), `first row: ${info.rows[0]}`);
    assert.equal(info.cardTitle, open.title);
    // a.href is the browser's normalised URL (a bare host gains its "/"): compare normalised URLs.
    assert.deepEqual(info.links.map((l) => l.href).sort(), Object.values(open.links).map((u) => new URL(u).href).sort());
    assert.ok(info.links.every((l) => /noopener/.test(l.rel)));
    assert.ok(info.rowLinks.every((h) => h.startsWith('#') && h.includes('q=diffusion')), 'row links keep the view');
    const frames = await framesDuring(app, 1500, 'the mirror is updated without rendering frames');
    assert.ok(frames <= 5, `the mirror costs no frames (${frames} in 1.5 s)`);

    // Activating a row's link opens that paper (the hash is the app's own URL state).
    await app.page.evaluate(() => { location.hash = document.querySelectorAll('#a11y-rows a')[0].getAttribute('href'); });
    await until(app, (s) => s.selectedPaperId === results.papers[0].id, 'the first row opened from the mirror');
    await app.page.waitForFunction((t) => document.querySelector('#a11y-card h2').textContent === t, results.papers[0].title);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
