// ship.test.mjs - what ships besides the app: valid HTML (html-validate) for index.html, papers.html and the
// single file; the Content-Security-Policy of index.html (and nothing in the page or papertide.js that would
// need more); the web app manifest; and papers.html, the plain-HTML corpus that the page links to and
// offers when the browser lacks WebGL2 or JavaScript.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { HtmlValidate } from 'html-validate';

import { launchBrowser, openPage, repoRoot, webDir } from './lib.mjs';
import { startServer } from './serve.mjs';

const site = (name) => readFile(path.join(webDir, name), 'utf8');

test('the pages are valid HTML', async () => {
  const config = JSON.parse(readFileSync(path.join(repoRoot, 'tests/web/htmlvalidate.json'), 'utf8'));
  const validator = new HtmlValidate(config);
  for (const name of ['index.html', 'papers.html', 'papertide.html']) {
    const report = await validator.validateFile(path.join(webDir, name));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    assert.deepEqual(messages, [], `${name} is not valid:\n${messages.slice(0, 20).join('\n')}`);
  }
});

test('index.html: a strict Content-Security-Policy that the site keeps', async () => {
  const html = await site('index.html');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'a CSP <meta>');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
  assert.deepEqual(directives, {
    'default-src': "'none'",
    'script-src': "'self' 'wasm-unsafe-eval'",
    'connect-src': "'self'",
    'img-src': "'self'",
    'style-src': "'self'",
    'manifest-src': "'self'",
    'worker-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  });
  // What the policy forbids must not be needed: no inline script, style or handlers in the page...
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'an inline <script>');
  assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'inline styles or event handlers');
  // ...and no eval in any script of the site (Emscripten's output included): 'unsafe-eval' stays out.
  for (const name of (await readdir(webDir)).filter((f) => f.endsWith('.js'))) {
    const js = await site(name);
    assert.doesNotMatch(js, /\beval\(|new Function\(|\bFunction\(["'`]/, `${name} evaluates strings`);
  }
});

test('the web app manifest and its icon', async () => {
  const html = await site('index.html');
  assert.match(html, /<link rel="manifest" href="manifest.webmanifest">/);
  const manifest = JSON.parse(await site('manifest.webmanifest'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.length >= 1);
  for (const icon of manifest.icons) {
    const svg = await site(icon.src);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  }
});

test('papers.html: every digest, linked from the page, shown without WebGL2 or JavaScript', async () => {
  const papers = await site('papers.html');
  const index = await site('index.html');
  assert.match(index, /<link rel="alternate" href="papers.html"/);
  assert.match(index, /<noscript>[\s\S]*href="papers.html"[\s\S]*<\/noscript>/);
  assert.doesNotMatch(papers, /<script/i, 'the fallback page needs no JavaScript');
  const digests = (await readdir(path.join(repoRoot, 'data/digests'))).filter((f) => f.endsWith('.json'));
  assert.equal(papers.match(/<article class="digest"/g).length, digests.length);

  // No WebGL2: the error panel links to papers.html#unsupported, which explains why it is shown.
  const app = await openPage({
    beforeLoad: (page) => page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    }),
  });
  try {
    const { page } = app;
    const link = page.locator('#error a[href="papers.html#unsupported"]');
    await link.waitFor({ state: 'visible', timeout: 30000 });
    await Promise.all([page.waitForURL(/papers\.html#unsupported$/), link.click()]);
    assert.equal(await page.locator('#unsupported').isVisible(), true);
    assert.match(await page.locator('h1').innerText(), /论文潮/);
    const count = await page.locator('article.paper').count();
    assert.ok(count >= 75, `${count} papers listed`);
    assert.deepEqual(app.errors, [], `console errors:\n${app.errors.join('\n')}`);
  } finally {
    await app.close();
  }

  // No JavaScript: the <noscript> message with its link covers the page.
  const server = await startServer({ root: webDir, prefix: '/papertide/' });
  const browser = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    await page.goto(server.url, { waitUntil: 'load' });
    const link = page.locator('.noscript a[href="papers.html"]');
    assert.equal(await link.isVisible(), true);
    await Promise.all([page.waitForURL(/papers\.html$/), link.click()]);
    assert.equal(await page.locator('#unsupported').isVisible(), false, 'the "unsupported" note only via #unsupported');
  } finally {
    await browser.close();
    await server.close();
  }
});
