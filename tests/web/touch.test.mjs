// touch.test.mjs - Papertide on a phone (390x844, touch, mobile emulation; issue #9): a tap selects exactly once,
// a drag scrolls the list, the card and the timeline and keeps gliding after release (then rendering stops), a
// long press opens a row's menu, two fingers (or the +/- buttons) zoom the timeline's months, and a tap on the
// search box focuses a real text field so the on-screen keyboard comes up. Touches are CDP touch events.
// Screenshots of these states go to the test output directory.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openApp } from './lib.mjs';
import { centre, framesDuring, gesturePause, idle, target, until } from './wait.mjs';

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };

async function tap(app, name) {
  const { x, y } = await target(app, name);
  await app.page.touchscreen.tap(x, y);
}

// Raw touch events: points = [{x, y}, ...] (ids by position). Each resolves once the page has handled it.
function touches(app) {
  const session = app.page.context().newCDPSession(app.page);
  const send = async (type, points) => (await session).send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map((p, id) => ({ x: Math.round(p.x), y: Math.round(p.y), id })),
  });
  let lastMove = 0;
  let longestGap = 0;  // ms between two events of the current gesture (its start, its moves)
  const move = async (points) => {
    const now = Date.now();
    longestGap = Math.max(longestGap, now - lastMove);
    lastMove = now;
    await send('touchMove', points);
  };
  return {
    start: (points) => { lastMove = Date.now(); longestGap = 0; return send('touchStart', points); },
    move,
    // A move, returning once the app has drawn it (a browser delivers at most one touchmove per frame).
    async moveDrawn(points) {
      await move(points);
      await idle(app);
    },
    end: () => send('touchEnd', []),
    // One finger from `from` to `to` in `steps` moves `ms` apart, then lifted: with the defaults a flick (the speed
    // of the finger, px per ms, is the input here: the app's glide starts from it).
    async drag(from, to, { steps = 8, ms = 16 } = {}) {
      await this.start([from]);
      for (let i = 1; i <= steps; i++) {
        await gesturePause(ms, 'the finger\'s speed');
        await move([{ x: from.x + (to.x - from.x) * i / steps, y: from.y + (to.y - from.y) * i / steps }]);
      }
      await this.end();
    },
    // The finger stays still long enough that the app counts it as resting before it lifts: clearly longer than
    // the moves had been coming (PointerInput::startMomentum: more than max(100 ms, 2.5 x their typical interval)).
    rest: () => gesturePause(Math.max(300, 4 * longestGap), 'a finger resting before it lifts'),
  };
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
    // Every frame the tap caused is drawn: a second toggle (from a second click) would show by now.
    assert.deepEqual((await idle(app)).bookmarks, [opened.selectedPaperId], 'toggled exactly once');
    await tap(app, 'card:read');
    await until(app, (s) => s.readCount === 1, 'marked read');
    assert.equal((await idle(app)).readCount, 1, 'toggled exactly once');
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
    const top = (await idle(app)).listScroll;
    const flick = 360;
    await finger.drag(start, { x: start.x, y: start.y - flick }, { steps: 8, ms: 12 });
    // Every frame of the drag and of the glide after it is drawn. The list followed the finger exactly `flick`
    // px; anything beyond is the glide.
    const glided = await idle(app);
    assert.ok(glided.listScroll >= top + flick - 1, `the list followed the finger: ${top} → ${glided.listScroll} px`);
    assert.ok(glided.listScroll > top + flick + 40, `it kept gliding after release: ${glided.listScroll - top - flick} px`);
    assert.equal(glided.selectedPaperId, '', 'a drag is not a tap');
    const idleCount = await framesDuring(app, 2000, 'rendering stops once the glide has');
    console.log(`# list: dragged ${flick} px, glided ${glided.listScroll - top - flick} px more; ${idleCount} frames in 2 s after it`);
    assert.ok(idleCount <= 5, `${idleCount} frames while idle after the glide`);

    // A slow drag that stops before lifting: no glide.
    const before = glided.listScroll;
    const from = await target(app, 'row:' + Math.round(before / 44 + 4));
    await finger.start([from]);
    for (let i = 1; i <= 5; i++) {
      await gesturePause(20, 'the finger\'s speed');
      await finger.move([{ x: from.x, y: from.y + i * 20 }]);
    }
    const held = await until(app, (s) => Math.abs(s.listScroll - (before - 100)) < 1, 'the list following the finger 100 px down');
    await finger.rest();
    await finger.end();
    const stopped = (await idle(app)).listScroll;
    assert.ok(Math.abs(stopped - held.listScroll) < 1, `no glide after the finger rested (${held.listScroll} → ${stopped})`);

    // The card.
    await tap(app, 'row:' + Math.round(stopped / 44 + 1));
    const card = await until(app, (s) => s.selectedPaperId !== '' && s.targets['card:bookmark'], 'a card');
    const inCard = centre(card.targets['card:bookmark']);
    await finger.drag({ x: 60, y: inCard.y + 200 }, { x: 60, y: inCard.y - 100 }, { steps: 8, ms: 20 });
    const { cardScroll } = await idle(app);
    assert.ok(cardScroll > 100, `the card scrolled (${cardScroll})`);
    await tap(app, 'card:close');

    // The timeline: zoom in with "+", then drag sideways through the months.
    await app.setState({ view: 'timeline', selectedPaperId: '' });
    await until(app, (s) => s.targets['timeline:zoomin'], 'the timeline');
    await tap(app, 'timeline:zoomin');
    await until(app, (s) => s.timelineZoom > 1.4, 'zoomed in');
    await tap(app, 'timeline:zoomin');
    await until(app, (s) => s.timelineZoom > 2, 'zoomed in twice');
    const zoomed = await idle(app);  // the zoomed layout is drawn
    const grid = zoomed.targets['timeline:grid'];
    const x0 = zoomed.timelineScroll[0];
    await finger.drag({ x: grid[0] + grid[2] - 20, y: grid[1] + 40 }, { x: grid[0] + 40, y: grid[1] + 40 }, { steps: 8, ms: 20 });
    const moved = await idle(app);
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
    const menu = await until(app, (s) => s.contextMenu !== '' && s.targets['menu:bookmark'], 'the row menu, the finger still down');
    await finger.end();
    // Every frame the lift caused is drawn: a click it made would have opened the paper by now.
    assert.equal((await idle(app)).selectedPaperId, '', 'a long press does not open the paper');
    assert.ok(menu.targets['menu:open'] && menu.targets['menu:copylink']);
    await app.screenshot('touch-phone-row-menu.png');
    await tap(app, 'menu:bookmark');
    const marked = await until(app, (s) => s.bookmarks.includes(menu.contextMenu), 'bookmarked from the menu');
    assert.equal(marked.bookmarks.length, 1);
    await until(app, (s) => s.contextMenu === '', 'the menu closed');

    // Again, then "Open".
    await finger.start([at]);
    await until(app, (s) => s.targets['menu:open'], 'the row menu again, the finger still down');
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
    // state().timeline: the cells are zoom x the width the months are fitted into (what is left of the grid once
    // the topic names and any scrollbar have theirs) / the months.
    const cellsFit = (t) => Math.abs(t.cellWidth / (t.zoom * t.fitWidth / t.months) - 1) < 1e-3;
    await until(app, (s) => s.targets['timeline:grid'] && s.timeline && s.timeline.cellWidth > 0, 'the timeline');
    const state = await idle(app);
    const fit = state.timeline.cellWidth;
    assert.ok(cellsFit(state.timeline), `at zoom 1 the months fill the width: ${JSON.stringify(state.timeline)}`);
    const grid = state.targets['timeline:grid'];
    const c = { x: grid[0] + grid[2] / 2, y: grid[1] + Math.min(grid[3] / 2, 120) };
    await finger.start([{ x: c.x - 30, y: c.y }, { x: c.x + 30, y: c.y }]);
    for (let i = 1; i <= 8; i++) await finger.moveDrawn([{ x: c.x - 30 - i * 10, y: c.y }, { x: c.x + 30 + i * 10, y: c.y }]);
    await finger.end();
    const wider = await until(app, (s) => s.timeline.zoom > 2, 'pinched open');
    const after = await idle(app);  // the zoomed layout has settled
    const t = after.timeline;
    assert.ok(t.zoom >= wider.timeline.zoom && t.zoom > 2, `x${t.zoom} after the pinch`);
    assert.ok(t.cellWidth > 2 * t.fitWidth / t.months, `cells ${fit} → ${t.cellWidth} px: more than twice as wide as fitted`);
    assert.ok(cellsFit(t), `cells ${t.cellWidth} px, expected x${t.zoom} of ${t.fitWidth} px / ${t.months} months`);
    assert.ok(after.timelineScroll[0] > 0, 'the pinch centre stays put: the months scrolled');
    assert.equal(after.topics.length, 0, 'a pinch selects no cell');
    console.log(`# pinch: zoom ${t.zoom.toFixed(2)}, cell ${fit.toFixed(1)} → ${t.cellWidth.toFixed(1)} px`);

    await finger.start([{ x: c.x - 100, y: c.y }, { x: c.x + 100, y: c.y }]);
    for (let i = 1; i <= 8; i++) await finger.moveDrawn([{ x: c.x - 100 + i * 8, y: c.y }, { x: c.x + 100 - i * 8, y: c.y }]);
    await finger.end();
    const narrower = await until(app, (s) => s.timelineZoom < after.timelineZoom * 0.8, 'pinched closed');
    await tap(app, 'timeline:zoomout');
    await until(app, (s) => s.timelineZoom < narrower.timelineZoom, 'the − button');
    for (let i = 0; i < 6; i++) await tap(app, 'timeline:zoomout');
    await until(app, (s) => s.timelineZoom === 1, 'back to fit');
    const fitted = await idle(app);
    assert.ok(Math.abs(fitted.timeline.cellWidth - fit) < 0.5, `back to ${fitted.timeline.cellWidth} px, was ${fit}`);
    const idleCount = await framesDuring(app, 2000, 'no frames once the zoom has settled');
    assert.ok(idleCount <= 5, `idle afterwards (${idleCount} frames in 2 s)`);
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
    const state = await idle(app);  // scrolled to the match, the field placed
    await app.screenshot('touch-phone-find.png');
    const field2 = await app.page.evaluate(() => document.getElementById('find').getBoundingClientRect().toJSON());
    assert.ok(Math.abs(field2.left - state.targets['find:field'][0]) <= 1.5, 'the find field sits on its frame');
    assert.ok(field2.right <= 390, 'inside the screen');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
