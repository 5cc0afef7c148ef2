// papertide-shell.js - loads papertide.js/.wasm/.data into #canvas and exposes window.papertide:
//   ready       Promise, resolved once the first frame with the corpus loaded is on screen
//   state()     the app state as an object (Application::stateJson, incl. framesRendered)
//   setState(p) applies a partial state object; true when accepted
//   openLink(u) opens an http(s) link in a new tab; false (nothing opened) for any other scheme
// Also: loading indicator, bilingual error messages (with a link to papers.html, the plain-HTML corpus),
// URL hash <-> app, canvas resizing (HiDPI by SDL), and offline use: registers sw.js once the app is ready
// and shows a "new version available" notice when a newer deployment has been cached.
// Every URL is relative, so the site works under any sub-path (e.g. /papertide/).
// In the single-file build (papertide.html, made by scripts/ship-web.py) papertide.js follows this script
// inline, and the wasm and the data package are base64 text in two non-executed script elements
// (#papertide-wasm, #papertide-data, type application/octet-stream).
(function () {
  'use strict';

  const canvas = document.getElementById('canvas');
  const overlay = document.getElementById('overlay');
  const statusEl = document.getElementById('status');
  const progressEl = document.getElementById('progress');
  const errorEl = document.getElementById('error');
  const spinner = document.getElementById('spinner');
  const embeddedWasm = document.getElementById('papertide-wasm');
  const embeddedData = document.getElementById('papertide-data');
  const embedded = Boolean(embeddedWasm && embeddedData);

  let runtimeReady = false;
  let failed = false;
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // failures are shown on the page; awaiting callers still see the rejection

  // `fallback`: the papers.html link's fragment ('#unsupported' shows a note there that the browser lacks
  // what the app needs). The single file has no papers.html beside it, so no link there.
  function showError(english, chinese, detail, fallback = '') {
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
    if (!embedded) {
      const p = document.createElement('p');
      p.className = 'fallback';
      const a = document.createElement('a');
      a.href = 'papers.html' + fallback;
      a.textContent = 'Read every digest and paper as plain HTML · 阅读全部摘要和论文（纯 HTML）';
      p.append(a);
      errorEl.append(p);
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

  // Single file: papertide.js runs right after this script whatever happens here; this Module makes it
  // stop quietly (its wasm never instantiates) when the browser cannot run the app.
  function stopEmbedded() {
    if (embedded) window.Module = { instantiateWasm() { return {}; }, noInitialRun: true, onAbort() {} };
  }

  // --- what the browser must offer ------------------------------------------------------------------
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showError('This browser cannot run WebAssembly, which Papertide needs.',
              '此浏览器不支持 WebAssembly，无法运行论文潮。请使用较新的 Chrome、Firefox、Safari 或 Edge。',
              '', '#unsupported');
    stopEmbedded();
    return;
  }
  const probe = document.createElement('canvas').getContext('webgl2');
  if (!probe) {
    showError('WebGL 2 is not available in this browser, so Papertide cannot draw.',
              '此浏览器不支持 WebGL 2（或已被禁用），论文潮无法显示。请启用硬件加速或换用较新的浏览器。',
              '', '#unsupported');
    stopEmbedded();
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

  // --- the reader's own digest files: chooser, drag-and-drop, kept in IndexedDB ---------------------------
  // Files are read here and handed to the app as text; the app validates them and refuses bad ones with
  // located messages. Valid digests are kept in IndexedDB so they survive reloads and going offline.
  const DB_NAME = 'papertide', STORE = 'user-digests';
  function openDb() {
    return new Promise((resolve, reject) => {
      if (!window.indexedDB) { reject(new Error('IndexedDB unavailable')); return; }
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'name' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  function withStore(mode, action) {
    return openDb().then((db) => new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = action(tx.objectStore(STORE));
      tx.oncomplete = () => { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
      tx.onerror = () => { db.close(); reject(tx.error); };
    }));
  }
  Module.papertideStoreDigest = (name, text) => {
    withStore('readwrite', (store) => store.put({ name, text, added: Date.now() }))
      .catch((e) => console.warn('papertide: cannot keep the digest ' + name + ':', e && e.message));
  };
  Module.papertideForgetDigest = (name) => {
    withStore('readwrite', (store) => store.delete(name))
      .catch((e) => console.warn('papertide: cannot forget the digest ' + name + ':', e && e.message));
  };
  // Start-up waits for the kept digests (main() hands them to the app right after the bundled corpus).
  Module.preRun = [() => {
    Module.addRunDependency('papertide-user-digests');
    withStore('readonly', (store) => store.getAll())
      .then((files) => {
        Module.papertideRestoredDigests = (files || []).filter((f) => f && typeof f.name === 'string' && typeof f.text === 'string');
      })
      .catch((e) => console.warn('papertide: kept digests unavailable:', e && e.message))
      .finally(() => Module.removeRunDependency('papertide-user-digests'));
  }];

  function receiveFiles(fileList) {
    for (const file of Array.from(fileList || [])) {
      if (file.size > 64 * 1024 * 1024) { console.warn('papertide: ' + file.name + ' is larger than 64 MiB; not read'); continue; }
      file.text().then((text) => {
        if (runtimeReady) call('papertide_receive_file', null, ['string', 'string'], [file.name, text]);
      }).catch((e) => console.warn('papertide: cannot read ' + file.name + ':', e && e.message));
    }
  }
  const picker = document.getElementById('file-picker');
  picker.addEventListener('change', () => { receiveFiles(picker.files); picker.value = ''; });
  Module.papertideChooseFiles = () => picker.click();
  const app = document.getElementById('app');
  app.addEventListener('dragover', (event) => {
    if (event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      app.classList.add('dropping');
    }
  });
  app.addEventListener('dragleave', () => app.classList.remove('dropping'));
  app.addEventListener('drop', (event) => {
    app.classList.remove('dropping');
    if (!event.dataTransfer || !event.dataTransfer.files.length) return;
    event.preventDefault();
    receiveFiles(event.dataTransfer.files);
  });

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

  // --- offline: the service worker and the "new version" notice ---------------------------------------
  // sw.js precaches one version of every file (one cache per version) and serves the page from it. A newer
  // deployment is installed in the background into its own cache and waits; it takes over when the reader
  // clicks "Reload" here, or by itself once no page of the old version is open. So a page never mixes files
  // of two versions.
  const updateEl = document.getElementById('update');
  function registerServiceWorker() {
    if (embedded || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    const container = navigator.serviceWorker;
    let reloadRequested = false;
    let waitingWorker = null;
    function offer(worker) {
      if (!worker || !container.controller) return;  // the first install: nothing to replace
      waitingWorker = worker;
      if (updateEl) updateEl.hidden = false;
    }
    function watch(worker) {
      if (!worker) return;
      if (worker.state === 'installed') offer(worker);
      else worker.addEventListener('statechange', () => { if (worker.state === 'installed') offer(worker); });
    }
    if (updateEl) {
      updateEl.querySelector('button').addEventListener('click', () => {
        reloadRequested = true;
        if (waitingWorker && waitingWorker.state === 'installed') waitingWorker.postMessage({ type: 'papertide-activate' });
        else location.reload();  // already active (another tab chose to reload)
      });
    }
    container.addEventListener('controllerchange', () => {
      if (reloadRequested) location.reload();
      else if (waitingWorker) offer(waitingWorker);  // activated from another tab: this page is still old
    });
    container.register('sw.js').then((registration) => {
      watch(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      // Navigations check for a new sw.js anyway; this also covers a page restored from the back/forward cache.
      if (container.controller && navigator.onLine) registration.update().catch(() => {});
      // A tab left open for long: look again when it is shown (at most hourly).
      let checked = Date.now();
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState !== 'visible' || !navigator.onLine || Date.now() - checked < 3600e3) return;
        checked = Date.now();
        registration.update().catch(() => {});
      });
    }).catch((error) => console.warn('Papertide: offline use is not available:', error && error.message));
  }
  ready.then(registerServiceWorker, () => {});

  // --- load ------------------------------------------------------------------------------------------
  function decodeBase64(element) {
    const text = atob(element.textContent.replace(/\s+/g, ''));
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }
  if (embedded) {
    Module.wasmBinary = decodeBase64(embeddedWasm);
    const data = decodeBase64(embeddedData).buffer;
    Module.getPreloadedPackage = () => data;
    return;  // papertide.js is the next script of the page
  }
  const script = document.createElement('script');
  script.src = 'papertide.js';
  script.async = true;
  script.onerror = () => showError('Could not download papertide.js.', '无法下载 papertide.js，请检查网络后刷新页面。');
  document.body.appendChild(script);
})();
