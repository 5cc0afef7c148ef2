// bridge.js - the one declared seam between the page and the wasm: every C++ → JS handler and every JS → C++ call.
//
// C++ → JS: src/platform/web_bridge_web.cpp has one EM_JS forwarder per handler, `Module.papertide<Name>(...)`
// with no guard, so a handler that is missing or renamed must fail at start-up here, not silently later.
// JS → C++: the EMSCRIPTEN_KEEPALIVE functions of src/platform/main_loop_web.cpp, called only through `cxx`.
// tests/web/bridge.test.mjs checks these lists against both C++ files.

// name → the parameters C++ passes (the handler must take exactly these). What a handler returns, C++ reads.
export const HANDLERS = Object.freeze({
  ready: [],                                   // the first frame with data is on screen
  fatal: ['message'],                          // start-up failed
  noGraphics: ['message'],                     // start-up failed: no WebGL 2 context for the canvas
  warn: ['message'],
  prefersDark: [],                             // → boolean: prefers-color-scheme is not light
  openUrl: ['url'],                            // already checked by C++ (core::isSafeHttpUrl)
  copyText: ['text'],
  setActions: ['json'],                        // the links and copy buttons on screen (ui::PointerAction)
  accessibleView: ['json'],                    // what the screen reader mirror shows
  placeOverlay: ['id', 'x', 'y', 'width', 'height', 'text', 'dark'],  // id: 'search', 'find' or 'article'
  focusOverlay: ['id'],
  hideOverlay: ['id'],
  writeHash: ['hash', 'push'],
  locationHash: [],                            // → string
  linkForHash: ['hash'],                       // → string: the page URL with this hash
  loadValue: ['key'],                          // → string, or null when nothing is stored
  saveValue: ['key', 'value'],
  saveFile: ['name', 'mime', 'bytes'],         // bytes: a Uint8Array; → true when the download started
  chooseFiles: [],                             // → true when the file chooser opened
  storeDigest: ['name', 'bytes'],              // keep a reader's digest (IndexedDB); bytes: UTF-8
  forgetDigest: ['name'],
  keptDigests: [],                             // → JSON [{name, text}]: the kept digests, in before corpusReady()
  whenCorpusReady: [],                         // call corpusReady() once the download has settled, kept digests in
  snapshotArrived: [],                         // → bytes of the corpus snapshot received so far (0: none)
  snapshotRead: ['offset', 'target'],          // copy snapshot bytes from offset into target (a wasm memory view)
  releaseSnapshotBefore: ['offset'],           // the app has read the bytes before offset
  abandonSnapshot: [],                         // stop the download (the app cannot use it); corpusReady() follows
  fetchBundledFiles: [],                       // fetch the digest files; answered later by bundledFile(s)Done
});

// name → [C function, return type, argument types] for Module.cwrap, plus 'text': a string passed as a
// NUL-terminated UTF-8 copy in malloc'ed memory. Every string argument is 'text': cwrap's 'string' copies onto the
// C stack (512 KiB, the link's -sTOTAL_STACK), which a file, a pasted text or a long link would overflow.
export const EXPORTS = Object.freeze({
  stateJson: ['papertide_state_json', 'string', []],
  applyState: ['papertide_apply_state', 'number', ['text']],
  openLink: ['papertide_open_link', 'number', ['text']],
  isSafeUrl: ['papertide_is_safe_url', 'number', ['text']],
  receiveFile: ['papertide_receive_file', null, ['text', 'text']],
  receiveArticleLines: ['papertide_receive_article_lines', null, ['text', 'text']],  // name, DOMParser lines JSON
  setArticleText: ['papertide_set_article_text', null, ['text', 'text']],              // text, lines JSON or ''
  setQuery: ['papertide_set_query', null, ['text']],
  setFind: ['papertide_set_find', null, ['text']],
  findStep: ['papertide_find_step', null, ['number']],
  findClose: ['papertide_find_close', null, []],
  applyLocationHash: ['papertide_apply_location_hash', null, ['text']],
  requestFrames: ['papertide_request_frames', null, []],
  wantsTextInput: ['papertide_wants_text_input', 'number', []],
  paste: ['papertide_paste', 'number', ['text']],
  bundledFile: ['papertide_bundled_file', null, ['text', 'text']],            // name, contents
  corpusReady: ['papertide_corpus_ready', null, []],                          // the corpus download has settled
  heapInUse: ['papertide_heap_in_use', 'number', []],                         // bytes malloc has handed out
  memoryBelowHeap: ['papertide_memory_below_heap', 'number', []],             // static data and C stack
  bundledFilesDone: ['papertide_bundled_files_done', null, ['text']],           // problem lines, '' when none
});

