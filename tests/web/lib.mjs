// lib.mjs - shared helpers for the browser tests (tests/web/*.test.mjs, run by node --test):
// launch Debian's chromium through playwright-core, serve build/web, open the app, read PNGs, record clipboard
// writes. How tests wait for the app (and click on it) is in wait.mjs.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { startServer } from './serve.mjs';
import { click, idle, poll } from './wait.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = path.resolve(process.env.PAPERTIDE_WEB_DIR || path.join(repoRoot, 'build/web'));
export const outputDir = path.resolve(process.env.PAPERTIDE_TEST_OUTPUT || path.join(repoRoot, 'build/test-output/web'));
export const chromiumPath = process.env.PAPERTIDE_CHROMIUM || '/usr/bin/chromium';

// A fresh headless chromium with its own temporary profile. WebGL2 comes from SwiftShader.
// `hasTouch` / `isMobile` emulate a phone (touch events, mobile viewport); `permissions` are granted up front
// (e.g. ['clipboard-read', 'clipboard-write']).
export async function launchBrowser({ viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
                                     javaScriptEnabled = true, hasTouch = false, isMobile = false,
                                     permissions = [] } = {}) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'papertide-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    deviceScaleFactor,
    javaScriptEnabled,
    hasTouch,
    isMobile,
    permissions,
    args: [
      '--headless', '--no-sandbox', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-default-apps',
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

// Serves `root` (default build/web) under `prefix` and opens it (with `hash`) in a fresh browser, without
// waiting for the app. `beforeLoad(page)` may install init scripts or routes first. Returns { page, url,
// errors, messages, close() }; `errors` collects console errors, uncaught page errors and failed requests.
export async function openPage({ prefix = '/papertide/', hash = '', root = webDir, beforeLoad, ...browserOptions } = {}) {
  const server = await startServer({ root, prefix });
  const browser = await launchBrowser(browserOptions);
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  const errors = [];
  const messages = [];
  page.on('console', (message) => {
    messages.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`requestfailed: ${request.url()}`));
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    if (beforeLoad) await beforeLoad(page);
    await page.goto(server.url + hash, { waitUntil: 'load' });
  } catch (error) {
    await close();
    throw error;
  }
  return { page, url: server.url, errors, messages, close };
}

// Waits for window.papertide.ready of the page's current document (rejects after `ms`).
export function waitForReady(page, ms = 60000) {
  return page.evaluate((timeout) => Promise.race([
    window.papertide.ready,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`not ready after ${timeout} ms`)), timeout)),
  ]), ms);
}

// openPage + waits for window.papertide.ready. Adds state(), setState(partial) and screenshot(name).
export async function openApp({ readyTimeout = 60000, ...options } = {}) {
  const app = await openPage(options);
  const { page } = app;
  try {
    await waitForReady(page, readyTimeout);
  } catch (error) {
    const text = await page.locator('#overlay').innerText().catch(() => '');
    await app.close();
    throw new Error(`${error.message}\npage says: ${text}\nconsole:\n${app.messages.join('\n')}`);
  }
  return {
    ...app,
    state: () => page.evaluate(() => window.papertide.state()),
    setState: (partial) => page.evaluate((p) => window.papertide.setState(p), partial),
    async screenshot(name) {
      await mkdir(outputDir, { recursive: true });
      const file = path.join(outputDir, name);
      const buffer = await page.screenshot({ path: file });
      return { file, buffer, image: decodePng(buffer) };
    },
  };
}

// Minimal PNG decoder (8-bit greyscale/RGB/RGBA, non-interlaced: what chromium and papertide write).
export function decodePng(buffer) {
  const signature = '89504e470d0a1a0a';
  if (buffer.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  let offset = 8;
  let width = 0, height = 0, colourType = 0, bitDepth = 0, interlace = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colourType = data[9];
      interlace = data[12];
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colourType];
  if (bitDepth !== 8 || !channels || interlace !== 0) {
    throw new Error(`unsupported PNG (depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`);
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = (line[x] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = x * channels;
      if (channels >= 3) {
        pixels[o] = line[s]; pixels[o + 1] = line[s + 1]; pixels[o + 2] = line[s + 2];
        pixels[o + 3] = channels === 4 ? line[s + 3] : 255;
      } else {
        pixels[o] = pixels[o + 1] = pixels[o + 2] = line[s];
        pixels[o + 3] = channels === 2 ? line[s + 1] : 255;
      }
    }
    previous = line;
  }
  return { width, height, pixels };
}

// How "drawn" an image is: distinct colours, and the share of pixels differing from the most common one.
export function imageStats({ width, height, pixels }) {
  const counts = new Map();
  for (let i = 0; i < width * height * 4; i += 4) {
    const key = pixels.readUInt32BE(i);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  let background = 0;
  for (const n of counts.values()) background = Math.max(background, n);
  return { distinctColours: counts.size, drawnFraction: 1 - background / (width * height) };
}

// For openApp's `beforeLoad`: records every navigator.clipboard.writeText call (the real one still runs, so
// grant 'clipboard-read' / 'clipboard-write'): its text, the DOM event being handled when it was made (browsers
// accept a copy only inside a user gesture, e.g. 'pointerup'; null when made from an animation frame) and
// whether it has finished. clipboardWrites(app) reads them.
export function recordClipboardWrites(page) {
  return page.addInitScript(() => {
    window.__clipboardWrites = [];
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      const entry = { text, during: window.event ? window.event.type : null, finished: false, error: null };
      window.__clipboardWrites.push(entry);
      return write(text).then(() => { entry.finished = true; }, (error) => {
        entry.finished = true;
        entry.error = String(error && error.message);
        throw error;
      });
    };
  });
}

export const clipboardWrites = (app) => app.page.evaluate(() => window.__clipboardWrites);

// Clicks the copy button `name` and returns the clipboard writes made since (recordClipboardWrites), once there
// is one, every frame the click caused is drawn (so a second, frame-late write would be among them) and all of
// them have finished.
export async function clickCopy(app, name) {
  const before = (await clipboardWrites(app)).length;
  await click(app, name);
  await poll(() => clipboardWrites(app), (w) => w.length > before, `a clipboard write after clicking ${name}`);
  await idle(app);
  const writes = await poll(() => clipboardWrites(app), (w) => w.every((e) => e.finished), 'the clipboard writes to finish');
  return writes.slice(before);
}
