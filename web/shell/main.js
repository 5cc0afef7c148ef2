// main.js - Papertide's web shell: checks the browser, wires the modules to the wasm through the bridge, loads
// papertide.js/.wasm/.data into #canvas and publishes window.papertide. The modules, by concern:
//   bridge.js           the declared C++ ↔ JS entry points (the only way between the two) and the URL rule
//   page.js             loading overlay, error panel, window.papertide, canvas size, colour scheme
//   overlays.js         the <input>s over the app's search and find boxes
//   keyboard.js         which shortcuts the canvas keeps; paste
//   pointer-actions.js  in-gesture opens and copies, and the app's own open / copy requests
//   a11y.js             the screen-reader mirror of what the canvas shows
//   gl-state.js         WebGL's blend and scissor queries answered on the page (no GPU round trips per frame)
//   history.js          the URL hash
//   storage.js          localStorage values and the reader's digests in IndexedDB
//   files.js            file chooser, drag-and-drop, downloads
//   corpus.js           the corpus snapshot fetched beside the wasm; the digest files when the app asks
//   service-worker.js   offline use and the "new version" notice
// The build (scripts/ship-web.py shell) concatenates them into one classic script, papertide-shell.js, for the
// site and for the single file (papertide.html), where papertide.js follows it inline and the wasm and the data
// are base64 text in two non-executed script elements (#papertide-wasm, #papertide-data). Every URL is
// relative, so the site works under any sub-path (e.g. /papertide/).
import * as a11y from './a11y.js';
import * as glState from './gl-state.js';
import { connectExports, installHandlers } from './bridge.js';
import * as corpus from './corpus.js';
import * as files from './files.js';
import * as urlHistory from './history.js';
import * as keyboard from './keyboard.js';
import * as overlays from './overlays.js';
import * as page from './page.js';
import * as pointerActions from './pointer-actions.js';
import { registerServiceWorker } from './service-worker.js';
import * as storage from './storage.js';

// Single file: papertide.js runs right after this script whatever happens here; this Module makes it stop
// quietly (its wasm never instantiates) when the page cannot run the app.
function stopEmbedded() {
  if (page.embedded) window.Module = { instantiateWasm() { return {}; }, noInitialRun: true, onAbort() {} };
}

// What the page can tell before the app starts: a function that shows the problem, or null.
function browserProblem() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    return () => page.showError('This browser cannot run WebAssembly, which Papertide needs.',
                                '此浏览器不支持 WebAssembly，无法运行论文潮。请使用较新的 Chrome、Firefox、Safari 或 Edge。',
                                '', '#unsupported');
  }
  // Only whether the API exists: the context itself is SDL's, made in main(). Making it here (as until session
  // 12) blocked the main thread for 100-200 ms of GPU start-up, which the wasm's compile and papertide.js then
  // waited for (docs/BENCHMARKS.md). A browser that has the API but refuses a context (a blocklisted GPU,
  // hardware acceleration off) is told so by the app (page.js noGraphics), with the same message.
  if (typeof WebGL2RenderingContext !== 'function') return () => page.showNoWebGL2();
  return null;
}

// The site's wasm compiles from the moment the shell runs, beside the page's own set-up (the handlers,
// papertide.js's evaluation) instead of after it; Emscripten then instantiates it through
// Module.instantiateWasm. (The single file carries its wasm inline, as Module.wasmBinary.)
function compileWasmEarly() {
  const file = () => fetch('papertide.wasm', { credentials: 'same-origin' });
  const compiled = WebAssembly.compileStreaming(file())
    .catch(() => file().then((response) => {  // e.g. a host that serves .wasm without its MIME type
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.arrayBuffer();
    }).then((bytes) => WebAssembly.compile(bytes)));
  compiled.catch(() => {});  // reported when the app asks for it (below), not as an unhandled rejection
  return (imports, receiveInstance) => {
    compiled.then((module) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)))
      .catch((e) => page.showError('Could not load papertide.wasm.', '无法加载论文潮的程序文件 papertide.wasm，请检查网络后刷新页面。',
                                   String((e && e.message) || e)));
    return {};  // the exports arrive through receiveInstance
  };
}

function showSeamProblems(problems) {
  page.showError('Papertide could not start: the page and the app do not fit together.',
                 '论文潮无法启动：页面与程序版本不一致，请刷新页面。', problems.join('\n'));
}

function start() {
  page.publishPageApi({ snapshotProgress: corpus.snapshotProgress });
  const instantiateWasm = !page.embedded && typeof WebAssembly === 'object' &&
    typeof WebAssembly.compileStreaming === 'function' ? compileWasmEarly() : null;
  const problem = browserProblem();
  if (problem) {
    problem();
    stopEmbedded();
    return;
  }
  const Module = {
    ...(instantiateWasm ? { instantiateWasm } : {}),
    canvas: document.getElementById('canvas'),
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    setStatus: page.showStatus,
    monitorRunDependencies() {},
    onRuntimeInitialized() {
      const missing = connectExports(Module);
      if (missing.length) {
        showSeamProblems(missing);
        throw new Error('papertide: ' + missing.join('; '));  // main() must not run
      }
    },
    onAbort(what) {
      page.showError('Papertide stopped because of an error.', '论文潮因错误而停止，请刷新页面重试。', what);
    },
  };
  const problems = installHandlers(Module, [page.handlers, urlHistory.handlers, storage.handlers, overlays.handlers,
                                            pointerActions.handlers, a11y.handlers, files.handlers, corpus.handlers]);
  if (problems.length) {
    showSeamProblems(problems);
    stopEmbedded();
    return;
  }
  glState.install();  // before SDL makes the context in main()
  window.Module = Module;
  // The corpus and the reader's kept digests (IndexedDB: in a fresh profile opening it takes longer than the wasm's
  // compile) arrive beside the wasm; the app sets up its window and fonts meanwhile and takes both together
  // (corpus.js whenCorpusReady), so main() waits for neither.
  corpus.startCorpusDownload(storage.readKeptDigests());

  page.watchPage();
  overlays.setUpOverlays();
  keyboard.setUpKeyboard();
  pointerActions.setUpPointerActions();
  files.setUpFiles();
  urlHistory.watchHash();
  if (!page.embedded) page.ready.then(registerServiceWorker, () => {});

  if (page.embedded) {
    Module.wasmBinary = page.decodeBase64(page.embeddedWasm.textContent);
    const data = page.decodeBase64(page.embeddedData.textContent).buffer;
    Module.getPreloadedPackage = () => data;
    return;  // papertide.js is the next script of the page
  }
  const script = document.createElement('script');
  script.src = 'papertide.js';
  script.async = true;
  script.onerror = () => page.showError('Could not download papertide.js.', '无法下载 papertide.js，请检查网络后刷新页面。');
  document.body.appendChild(script);
}

start();
