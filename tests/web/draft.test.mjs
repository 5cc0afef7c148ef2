// draft.test.mjs - "New digest from article…" in the browser: the article pasted into the real <textarea> laid
// over the app, the draft's entries listed (uncertain ones marked), the month corrected in the app's own field, an
// entry dropped, the digest added to the reader's own (searchable, in the digest list) and downloaded as JSON; and
// HTML articles (chosen, dropped, pasted) read by the browser's DOMParser, as the web build has no HTML parser.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { openApp, repoRoot } from './lib.mjs';
import { click, idle, until } from './wait.mjs';

const fixture = (name) => readFile(path.join(repoRoot, 'tests/import', name), 'utf8');

async function openDialog(app) {
  await click(app, 'digests:from-article');
  return until(app, (s) => s.draft.open && s.targets['draft:article'], 'the dialog with its article box');
}

test('a pasted article is listed, corrected, trimmed, added as the reader\'s digest and downloaded', async () => {
  const app = await openApp({ hash: '#v=digests', permissions: ['clipboard-read', 'clipboard-write'] });
  try {
    const before = await app.state();
    assert.equal(await app.setState({ query: 'textual inversion' }), true);
    assert.equal((await until(app, (s) => s.query === 'textual inversion', 'the search')).visibleCount, 0);
    assert.equal(await app.setState({ query: '' }), true);
    await openDialog(app);
    const article = await fixture('english_digest.txt');
    // A real paste: the text on the system clipboard, Ctrl+V in the <textarea> that lies over the app's box.
    await click(app, 'draft:article');
    await until(app, () => app.page.evaluate(() => document.activeElement && document.activeElement.id === 'article'),
      'the article box to have the keyboard');
    await app.page.evaluate((text) => navigator.clipboard.writeText(text), article);
    await app.page.keyboard.press('Control+V');
    const drafted = (await until(app, (s) => s.draft.entries && s.draft.entries.length === 3, 'the drafted entries')).draft;
    assert.equal(drafted.ok, true);
    assert.equal(drafted.pasted, true);
    assert.equal(drafted.month, '2022-08');
    assert.deepEqual(drafted.entries.map((e) => e.title), [
      'Emergent Abilities of Large Language Models',
      'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion',
      'Beyond neural scaling laws: beating power law scaling via data pruning',
    ]);
    assert.deepEqual(drafted.entries.map((e) => e.uncertain), [false, false, true]);
    assert.ok(drafted.entries[2].warnings.some((w) => w.includes('may not be a paper')), drafted.entries[2].warnings.join('\n'));
    assert.equal(drafted.entries[0].links.arxiv, 'https://arxiv.org/abs/2206.07682');
    assert.equal(await app.page.inputValue('#article'), article.replace(/\r\n/g, '\n'));
    await idle(app);
    await app.screenshot('draft-pasted.png');

    // The month, in the app's own field: select what is there and type over it.
    await click(app, 'draft:month');
    await until(app, (s) => s.editingText, 'the month field taking the keyboard');  // else Ctrl+A is the page's
    await app.page.keyboard.press('Control+A');
    await idle(app);  // the selection made before the typing (ImGui takes a frame's text before its shortcuts)
    await app.page.keyboard.type('2022-09');
    const corrected = (await until(app, (s) => s.draft.month === '2022-09' && s.draft.id.startsWith('2022-09-'),
      'the corrected month')).draft;
    assert.equal(corrected.entries.length, 3);
    assert.equal(corrected.fieldError, '');

    // Drop the entry that may not be a paper, with a real click on its button.
    await click(app, 'draft:entry:3');
    const trimmed = (await until(app, (s) => s.draft.kept === 2, 'the dropped entry')).draft;
    assert.equal(trimmed.entries[2].dropped, true);
    await idle(app);
    await app.screenshot('draft-corrected.png');

    await click(app, 'draft:add');
    const added = await until(app, (s) => s.digests === before.digests + 1, 'the added digest');
    assert.deepEqual(added.userDigests, [trimmed.fileName]);
    assert.equal(added.draft.addedAs, trimmed.fileName);
    assert.deepEqual(added.fileProblems, []);

    const downloadPromise = app.page.waitForEvent('download');
    await click(app, 'draft:download');
    const download = await downloadPromise;
    assert.equal(download.suggestedFilename(), trimmed.fileName);
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(json.format, 1);
    assert.equal(json.month, '2022-09');
    assert.equal(json.id, trimmed.id);
    assert.deepEqual(json.papers.map((p) => p.title), trimmed.entries.slice(0, 2).map((e) => e.title));
    assert.deepEqual(json.sections.map((s) => s.id), ['main']);  // the emptied "other papers" section is gone

    await click(app, 'draft:close');
    await until(app, (s) => !s.draft.open && s.targets[`digest:${trimmed.id}`], 'the new digest in the list');
    assert.equal(await app.setState({ query: 'textual inversion' }), true);
    const found = await until(app, (s) => s.query === 'textual inversion', 'the search');
    assert.equal(found.visibleCount, 1);
    assert.deepEqual(app.errors, []);
  } finally {
    await app.close();
  }
});