// The Module property an EM_JS forwarder calls for a handler: openUrl → papertideOpenUrl.
export function handlerProperty(name) {
  return 'papertide' + name[0].toUpperCase() + name.slice(1);
}

// Puts the handlers that the shell's modules provide (objects of name → function) on `module`, where the EM_JS
// forwarders find them. Returns what does not fit the declaration: one line each, empty when all is well.
export function installHandlers(module, providers) {
  const problems = [];
  const provided = new Map();
  for (const provider of providers) {
    for (const [name, handler] of Object.entries(provider)) {
      if (provided.has(name)) problems.push(`handler ${name} is provided twice`);
      provided.set(name, handler);
    }
  }
  for (const [name, params] of Object.entries(HANDLERS)) {
    const handler = provided.get(name);
    const signature = `${name}(${params.join(', ')})`;
    if (typeof handler !== 'function') problems.push(`missing handler ${signature}`);
    else if (handler.length !== params.length) problems.push(`handler ${name} takes ${handler.length} argument(s), declared: ${signature}`);
    else module[handlerProperty(name)] = handler;
  }
  for (const name of provided.keys()) {
    if (!Object.prototype.hasOwnProperty.call(HANDLERS, name)) problems.push(`handler ${name} is not declared in bridge.js`);
  }
  return problems;
}

// --- JS → C++ ---------------------------------------------------------------------------------------------
let bound = null;

// Binds every declared export once the runtime is initialised. Returns the missing ones (nothing is bound then).
export function connectExports(module) {
  const missing = Object.values(EXPORTS)
    .filter(([cName]) => typeof module['_' + cName] !== 'function')
    .map(([cName]) => `missing C++ function ${cName} (EMSCRIPTEN_KEEPALIVE in main_loop_web.cpp)`);
  if (missing.length) return missing;
  bound = {};
  for (const [name, [cName, returns, args]] of Object.entries(EXPORTS)) {
    const call = module.cwrap(cName, returns, args.map((type) => (type === 'text' ? 'number' : type)));
    bound[name] = args.includes('text') ? withTextCopies(module, call, args) : call;
  }
  return [];
}

// Wraps a cwrap'ed function so that its 'text' arguments are malloc'ed copies, freed after the call.
function withTextCopies(module, call, types) {
  const encoder = new TextEncoder();
  return (...values) => {
    const copies = [];
    try {
      return call(...values.map((value, i) => {
        if (types[i] !== 'text') return value;
        if (value === null || value === undefined) return 0;  // as cwrap's 'string' passes them
        const bytes = encoder.encode(String(value));
        const pointer = module._malloc(bytes.length + 1);
        if (!pointer) throw new Error('papertide: out of memory for a text of ' + bytes.length + ' bytes');
        copies.push(pointer);
        module.HEAPU8.set(bytes, pointer);  // HEAPU8 read after malloc, which may have grown the memory
        module.HEAPU8[pointer + bytes.length] = 0;
        return pointer;
      }));
    } finally {
      for (const pointer of copies) module._free(pointer);
    }
  };
}

// True once the C++ functions can be called (from the runtime's initialisation on).
export function isRunning() {
  return bound !== null;
}

// The C++ functions by their bridge names, e.g. cxx.setQuery(text). Before the runtime runs they throw.
export const cxx = Object.freeze(Object.fromEntries(Object.keys(EXPORTS).map((name) => [name, (...args) => {
  if (!bound) throw new Error('papertide is not ready yet: await window.papertide.ready');
  return bound[name](...args);
}])));

// The one URL-safety rule of the page is the app's own (core::isSafeHttpUrl): links the page opens or shows
// itself (in-gesture opens, the screen-reader mirror) are asked of it. False before the runtime runs.
export function isSafeHttpUrl(url) {
  return isRunning() && cxx.isSafeUrl(String(url)) === 1;
}
