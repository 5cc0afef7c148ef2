// touch.test.mjs - Papertide on a phone (390x844, touch, mobile emulation; issue #9): a tap selects exactly once,
// a drag scrolls the list, the card and the timeline and keeps gliding after release (then rendering stops), a
// long press opens a row's menu, two fingers (or the +/- buttons) zoom the timeline's months, and a tap on the
// search box focuses a real text field so the on-screen keyboard comes up. Touches are CDP touch events.
// Screenshots of these states go to the test output directory.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openApp, sleep, waitForState } from './lib.mjs';

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

const until = (app, predicate, what, timeout = 5000) => waitForState(app.page, predicate, what, timeout);
const centre = (rect) => ({ x: rect[0] + rect[2] / 2, y: rect[1] + rect[3] / 2 });
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function target(app, name) {
  const state = await until(app, (s) => s.targets && s.targets[name], `target ${name}`);
  return centre(state.targets[name]);
}

async function tap(app, name) {
  const { x, y } = await target(app, name);
  await app.page.touchscreen.tap(x, y);
}

// Raw touch events: points = [{x, y}, ...] (ids by position).
function touches(app) {
  const session = app.page.context().newCDPSession(app.page);
  const send = async (type, points) => (await session).send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map((p, id) => ({ x: Math.round(p.x), y: Math.round(p.y), id })),
  });
  return {
    start: (points) => send('touchStart', points),
    move: (points) => send('touchMove', points),
    end: () => send('touchEnd', []),
    // One finger from `from` to `to` in `steps` moves, `ms` apart, then lifted (a flick when quick).
    async drag(from, to, { steps = 8, ms = 16 } = {}) {
      await send('touchStart', [from]);
      for (let i = 1; i <= steps; i++) {
        await sleep(ms);
        await send('touchMove', [{ x: from.x + (to.x - from.x) * i / steps, y: from.y + (to.y - from.y) * i / steps }]);
      }
      await send('touchEnd', []);
    },
  };
}

async function idleFrames(app, ms = 2000) {
  const before = (await app.state()).framesRendered;
  await sleep(ms);
  return (await app.state()).framesRendered - before;
}

