// keyboard.js - keys and paste on the canvas: which browser shortcuts the app keeps, and the clipboard's text.
//
// SDL cancels every Ctrl+key and F-key press on the canvas (and Tab, arrows, Alt+arrows). The app only uses
// Ctrl/Cmd+F (find) and F3, plus the editing keys while an ImGui text field is being edited; every other browser
// shortcut (Ctrl+L, Ctrl+T, Alt+Left, F5, Tab to leave the canvas...) is given back to the browser by making SDL's
// preventDefault() a no-op for that one event. Ctrl/Cmd+V is always left to the browser: its 'paste' event
// brings the clipboard's text.
import { cxx, isRunning } from './bridge.js';
import { focusCanvas } from './page.js';

const editingKeys = new Set(['a', 'c', 'x', 'z', 'y', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Backspace',
                             'Delete', 'Home', 'End', 'Enter']);

export function setUpKeyboard() {
  const canvas = document.getElementById('canvas');
  // SDL cancels mousedown's default action, so give the canvas keyboard focus explicitly.
  canvas.addEventListener('pointerdown', focusCanvas, true);

  window.addEventListener('keydown', (event) => {
    if (event.target !== canvas || !isRunning()) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (mod && !event.altKey && key === 'f') { event.preventDefault(); return; }  // the app opens its find bar
    if (key === 'F3') return;                                                      // next match
    const fKey = /^F\d+$/.test(key);
    let appKey;
    if (cxx.wantsTextInput() === 1) {  // editing an ImGui text field
      appKey = mod ? !event.altKey && editingKeys.has(key) : key === 'Tab' || (!event.altKey && !fKey);
    } else {
      appKey = !mod && !event.altKey && key !== 'Tab' && !fKey;
    }
    if (appKey) return;
    event.preventDefault = () => {};
  }, true);

  document.addEventListener('paste', (event) => {
    if (document.activeElement !== canvas || !isRunning() || !event.clipboardData) return;
    const text = event.clipboardData.getData('text/plain');
    if (text && cxx.paste(text) === 1) event.preventDefault();
  });
}