test('HTML articles go through the browser\'s DOMParser: chosen, dropped or pasted', async () => {
  const app = await openApp({ hash: '#v=digests' });
  try {
    const html = await fixture('html_ol.html');
    // Chosen with the dialog closed: an article by its name opens the dialog with its draft.
    await app.page.setInputFiles('#file-picker', { name: 'weekly.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    const chosen = (await until(app, (s) => s.draft.open && s.draft.entries && s.draft.entries.length > 0, 'the HTML draft')).draft;
    assert.equal(chosen.error, '');
    assert.equal(chosen.article, 'weekly.html');
    assert.equal(chosen.month, '2023-07');
    assert.deepEqual(chosen.entries.map((e) => e.title), [
      'Llama 2: Open Foundation and Fine-Tuned Chat Models',
      'Retentive Network: A Successor to Transformer for Large Language Models',
      'FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning',
      'Diffusion Models Beat GANs on Image Synthesis.',
      'Segment Anything.',
      'DINOv2: Learning Robust Visual Features without Supervision.',
    ].map((t) => t.replace(/\.$/, '')));
    assert.equal(chosen.entries[1].links.code, 'https://github.com/microsoft/torchscale');  // <a href> with its label
    assert.ok(!JSON.stringify(chosen).includes('Inside A Script'), 'script text is skipped');
    assert.deepEqual((await app.state()).userDigests, [], 'an article is never read as a digest');
    await idle(app);
    await app.screenshot('draft-html.png');

    // Dropped on the page while the dialog is open: replaces the article.
    await app.page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.htm', { type: 'text/html' }));
      const target = document.getElementById('app');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, html.replace('Segment Anything.', 'Segment Anything Again.'));
    const dropped = (await until(app, (s) => s.draft.article === 'dropped.htm' && s.draft.entries.length === 6, 'the dropped page')).draft;
    assert.equal(dropped.entries[4].title, 'Segment Anything Again');

    // Pasted HTML (typed into the box: the same path as a paste, the textarea's input event).
    const parsedBefore = app.errors.length;
    await app.page.fill('#article', html);
    const pasted = (await until(app, (s) => s.draft.pasted && s.draft.entries.length === 6, 'the pasted page')).draft;
    assert.deepEqual(pasted.entries.map((e) => e.title), chosen.entries.map((e) => e.title));
    // fill() types the page line by line (dozens of input events); the box hands it over once per frame.
    assert.ok(app.errors.length - parsedBefore <= 3, `the pasted page was parsed ${app.errors.length - parsedBefore} times`);

    // In Chinese, the dialog's own labels (a screenshot to look at: the labels must render as Chinese).
    assert.equal(await app.setState({ language: 'zh' }), true);
    await until(app, (s) => s.language === 'zh', 'the Chinese labels');
    await idle(app);
    await app.screenshot('draft-html-zh.png');
    // The page's Content-Security-Policy (style-src 'self') also governs the inert documents DOMParser makes, so
    // chromium logs each <style> / style="" of a parsed page as a blocked inline style: nothing is applied or
    // run. Those are the only console errors allowed here.
    const cspNoise = (e) => e.startsWith('Applying inline style violates the following Content Security Policy');
    assert.deepEqual(app.errors.filter((e) => !cspNoise(e)), []);
  } finally {
    await app.close();
  }
});