test('a tap selects once; taps on toggles toggle once (no mouse events on top of the touch)', async () => {
  const app = await openApp({ ...phone, hash: '#v=papers' });
  try {
    await app.page.evaluate(() => {
      window.__mouse = 0;
      for (const t of ['mousedown', 'mouseup', 'click']) document.getElementById('canvas').addEventListener(t, () => window.__mouse++);
    });
    await tap(app, 'row:1');
    const opened = await until(app, (s) => s.selectedPaperId !== '', 'a paper opened by a tap');
    assert.equal(opened.readCount, 0);
    await tap(app, 'card:bookmark');
    const marked = await until(app, (s) => s.bookmarks.length === 1, 'the bookmark');
    await sleep(400);
    assert.deepEqual((await app.state()).bookmarks, [opened.selectedPaperId], 'toggled exactly once');
    await tap(app, 'card:read');
    await until(app, (s) => s.readCount === 1, 'marked read');
    await sleep(400);
    assert.equal((await app.state()).readCount, 1, 'toggled exactly once');
    assert.equal(await app.page.evaluate(() => window.__mouse), 0, 'the browser sent no compatibility mouse events');
    assert.ok(marked);
    await tap(app, 'card:close');
    await until(app, (s) => s.selectedPaperId === '', 'back to the list');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('drags scroll the list, the card and the timeline, glide after release, then rendering stops', async () => {
  // At 1x: the software renderer draws a 2x phone frame so slowly that CDP's touch events (each waits for the
  // page) would arrive ~250 ms apart, slower than any finger.
  const app = await openApp({ ...phone, deviceScaleFactor: 1, hash: '#v=papers' });
  try {
    const finger = touches(app);
    const start = await target(app, 'row:6');
    await finger.drag(start, { x: start.x, y: start.y - 360 }, { steps: 8, ms: 12 });
    const released = (await app.state()).listScroll;
    await sleep(1200);
    const glided = await app.state();
    assert.ok(released > 150, `the list followed the finger (${released} px)`);
    assert.ok(glided.listScroll > released + 40, `it kept gliding after release: ${released} → ${glided.listScroll} px`);
    assert.equal(glided.selectedPaperId, '', 'a drag is not a tap');
    const idle = await idleFrames(app);
    console.log(`# list: ${released} px at release, ${glided.listScroll} px after the glide; ${idle} frames in 2 s after it`);
    assert.ok(idle <= 5, `${idle} frames while idle after the glide`);

    // A slow drag that stops before lifting: no glide.
    const before = (await app.state()).listScroll;
    const from = await target(app, 'row:' + Math.round(before / 44 + 4));
    await finger.start([from]);
    for (let i = 1; i <= 5; i++) { await sleep(20); await finger.move([{ x: from.x, y: from.y + i * 20 }]); }
    await sleep(300);
    await finger.end();
    await sleep(200);
    const stopped = (await app.state()).listScroll;
    await sleep(600);
    assert.ok(Math.abs((await app.state()).listScroll - stopped) < 1, 'no glide after the finger rested');
    assert.ok(stopped < before - 60, `dragged back down (${before} → ${stopped})`);

    // The card.
    await tap(app, 'row:' + Math.round(stopped / 44 + 1));
    const card = await until(app, (s) => s.selectedPaperId !== '' && s.targets['card:bookmark'], 'a card');
    const inCard = centre(card.targets['card:bookmark']);
    await finger.drag({ x: 60, y: inCard.y + 200 }, { x: 60, y: inCard.y - 100 }, { steps: 8, ms: 20 });
    await sleep(800);
    assert.ok((await app.state()).cardScroll > 100, `the card scrolled (${(await app.state()).cardScroll})`);
    await tap(app, 'card:close');

    // The timeline: zoom in with "+", then drag sideways through the months.
    await app.setState({ view: 'timeline', selectedPaperId: '' });
    await until(app, (s) => s.targets['timeline:zoomin'], 'the timeline');
    await tap(app, 'timeline:zoomin');
    await until(app, (s) => s.timelineZoom > 1.4, 'zoomed in');
    await tap(app, 'timeline:zoomin');
    const zoomed = await until(app, (s) => s.timelineZoom > 2, 'zoomed in twice');
    await sleep(300);
    const grid = (await app.state()).targets['timeline:grid'];
    const x0 = (await app.state()).timelineScroll[0];
    await finger.drag({ x: grid[0] + grid[2] - 20, y: grid[1] + 40 }, { x: grid[0] + 40, y: grid[1] + 40 }, { steps: 8, ms: 20 });
    await sleep(800);
    const moved = await app.state();
    assert.ok(moved.timelineScroll[0] > x0 + 100, `the months scrolled sideways: ${x0} → ${moved.timelineScroll[0]}`);
    assert.equal(moved.topics.length, 0, 'a drag on the grid selects no cell');
    assert.ok(zoomed.timelineCellWidth > 30);
    await app.screenshot('touch-phone-timeline-zoomed.png');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('a long press on a row opens its menu: Open, Bookmark, Copy link', async () => {
  const app = await openApp({ ...phone, hash: '#v=papers' });
  try {
    const finger = touches(app);
    const at = await target(app, 'row:2');
    await finger.start([at]);
    await sleep(800);
    const menu = await until(app, (s) => s.contextMenu !== '' && s.targets['menu:bookmark'], 'the row menu');
    await finger.end();
    await sleep(300);
    assert.equal((await app.state()).selectedPaperId, '', 'a long press does not open the paper');
    assert.ok(menu.targets['menu:open'] && menu.targets['menu:copylink']);
    await app.screenshot('touch-phone-row-menu.png');
    await tap(app, 'menu:bookmark');
    const marked = await until(app, (s) => s.bookmarks.includes(menu.contextMenu), 'bookmarked from the menu');
    assert.equal(marked.bookmarks.length, 1);
    await until(app, (s) => s.contextMenu === '', 'the menu closed');

    // Again, then "Open".
    await finger.start([at]);
    await sleep(800);
    await until(app, (s) => s.targets['menu:open'], 'the row menu again');
    await finger.end();
    await tap(app, 'menu:open');
    await until(app, (s) => s.selectedPaperId === menu.contextMenu, 'opened from the menu');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('two fingers pinch the timeline\'s months wider and narrower; the buttons do too', async () => {
  const app = await openApp({ ...phone });
  try {
    const finger = touches(app);
    const state = await until(app, (s) => s.targets['timeline:grid'] && s.timelineCellWidth > 0, 'the timeline');
    const fit = state.timelineCellWidth;
    const grid = state.targets['timeline:grid'];
    const c = { x: grid[0] + grid[2] / 2, y: grid[1] + Math.min(grid[3] / 2, 120) };
    await finger.start([{ x: c.x - 30, y: c.y }, { x: c.x + 30, y: c.y }]);
    for (let i = 1; i <= 8; i++) {
      await sleep(20);
      await finger.move([{ x: c.x - 30 - i * 10, y: c.y }, { x: c.x + 30 + i * 10, y: c.y }]);
    }
    await finger.end();
    const wider = await until(app, (s) => s.timelineZoom > 2, 'pinched open');
    await sleep(300);
    const after = await app.state();
    assert.ok(after.timelineCellWidth > fit * 2, `cells ${fit} → ${after.timelineCellWidth} px`);
    assert.ok(after.timelineScroll[0] > 0, 'the pinch centre stays put: the months scrolled');
    assert.equal(after.topics.length, 0, 'a pinch selects no cell');
    console.log(`# pinch: zoom ${wider.timelineZoom.toFixed(2)}, cell ${fit.toFixed(1)} → ${after.timelineCellWidth.toFixed(1)} px`);

    await finger.start([{ x: c.x - 100, y: c.y }, { x: c.x + 100, y: c.y }]);
    for (let i = 1; i <= 8; i++) {
      await sleep(20);
      await finger.move([{ x: c.x - 100 + i * 8, y: c.y }, { x: c.x + 100 - i * 8, y: c.y }]);
    }
    await finger.end();
    const narrower = await until(app, (s) => s.timelineZoom < after.timelineZoom * 0.8, 'pinched closed');
    await tap(app, 'timeline:zoomout');
    await until(app, (s) => s.timelineZoom < narrower.timelineZoom, 'the − button');
    for (let i = 0; i < 6; i++) await tap(app, 'timeline:zoomout');
    const fitted = await until(app, (s) => s.timelineZoom === 1, 'back to fit');
    assert.ok(Math.abs(fitted.timelineCellWidth - fit) < 0.5);
    assert.ok(await idleFrames(app) <= 5, 'idle afterwards');
  } finally {
    await app.close();
  }
});

test('a tap on the search box focuses a real text field (on-screen keyboard, search key)', async () => {
  const app = await openApp({ ...phone });
  try {
    await tap(app, 'search');
    await app.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'search');
    const field = await app.page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el.tagName, type: el.type, inputmode: el.getAttribute('inputmode'), enterkeyhint: el.getAttribute('enterkeyhint') };
    });
    assert.deepEqual(field, { tag: 'INPUT', type: 'search', inputmode: 'search', enterkeyhint: 'search' });
    await app.page.keyboard.insertText('扩散');
    await until(app, (s) => s.query === '扩散', 'the query typed on the phone');

    // Find in a paper on the phone, for a look at the layout.
    await app.setState({ view: 'papers', query: '', selectedPaperId: 'arxiv:2205.09991' });
    await until(app, (s) => s.selectedPaperId === 'arxiv:2205.09991' && s.targets['card:bookmark'], 'the card');
    await app.page.focus('#canvas');
    await app.page.keyboard.press('Control+f');
    await app.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'find');
    await app.page.keyboard.insertText('扩散');
    await until(app, (s) => s.find.matches > 0, 'matches on the phone');
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('Enter');
    await until(app, (s) => s.find.current === 3, 'the third match');
    await sleep(400);
    await app.screenshot('touch-phone-find.png');
    const state = await app.state();
    const field2 = await app.page.evaluate(() => document.getElementById('find').getBoundingClientRect().toJSON());
    assert.ok(Math.abs(field2.left - state.targets['find:field'][0]) <= 1.5, 'the find field sits on its frame');
    assert.ok(field2.right <= 390, 'inside the screen');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
