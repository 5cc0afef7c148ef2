// phone.test.mjs - narrow phones (360, 390 and 430 CSS px wide, device pixel ratio 3): every view's controls stay
// on the canvas (wrapping onto new lines rather than running off the right edge) and are at least 44 px each way
// (a finger's size), the timeline's cut-short topic labels show their whole name on a tap, and the screenshots
// are saved for a look by eye.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { imageStats, openApp } from './lib.mjs';
import { click, idle, until } from './wait.mjs';

const views = [
  { name: 'timeline', hash: '', expect: ['timeline:grid', 'timeline:collapse', 'timeline:zoomin', 'export', 'row:0'] },
  { name: 'papers', hash: '#v=papers&q=diffusion', expect: ['export', 'row:0'] },
  { name: 'card', hash: '#v=papers&p=arxiv:2112.04426', expect: ['card:bookmark', 'card:copylink'] },
  { name: 'digests', hash: '#v=digests', expect: ['digests:add'] },
  { name: 'changes', hash: '#v=changes', expect: ['changes:month'] },
];
const kTouchTarget = 44;

// The controls drawn smaller than a finger: [name, width, height] of each (whole item, not just its visible part).
function smallControls(state) {
  return Object.entries(state.controlSizes)
    .filter(([, size]) => size[0] < kTouchTarget - 0.5 || size[1] < kTouchTarget - 0.5)
    .map(([name, size]) => `${name} ${Math.round(size[0])}x${Math.round(size[1])}`);
}

for (const width of [360, 390, 430]) {
  test(`at ${width} px every control is on the canvas`, async () => {
    const viewport = { width, height: 800 };
    const app = await openApp({ viewport, deviceScaleFactor: 3 });
    try {
      for (const view of views) {
        await app.page.evaluate((h) => { location.hash = h || '#'; }, view.hash);
        await until(app, (s) => decodeURIComponent(s.hash) === decodeURIComponent(view.hash), `${width}/${view.name}: the view`);
        const state = await idle(app);
        assert.deepEqual(state.offscreenTargets, [], `${width}/${view.name}: controls cut off at the right edge`);
        for (const name of view.expect) {
          const rect = state.targets[name];
          assert.ok(rect, `${width}/${view.name}: ${name} is not on screen`);
          assert.ok(rect[0] >= 0 && rect[0] + rect[2] <= width + 1, `${width}/${view.name}: ${name} outside the canvas: ${rect}`);
        }
        for (const [name, rect] of Object.entries(state.targets))
          assert.ok(rect[0] >= -1 && rect[0] + rect[2] <= width + 1, `${width}/${view.name}: ${name} outside the canvas: ${rect}`);
        assert.ok(Object.keys(state.controlSizes).length >= view.expect.length, `${width}/${view.name}: no control sizes`);
        assert.deepEqual(smallControls(state), [], `${width}/${view.name}: controls under ${kTouchTarget} px`);
        const { image } = await app.screenshot(`phone-${width}-${view.name}.png`);
        assert.ok(imageStats(image).distinctColours >= 24, `${width}/${view.name}: looks blank`);
      }
      // The filters, folded away on a phone: opened, every one of them is a finger's size too.
      await app.page.evaluate(() => { location.hash = '#v=papers'; });
      await click(app, 'phone:filters');
      const filters = await until(app, (s) => Object.keys(s.targets).some((n) => n.startsWith('topic:')), `${width}: the filters opened`);
      assert.deepEqual(filters.offscreenTargets, [], `${width}/filters: controls cut off at the right edge`);
      assert.deepEqual(smallControls(await idle(app)), [], `${width}/filters: controls under ${kTouchTarget} px`);
      await app.screenshot(`phone-${width}-filters.png`);
      // The "New digest from article…" dialog too.
      await app.page.evaluate(() => { location.hash = '#v=digests'; });
      await click(app, 'digests:from-article');
      const dialog = await until(app, (s) => s.draft.open && s.targets['draft:close'], `${width}: the article dialog`);
      assert.deepEqual(dialog.offscreenTargets, [], `${width}/dialog: controls cut off at the right edge`);
      assert.deepEqual(smallControls(await idle(app)), [], `${width}/dialog: controls under ${kTouchTarget} px`);
      await app.screenshot(`phone-${width}-article-dialog.png`);
      await click(app, 'draft:close');
      await until(app, (s) => !s.draft.open, `${width}: the dialog closed`);
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}

test('a tap on a cut-short topic label shows its whole name', async () => {
  const app = await openApp({ viewport: { width: 390, height: 800 }, deviceScaleFactor: 3 });
  try {
        const state = await until(app, (s) => s.targets['timeline:label:continual-meta'], 'the continual-meta label');
    assert.ok(state.targets['timeline:label:continual-meta'][2] < 140, 'the label is narrow on a phone');
    await click(app, 'timeline:label:continual-meta');
    await until(app, (s) => s.targets['timeline:label-popup:filter'], 'the popup with the whole name');
    await app.screenshot('phone-390-topic-label.png');
    await click(app, 'timeline:label-popup:filter');
    await until(app, (s) => s.topics.includes('continual-meta'), 'the topic filter from the popup');
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});
