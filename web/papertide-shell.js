// papertide-shell.js - loads papertide.js/.wasm/.data into #canvas and exposes window.papertide:
//   ready       Promise, resolved once the first frame with the corpus loaded is on screen
//   state()     the app state as an object (Application::stateJson, incl. framesRendered)
//   setState(p) applies a partial state object; true when accepted
//   openLink(u) opens an http(s) link in a new tab; false (nothing opened) for any other scheme
// Also: loading indicator, bilingual error messages, URL hash <-> app, canvas resizing (HiDPI by SDL).
// Every URL is relative, so the site works under any sub-path (e.g. /papertide/).
(function () {
  'use strict';

  const canvas = document.getElementById('canvas');
  const overlay = document.getElementById('overlay');
  const statusEl = document.getElementById('status');
  const progressEl = document.getElementById('progress');
  const errorEl = document.getElementById('error');
  const spinner = document.getElementById('spinner');

  let runtimeReady = false;
  let failed = false;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // failures are shown on the page; awaiting callers still see the rejection

  function showError(english, chinese, detail) {
    if (failed) return;
    failed = true;
    overlay.hidden = false;
    spinner.hidden = true;
    statusEl.hidden = true;
    progressEl.hidden = true;
    errorEl.hidden = false;
    errorEl.replaceChildren();
    const h1 = document.createElement('h1');
    h1.textContent = english;
    const zh = document.createElement('p');
    zh.textContent = chinese;
    errorEl.append(h1, zh);
    if (detail) {
      const pre = document.createElement('pre');
      pre.textContent = String(detail);
      errorEl.append(pre);
    }
    rejectReady(new Error(english + (detail ? ': ' + detail : '')));
  }

  function call(name, returnType, argTypes, args) {
    if (!runtimeReady) throw new Error('papertide is not ready yet: await window.papertide.ready');
    return Module.ccall(name, returnType, argTypes, args);
  }

  window.papertide = {
    ready,
    state() { return JSON.parse(call('papertide_state_json', 'string', [], [])); },
    setState(partial) {
      return call('papertide_apply_state', 'number', ['string'], [JSON.stringify(partial || {})]) === 1;
    },
    openLink(url) { return call('papertide_open_link', 'number', ['string'], [String(url)]) === 1; },
  };

  // --- what the browser must offer ------------------------------------------------------------------
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showError('This browser cannot run WebAssembly, which Papertide needs.',
              '此浏览器不支持 WebAssembly，无法运行论文潮。请使用较新的 Chrome、Firefox、Safari 或 Edge。');
    return;
  }
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    showError('WebGL 2 is not available in this browser, so Papertide cannot draw.',
              '此浏览器不支持 WebGL 2（或已被禁用），论文潮无法显示。请启用硬件加速或换用较新的浏览器。');
    return;
  }
  const lose = probe.getExtension('WEBGL_lose_context');
  if (lose) lose.loseContext();

  // --- the Emscripten module ------------------------------------------------------------------------
  window.Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus(text) {
      if (failed || !text) return;
      const m = /\((\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)\)/.exec(text);
      if (m) {
        progressEl.hidden = false;
        progressEl.max = Number(m[2]);
        progressEl.value = Number(m[1]);
      }
      statusEl.textContent = 'Loading Papertide… · 正在加载论文潮…';
    },
    monitorRunDependencies() {},
    onRuntimeInitialized() { runtimeReady = true; },
    onAbort(what) {
      showError('Papertide stopped because of an error.', '论文潮因错误而停止，请刷新页面重试。', what);
    },
    // Called from C++ (src/platform/web_bridge_web.cpp).
    papertideOnReady() {
      overlay.hidden = true;
      canvas.focus({ preventScroll: true });
      resolveReady();
    },
    papertideOnFatal(message) {
      showError('Papertide could not start.', '论文潮无法启动。', message);
    },
    papertideLastHash: location.hash,
  };

  window.addEventListener('error', (event) => {
    if (!overlay.hidden) showError('Papertide failed to load.', '论文潮加载失败，请检查网络后刷新页面。', event.message);
  });
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    showError('The graphics context was lost. Please reload the page.', '图形上下文已丢失，请刷新页面。');
  });

  // SDL cancels mousedown's default action, so give the canvas keyboard focus explicitly.
  canvas.addEventListener('pointerdown', () => canvas.focus({ preventScroll: true }), true);

  // --- the search field: a real <input> over the ImGui search box -----------------------------------
  // A canvas cannot host an input method: Chinese IMEs, paste, dictation and phone keyboards need a text
  // field. The app tells us where its search box is each frame it draws; the text flows back through
  // papertide_set_query. Keys typed here never reach SDL (it only listens on #canvas).
  const search = document.getElementById('search');
  let searchShownText = null;
  function sendQuery() {
    if (runtimeReady) call('papertide_set_query', null, ['string'], [search.value]);
  }
  search.addEventListener('input', (event) => {
    if (event.isComposing) return;  // wait for the IME to commit the characters
    sendQuery();
  });
  search.addEventListener('compositionend', sendQuery);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (search.value) { search.value = ''; sendQuery(); } else canvas.focus({ preventScroll: true });
    } else if (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'Tab') {
      event.preventDefault();
      canvas.focus({ preventScroll: true });  // on to the results (arrows, j/k, Enter)
    }
  });
  Module.papertidePlaceSearch = (x, y, width, height, text, dark) => {
    search.hidden = false;
    const style = search.style;
    const px = (v) => Math.round(v) + 'px';
    if (style.left !== px(x)) style.left = px(x);
    if (style.top !== px(y)) style.top = px(y);
    if (style.width !== px(width)) style.width = px(width);
    if (style.height !== px(height)) style.height = px(height);
    search.classList.toggle('light', !dark);
    // The app's query changed on its own (chips, Esc, back/forward): show it, unless the reader is typing.
    if (text !== searchShownText && document.activeElement !== search) search.value = text;
    searchShownText = text;
  };
  Module.papertideFocusSearch = () => { search.hidden = false; search.focus({ preventScroll: true }); search.select(); };
  Module.papertideHideSearch = () => { if (document.activeElement === search) canvas.focus({ preventScroll: true }); search.hidden = true; };
  if (window.matchMedia) {
    matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => {
      if (runtimeReady) call('papertide_request_frames', null, [], []);
    });
  }

  // --- URL hash: back/forward and edited links reach the app (its own writes are ignored) ------------
  function applyHash() {
    const hash = location.hash;
    if (hash === Module.papertideLastHash) return;
    Module.papertideLastHash = hash;
    if (runtimeReady) call('papertide_apply_location_hash', null, ['string'], [hash]);
  }
  window.addEventListener('hashchange', applyHash);
  window.addEventListener('popstate', applyHash);

  // --- size: SDL resizes the canvas on window 'resize'; forward container and pixel-ratio changes ----
  function forwardResize() { window.dispatchEvent(new Event('resize')); }
  if (typeof ResizeObserver === 'function') new ResizeObserver(forwardResize).observe(canvas.parentElement);
  (function watchPixelRatio() {
    const query = matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
    query.addEventListener('change', () => { forwardResize(); watchPixelRatio(); }, { once: true });
  })();

  // --- load ------------------------------------------------------------------------------------------
  const script = document.createElement('script');
  script.src = 'papertide.js';
  script.async = true;
  script.onerror = () => showError('Could not download papertide.js.', '无法下载 papertide.js，请检查网络后刷新页面。');
  document.body.appendChild(script);
})();
