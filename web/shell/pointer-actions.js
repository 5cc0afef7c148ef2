// pointer-actions.js - links and copy buttons, acted on inside the browser's pointer event, and the app's own
// open / copy requests (which the ones already done in the gesture make redundant).
//
// Pop-up blockers and clipboard rules (Safari, Firefox) accept window.open / clipboard.writeText only during a
// user gesture, but the app sees a click one animation frame later. So the app lists where its links and copy
// buttons are (after every frame that moved them) and the click is performed here, on pointerup, when it pressed
// and released on the same one: a tap too (touch: at most 10 px of movement, shorter than a long press). The
// app's own openUrl / copyText of the same thing that follows is dropped. Middle-click and Ctrl/Cmd-click call
// the same window.open: Chromium then opens a background tab, because it takes the disposition from the
// modifiers of the input event being handled.
import { isSafeHttpUrl } from './bridge.js';

const DUPLICATE_MS = 3000;  // how long a gesture's open / copy makes the app's same request redundant

let actions = [];
let gestureOpened = null;  // { url, time }
let gestureCopied = null;  // { text, time }

function openInNewTab(url) {
  window.open(url, '_blank', 'noopener,noreferrer');
}

function writeClipboard(text) {
  if (!navigator.clipboard || !navigator.clipboard.writeText) {
    console.warn('papertide: clipboard API unavailable');
    return;
  }
  navigator.clipboard.writeText(text).catch((e) => console.warn('papertide: copy failed:', e && e.message));
}

// True when the gesture already did this (done[key] === value) within the last few seconds.
function alreadyDone(done, value, key) {
  return Boolean(done) && done[key] === value && performance.now() - done.time < DUPLICATE_MS;
}

export const handlers = {
  setActions(json) {
    try { actions = JSON.parse(json); } catch (e) { actions = []; }
  },
  openUrl(url) {
    if (alreadyDone(gestureOpened, url, 'url')) { gestureOpened = null; return; }
    openInNewTab(url);
  },
  copyText(text) {
    if (alreadyDone(gestureCopied, text, 'text')) { gestureCopied = null; return; }
    writeClipboard(text);
  },
};

export function setUpPointerActions() {
  const canvas = document.getElementById('canvas');
  function canvasPoint(event) {
    const r = canvas.getBoundingClientRect();
    return { x: event.clientX - r.left, y: event.clientY - r.top };
  }
  function actionAt(p) {
    for (let i = actions.length - 1; i >= 0; i--) {
      const [x, y, w, h] = actions[i].rect;
      if (p.x >= x && p.y >= y && p.x < x + w && p.y < y + h) return actions[i];
    }
    return null;
  }
  let press = null;
  canvas.addEventListener('pointerdown', (event) => {
    press = null;
    if (event.button !== 0 && event.button !== 1) return;
    const p = canvasPoint(event);
    press = { id: event.pointerId, button: event.button, x: p.x, y: p.y, time: performance.now(), action: actionAt(p) };
  });
  canvas.addEventListener('pointercancel', () => { press = null; });
  canvas.addEventListener('pointerup', (event) => {
    const pressed = press;
    press = null;
    if (!pressed || !pressed.action || pressed.id !== event.pointerId || pressed.button !== event.button) return;
    const p = canvasPoint(event);
    const action = actionAt(p);
    if (!action || action.kind !== pressed.action.kind || action.payload !== pressed.action.payload) return;
    if (event.pointerType !== 'mouse' &&
        (Math.hypot(p.x - pressed.x, p.y - pressed.y) > 10 || performance.now() - pressed.time >= 500)) return;
    if (action.kind === 'open' && isSafeHttpUrl(action.payload)) {
      gestureOpened = { url: action.payload, time: performance.now() };
      openInNewTab(action.payload);
    } else if (action.kind === 'copy' && event.button === 0 && navigator.clipboard && navigator.clipboard.writeText) {
      gestureCopied = { text: action.payload, time: performance.now() };
      writeClipboard(action.payload);
    }
  });
}
