// overlays.js - real <input> fields laid over the ImGui text boxes the app draws (id 'search': the search box;
// id 'find': find in the open paper; id 'article': the <textarea> of "New digest from article…"). A canvas cannot
// host an input method: Chinese IMEs, paste, dictation and phone keyboards need a text field. The app places an
// overlay each frame it draws its box; the text flows back to it. Keys typed here never reach SDL (it only
// listens on #canvas).
import { htmlToLinesJson, looksLikeHtml } from './article-lines.js';
import { cxx, isRunning } from './bridge.js';
import { focusCanvas } from './page.js';

const overlays = new Map();  // id → { input, send, shownText }

// The article box's text goes to the app once per animation frame at most: typing (or a tool filling the box line
// by line) into a long page must not parse and draft it again for every character.
let articleText = null;
function sendArticle(text) {
  const first = articleText === null;
  articleText = text;
  if (!first) return;
  requestAnimationFrame(() => {
    const latest = articleText;
    articleText = null;
    const lines = latest && looksLikeHtml('', latest) ? htmlToLinesJson(latest) : null;
    if (isRunning()) cxx.setArticleText(latest, lines === null ? '' : lines);
  });
}

// What each overlay sends, and the keys it handles itself.
const kinds = {
  // Pasted HTML is read by the browser's DOMParser, as a dropped .html file is (article-lines.js).
  article: {
    send: sendArticle,
    keydown(event) {
      if (event.key === 'Escape') { event.preventDefault(); focusCanvas(); }
    },
  },
  search: {
    send: (text) => cxx.setQuery(text),
    keydown(event, overlay) {
      const input = overlay.input;
      if (event.key === 'Escape') {
        event.preventDefault();
        if (input.value) { input.value = ''; sendText(overlay); } else focusCanvas();
      } else if (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'Tab') {
        event.preventDefault();
        focusCanvas();  // on to the results (arrows, j/k, Enter)
      }
    },
  },
  find: {
    send: (text) => cxx.setFind(text),
    keydown(event, overlay) {
      if (event.isComposing) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === 'Enter' || event.key === 'F3' || (mod && event.key.toLowerCase() === 'g')) {
        event.preventDefault();
        sendText(overlay);
        cxx.findStep(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        cxx.findClose();
        focusCanvas();
      } else if (mod && event.key.toLowerCase() === 'f') {
        event.preventDefault();  // already finding: select the text for a new search
        overlay.input.select();
      }
    },
  },
};

function sendText(overlay) {
  if (isRunning()) overlay.send(overlay.input.value);
}

export function setUpOverlays() {
  for (const [id, kind] of Object.entries(kinds)) {
    const input = document.getElementById(id);
    const overlay = { input, send: kind.send, shownText: null };
    overlays.set(id, overlay);
    input.addEventListener('input', (event) => {
      if (event.isComposing) return;  // wait for the IME to commit the characters
      sendText(overlay);
    });
    input.addEventListener('compositionend', () => sendText(overlay));
    input.addEventListener('keydown', (event) => kind.keydown(event, overlay));
  }
}

function overlayById(id) {
  const overlay = overlays.get(id);
  if (!overlay) throw new Error(`papertide: no text overlay "${id}"`);
  return overlay;
}

export const handlers = {
  // Puts the overlay exactly over the ImGui frame drawn for it (ImGui coordinates = CSS px of the canvas).
  placeOverlay(id, x, y, width, height, text, dark) {
    const overlay = overlayById(id);
    const input = overlay.input;
    input.hidden = false;
    const style = input.style;
    const px = (v) => Math.round(v) + 'px';
    if (style.left !== px(x)) style.left = px(x);
    if (style.top !== px(y)) style.top = px(y);
    if (style.width !== px(width)) style.width = px(width);
    if (style.height !== px(height)) style.height = px(height);
    input.classList.toggle('light', !dark);
    // The app's text changed on its own (chips, Esc, back/forward): show it, unless the reader is typing.
    if (text !== overlay.shownText && document.activeElement !== input) input.value = text;
    overlay.shownText = text;
  },
  focusOverlay(id) {
    const input = overlayById(id).input;
    input.hidden = false;
    input.focus({ preventScroll: true });
    input.select();
  },
  hideOverlay(id) {
    const input = overlayById(id).input;
    if (document.activeElement === input) focusCanvas();
    input.hidden = true;
  },
};
