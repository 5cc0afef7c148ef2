// history.js - the URL hash: the app's view state written to history, and back/forward or an edited link read back.
import { cxx, isRunning } from './bridge.js';

// The hash the app wrote or last saw: the hashchange / popstate its own writes cause are not echoed back to it.
let lastHash = location.hash;

export const handlers = {
  writeHash(hash, push) {
    let h = hash;
    if (h && h[0] !== '#') h = '#' + h;
    lastHash = h;
    const url = h && h !== '#' ? h : location.pathname + location.search;
    try {
      if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
    } catch (e) {
      console.warn('papertide: cannot update the URL:', e && e.message);
    }
  },
  locationHash() {
    return location.hash || '';
  },
  linkForHash(hash) {
    return location.origin + location.pathname + location.search + hash;
  },
};

export function watchHash() {
  function applyHash() {
    const hash = location.hash;
    if (hash === lastHash) return;
    lastHash = hash;
    if (isRunning()) cxx.applyLocationHash(hash);
  }
  window.addEventListener('hashchange', applyHash);
  window.addEventListener('popstate', applyHash);
}
