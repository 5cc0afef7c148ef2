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
  // Puts an overlay <input> exactly over the ImGui frame drawn for it (ImGui coordinates = CSS px of the canvas).
  function placeOverlay(input, x, y, width, height, dark) {
    input.hidden = false;
    const style = input.style;
    const px = (v) => Math.round(v) + 'px';
    if (style.left !== px(x)) style.left = px(x);
    if (style.top !== px(y)) style.top = px(y);
    if (style.width !== px(width)) style.width = px(width);
    if (style.height !== px(height)) style.height = px(height);
    input.classList.toggle('light', !dark);
  }
  Module.papertidePlaceSearch = (x, y, width, height, text, dark) => {
    placeOverlay(search, x, y, width, height, dark);
    // The app's query changed on its own (chips, Esc, back/forward): show it, unless the reader is typing.
    if (text !== searchShownText && document.activeElement !== search) search.value = text;
    searchShownText = text;
  };
  Module.papertideFocusSearch = () => { search.hidden = false; search.focus({ preventScroll: true }); search.select(); };
  Module.papertideHideSearch = () => { if (document.activeElement === search) canvas.focus({ preventScroll: true }); search.hidden = true; };

  // --- find in the open paper (Ctrl+F / Cmd+F on the canvas): a second overlay <input>, for the same reasons ---
  const find = document.getElementById('find');
  let findShownText = null;
  function sendFind() {
    if (runtimeReady) call('papertide_set_find', null, ['string'], [find.value]);
  }
  find.addEventListener('input', (event) => {
    if (event.isComposing) return;
    sendFind();
  });
  find.addEventListener('compositionend', sendFind);
  find.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'Enter' || event.key === 'F3' || (mod && event.key.toLowerCase() === 'g')) {
      event.preventDefault();
      sendFind();
      call('papertide_find_step', null, ['number'], [event.shiftKey ? -1 : 1]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      call('papertide_find_close', null, [], []);
      canvas.focus({ preventScroll: true });
    } else if (mod && event.key.toLowerCase() === 'f') {
      event.preventDefault();  // already finding: select the text for a new search
      find.select();
    }
  });
  Module.papertidePlaceFind = (x, y, width, height, text, dark) => {
    placeOverlay(find, x, y, width, height, dark);
    if (text !== findShownText && document.activeElement !== find) find.value = text;
    findShownText = text;
  };
  Module.papertideFocusFind = () => { find.hidden = false; find.focus({ preventScroll: true }); find.select(); };
  Module.papertideHideFind = () => { if (document.activeElement === find) canvas.focus({ preventScroll: true }); find.hidden = true; };

  // --- keys on the canvas: which shortcuts the app keeps ------------------------------------------------
  // SDL cancels every Ctrl+key and F-key press on the canvas (and Tab, arrows, Alt+arrows). The app only uses
  // Ctrl/Cmd+F (find) and F3, plus the editing keys while an ImGui text field is being edited; every other
  // browser shortcut (Ctrl+L, Ctrl+T, Alt+Left, F5, Tab to leave the canvas...) is given back to the browser by
  // making SDL's preventDefault() a no-op for that one event. Ctrl/Cmd+V is always left to the browser: its
  // 'paste' event below brings the clipboard's text.
  const editingKeys = new Set(['a', 'c', 'x', 'z', 'y', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Backspace',
                               'Delete', 'Home', 'End', 'Enter']);
  window.addEventListener('keydown', (event) => {
    if (event.target !== canvas || !runtimeReady) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (mod && !event.altKey && key === 'f') { event.preventDefault(); return; }  // the app opens its find bar
    if (key === 'F3') return;                                                      // next match
    const fKey = /^F\d+$/.test(key);
    let appKey;
    if (call('papertide_wants_text_input', 'number', [], []) === 1) {  // editing an ImGui text field
      appKey = mod ? !event.altKey && editingKeys.has(key) : key === 'Tab' || (!event.altKey && !fKey);
    } else {
      appKey = !mod && !event.altKey && key !== 'Tab' && !fKey;
    }
    if (appKey) return;
    event.preventDefault = () => {};
  }, true);
  document.addEventListener('paste', (event) => {
    if (document.activeElement !== canvas || !runtimeReady || !event.clipboardData) return;
    const text = event.clipboardData.getData('text/plain');
    if (text && call('papertide_paste', 'number', ['string'], [text]) === 1) event.preventDefault();
  });

  // --- links and copy buttons: acted on inside the pointer event itself ----------------------------------
  // Pop-up blockers and clipboard rules (Safari, Firefox) accept window.open / clipboard.writeText only during a
  // user gesture, but the app sees a click one animation frame later. So the app lists where its links and copy
  // buttons are (after every frame that moved them) and the click is performed here, on pointerup, when it
  // pressed and released on the same one: a tap too (touch: at most 10 px of movement, shorter than a long press).
  // The app's own openUrl / copyToClipboard of the same thing that follows is dropped (web_bridge_web.cpp).
  // Middle-click and Ctrl/Cmd-click call the same window.open: Chromium then opens a background tab, because it
  // takes the disposition from the modifiers of the input event being handled.
  let actions = [];
  Module.papertideSetActions = (json) => {
    try { actions = JSON.parse(json); } catch (e) { actions = []; }
  };
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
  function isHttp(url) {
    try { return /^https?:$/.test(new URL(url).protocol); } catch (e) { return false; }
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
    if (action.kind === 'open' && isHttp(action.payload)) {
      Module.papertideGestureOpened = { url: action.payload, time: performance.now() };
      window.open(action.payload, '_blank', 'noopener,noreferrer');
    } else if (action.kind === 'copy' && event.button === 0 && navigator.clipboard && navigator.clipboard.writeText) {
      Module.papertideGestureCopied = { text: action.payload, time: performance.now() };
      navigator.clipboard.writeText(action.payload).catch((e) => console.warn('papertide: copy failed:', e && e.message));
    }
  });

  // --- screen readers: the papers on screen and the open paper, mirrored as HTML -----------------------------
  // The canvas is opaque to assistive technology, so the app sends (when they change, not every frame) the rows
  // on screen and the open card; they become headings, lists, paragraphs and real links in #a11y, an off-screen
  // live region (it becomes visible when a keyboard user tabs into it). Updates are batched for 150 ms so that
  // scrolling does not flood the screen reader.
  const a11y = document.getElementById('a11y');
  let a11yPending = null, a11yTimer = 0, a11yRowsKey = '', a11yCardKey = '';
  function el(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    return node;
  }
  function renderA11y() {
    a11yTimer = 0;
    const view = a11yPending;
    if (!view || !a11y) return;
    const rowsKey = JSON.stringify([view.count, view.first, view.rows]);
    if (rowsKey !== a11yRowsKey) {
      a11yRowsKey = rowsKey;
      const section = document.getElementById('a11y-rows');
      const items = el('ul');
      for (const row of view.rows) {
        const li = el('li');
        const a = el('a', row.title, { href: row.href });
        if (row.selected) a.setAttribute('aria-current', 'true');
        li.append(a, ' — ' + row.meta);
        items.append(li);
      }
      const from = view.rows.length ? view.first + 1 : 0;
      section.replaceChildren(
        el('h2', `${view.label}: ${view.count}` + (view.rows.length ? ` (${from}–${from + view.rows.length - 1})` : '')),
        items);
    }
    const cardKey = JSON.stringify(view.card);
    if (cardKey !== a11yCardKey) {
      a11yCardKey = cardKey;
      const article = document.getElementById('a11y-card');
      const card = view.card;
      if (!card) {
        article.replaceChildren();
        article.hidden = true;
      } else {
        const parts = [el('h2', card.title)];
        if (card.authors.length) parts.push(el('p', card.authors.join(', ')));
        if (card.topics.length) parts.push(el('p', card.topics.join(' · ')));
        if (card.links.length) {
          const links = el('ul');
          for (const link of card.links) {
            if (!isHttp(link.url)) continue;
            const li = el('li');
            li.append(el('a', link.name + ': ' + link.url, { href: link.url, rel: 'noopener noreferrer', target: '_blank' }));
            links.append(li);
          }
          parts.push(links);
        }
        for (const appearance of card.appearances) {
          parts.push(el('h3', appearance.digest));
          for (const block of appearance.texts) {
            if (block.label) parts.push(el('h4', block.label));
            parts.push(el('p', block.text));
          }
        }
        article.replaceChildren(...parts);
        article.hidden = false;
      }
    }
  }
  Module.papertideAccessibleView = (json) => {
    try { a11yPending = JSON.parse(json); } catch (e) { return; }
    if (!a11yTimer) a11yTimer = setTimeout(renderA11y, 150);
  };

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
