// Every call from C++ into the page's JavaScript, in one place (see web_bridge.h).
#include "web_bridge.h"

#include <emscripten.h>

// clang-format off
EM_JS(void, papertide_js_open_url, (const char* url), {
    const href = UTF8ToString(url);
    // The UI only offers checked links; refuse anything else here too (javascript:, data:, file:, ...).
    let scheme = '';
    try { scheme = new URL(href).protocol; } catch (e) { scheme = ''; }
    if (scheme !== 'http:' && scheme !== 'https:') {
        console.warn('papertide: refused to open a non-http(s) link');
        return;
    }
    // The page already opened this link inside the click itself (web/papertide-shell.js): once is enough.
    const done = Module.papertideGestureOpened;
    if (done && done.url === href && performance.now() - done.time < 3000) {
        Module.papertideGestureOpened = null;
        return;
    }
    window.open(href, '_blank', 'noopener,noreferrer');
});

// The links and copy buttons on screen; the shell performs a click on one of them during the pointer event.
EM_JS(void, papertide_js_set_actions, (const char* json), {
    if (Module.papertideSetActions) Module.papertideSetActions(UTF8ToString(json));
});

EM_JS(void, papertide_js_accessible_view, (const char* json), {
    if (Module.papertideAccessibleView) Module.papertideAccessibleView(UTF8ToString(json));
});

// The paper card's find field: a second real <input> (IME, paste, phone keyboards), like the search field.
EM_JS(void, papertide_js_place_find, (float x, float y, float width, float height, const char* text, int dark), {
    if (Module.papertidePlaceFind) Module.papertidePlaceFind(x, y, width, height, UTF8ToString(text), dark !== 0);
});

EM_JS(void, papertide_js_focus_find, (), {
    if (Module.papertideFocusFind) Module.papertideFocusFind();
});

EM_JS(void, papertide_js_hide_find, (), {
    if (Module.papertideHideFind) Module.papertideHideFind();
});

// The real <input> over the ImGui search box (web/papertide-shell.js owns the element).
EM_JS(void, papertide_js_place_search, (float x, float y, float width, float height, const char* text, int dark), {
    if (Module.papertidePlaceSearch) Module.papertidePlaceSearch(x, y, width, height, UTF8ToString(text), dark !== 0);
});

EM_JS(void, papertide_js_focus_search, (), {
    if (Module.papertideFocusSearch) Module.papertideFocusSearch();
});

EM_JS(void, papertide_js_hide_search, (), {
    if (Module.papertideHideSearch) Module.papertideHideSearch();
});

EM_JS(int, papertide_js_prefers_dark, (), {
    return (window.matchMedia && matchMedia('(prefers-color-scheme: light)').matches) ? 0 : 1;
});

EM_JS(char*, papertide_js_link_for_hash, (const char* hash), {
    const link = location.origin + location.pathname + location.search + UTF8ToString(hash);
    const n = lengthBytesUTF8(link) + 1;
    const p = _malloc(n);
    stringToUTF8(link, p, n);
    return p;
});

EM_JS(void, papertide_js_copy_text, (const char* text), {
    const value = UTF8ToString(text);
    // Already copied by the shell inside the click (a user gesture, which some browsers require): skip.
    const done = Module.papertideGestureCopied;
    if (done && done.text === value && performance.now() - done.time < 3000) {
        Module.papertideGestureCopied = null;
        return;
    }
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
        console.warn('papertide: clipboard API unavailable');
        return;
    }
    navigator.clipboard.writeText(value).catch((e) => console.warn('papertide: copy failed:', e && e.message));
});

EM_JS(void, papertide_js_write_hash, (const char* hash, int push), {
    let h = UTF8ToString(hash);
    if (h && h[0] !== '#') h = '#' + h;
    Module.papertideLastHash = h;  // the shell ignores the hashchange/popstate this may cause
    const url = h && h !== '#' ? h : location.pathname + location.search;
    try {
        if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    } catch (e) {
        console.warn('papertide: cannot update the URL:', e && e.message);
    }
});

EM_JS(char*, papertide_js_location_hash, (), {
    const h = location.hash || "";
    const n = lengthBytesUTF8(h) + 1;
    const p = _malloc(n);
    stringToUTF8(h, p, n);
    return p;
});

EM_JS(char*, papertide_js_load_value, (const char* key), {
    let v = null;
    try { v = localStorage.getItem('papertide:' + UTF8ToString(key)); } catch (e) { v = null; }
    if (v === null) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, papertide_js_save_value, (const char* key, const char* value), {
    try {
        localStorage.setItem('papertide:' + UTF8ToString(key), UTF8ToString(value));
    } catch (e) {
        console.warn('papertide: cannot save a setting:', e && e.message);
    }
});

EM_JS(void, papertide_js_warn, (const char* message), {
    console.warn('papertide: ' + UTF8ToString(message));
});

// A download of `length` bytes (the bytes may contain NULs, so they are passed with a length).
EM_JS(int, papertide_js_save_file, (const char* name, const char* mime, const char* bytes, int length), {
    const data = HEAPU8.slice(bytes, bytes + length);
    const blob = new Blob([data], { type: UTF8ToString(mime) });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    return 1;
});

EM_JS(int, papertide_js_choose_files, (), {
    return Module.papertideChooseFiles ? (Module.papertideChooseFiles(), 1) : 0;
});

EM_JS(void, papertide_js_store_user_digest, (const char* name, const char* bytes, int length), {
    if (Module.papertideStoreDigest)
        Module.papertideStoreDigest(UTF8ToString(name), new TextDecoder().decode(HEAPU8.subarray(bytes, bytes + length)));
});

EM_JS(void, papertide_js_forget_user_digest, (const char* name), {
    if (Module.papertideForgetDigest) Module.papertideForgetDigest(UTF8ToString(name));
});

EM_JS(void, papertide_js_deliver_restored_digests, (), {
    const kept = Module.papertideRestoredDigests || [];
    Module.papertideRestoredDigests = [];
    for (const file of kept) Module.ccall('papertide_restore_user_digest', null, ['string', 'string'], [file.name, file.text]);
});

EM_JS(void, papertide_js_ready, (), {
    if (Module.papertideOnReady) Module.papertideOnReady();
});

EM_JS(void, papertide_js_fatal, (const char* message), {
    const text = UTF8ToString(message);
    if (Module.papertideOnFatal) Module.papertideOnFatal(text); else console.error('papertide: ' + text);
});
// clang-format on
