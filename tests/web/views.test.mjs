// views.test.mjs - every view at desktop and phone size, dark and light, saved under build/test-output/web/
// for a look by eye; asserts what a machine can: something is drawn, the layout's key parts are on screen
// and inside the viewport, and the search field overlay sits exactly on the app's search box.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { imageStats, openApp } from './lib.mjs';
import { idle, until } from './wait.mjs';

const views = [
  { name: 'timeline', hash: '', expect: ['timeline:grid', 'row:0', 'search'] },
  { name: 'search-zh', hash: '#q=%E6%89%A9%E6%95%A3', expect: ['timeline:grid', 'row:0'] },
  { name: 'papers', hash: '#v=papers&t=vision', expect: ['row:0'] },
  { name: 'card', hash: '#v=papers&p=arxiv:2205.09991', expect: ['card:bookmark', 'card:link:arxiv'] },
  { name: 'digests', hash: '#v=digests', expect: ['digest:2021-11-deephub-ten-papers'] },
  { name: 'digest-page', hash: '#v=digests&page=2021-12-jiqizhixin-7-papers-radios', expect: [] },
];
const sizes = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
];

for (const size of sizes) {
  test(`every view renders at ${size.name} size`, async () => {
    const app = await openApp({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor || 1 });
    try {
      for (const theme of ['dark', 'light']) {
        for (const view of views) {
          await app.page.evaluate((h) => { location.hash = h; }, view.hash || '#');
          const language = theme === 'light' ? 'zh' : 'en';
          await app.setState({ theme, language });
          // The hash (canonical in the table above) and the settings have reached the app, and it is drawn.
          await until(app, (s) => decodeURIComponent(s.hash) === decodeURIComponent(view.hash) && s.theme === theme &&
                      s.language === language, `${size.name}/${theme}/${view.name}: the view and its settings`);
          const state = await idle(app);
          for (const target of view.expect) {
            const rect = state.targets[target];
            assert.ok(rect, `${size.name}/${view.name}: ${target} is not on screen`);
            assert.ok(rect[0] >= 0 && rect[0] + rect[2] <= size.viewport.width + 1,
                      `${size.name}/${view.name}: ${target} overflows horizontally: ${rect}`);
          }
          const { image } = await app.screenshot(`view-${size.name}-${theme}-${view.name}.png`);
          const stats = imageStats(image);
          assert.ok(stats.distinctColours >= 24, `${size.name}/${view.name}: looks blank (${stats.distinctColours} colours)`);
          const search = await app.page.evaluate(() => {
            const el = document.getElementById('search');
            const r = el.getBoundingClientRect();
            return { hidden: el.hidden, rect: [r.left, r.top, r.width, r.height] };
          });
          if (state.targets.search) {
            assert.equal(search.hidden, false, 'the search field overlay is shown with the search box');
            state.targets.search.forEach((v, i) => assert.ok(Math.abs(v - search.rect[i]) <= 1.5,
              `${size.name}/${view.name}: overlay ${search.rect} vs search box ${state.targets.search}`));
          }
        }
      }
      assert.deepEqual(app.errors, []);
    } finally {
      await app.close();
    }
  });
}
