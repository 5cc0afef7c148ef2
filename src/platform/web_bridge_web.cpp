// Every call from C++ into the page's JavaScript, in one place (see web_bridge.h).
#include "web_bridge.h"

#include <emscripten.h>

// clang-format off
EM_JS(void, papertide_js_open_url, (const char* url), {
    window.open(UTF8ToString(url), '_blank', 'noopener,noreferrer');
});

EM_JS(void, papertide_js_copy_text, (const char* text), {
    const value = UTF8ToString(text);
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

EM_JS(void, papertide_js_ready, (), {
    if (Module.papertideOnReady) Module.papertideOnReady();
});

EM_JS(void, papertide_js_fatal, (const char* message), {
    const text = UTF8ToString(message);
    if (Module.papertideOnFatal) Module.papertideOnFatal(text); else console.error('papertide: ' + text);
});
// clang-format on
