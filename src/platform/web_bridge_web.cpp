// Every call from C++ into the page's JavaScript: one-line forwarders to the handlers that web/shell/bridge.js
// declares and installs on Module (it fails the start-up when one is missing, so no guard here).
#include "web_bridge.h"

#include <emscripten.h>

// clang-format off
EM_JS(void, papertide_js_ready, (), { Module.papertideReady(); });
EM_JS(void, papertide_js_mark, (const char* phase), { performance.mark('papertide:' + UTF8ToString(phase)); });
EM_JS(void, papertide_js_fatal, (const char* message), { Module.papertideFatal(UTF8ToString(message)); });
EM_JS(void, papertide_js_no_graphics, (const char* message), { Module.papertideNoGraphics(UTF8ToString(message)); });
EM_JS(void, papertide_js_warn, (const char* message), { Module.papertideWarn(UTF8ToString(message)); });
EM_JS(int, papertide_js_prefers_dark, (), { return Module.papertidePrefersDark() ? 1 : 0; });
EM_JS(void, papertide_js_open_url, (const char* url), { Module.papertideOpenUrl(UTF8ToString(url)); });
EM_JS(void, papertide_js_copy_text, (const char* text), { Module.papertideCopyText(UTF8ToString(text)); });
EM_JS(void, papertide_js_set_actions, (const char* json), { Module.papertideSetActions(UTF8ToString(json)); });
EM_JS(void, papertide_js_accessible_view, (const char* json), { Module.papertideAccessibleView(UTF8ToString(json)); });
EM_JS(void, papertide_js_place_overlay, (const char* id, float x, float y, float width, float height, const char* text, int dark), {
    Module.papertidePlaceOverlay(UTF8ToString(id), x, y, width, height, UTF8ToString(text), dark !== 0);
});
EM_JS(void, papertide_js_focus_overlay, (const char* id), { Module.papertideFocusOverlay(UTF8ToString(id)); });
EM_JS(void, papertide_js_hide_overlay, (const char* id), { Module.papertideHideOverlay(UTF8ToString(id)); });
EM_JS(void, papertide_js_write_hash, (const char* hash, int push), { Module.papertideWriteHash(UTF8ToString(hash), push !== 0); });
EM_JS(char*, papertide_js_location_hash, (), { return allocateUTF8(Module.papertideLocationHash()); });
EM_JS(char*, papertide_js_link_for_hash, (const char* hash), { return allocateUTF8(Module.papertideLinkForHash(UTF8ToString(hash))); });
EM_JS(char*, papertide_js_load_value, (const char* key), {
    const value = Module.papertideLoadValue(UTF8ToString(key));
    return value === null ? 0 : allocateUTF8(value);
});
EM_JS(void, papertide_js_save_value, (const char* key, const char* value), {
    Module.papertideSaveValue(UTF8ToString(key), UTF8ToString(value));
});
// Bytes with a length (they may contain NULs), copied out of the wasm memory.
EM_JS(int, papertide_js_save_file, (const char* name, const char* mime, const char* bytes, int length), {
    return Module.papertideSaveFile(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(bytes, bytes + length)) ? 1 : 0;
});
EM_JS(int, papertide_js_choose_files, (), { return Module.papertideChooseFiles() ? 1 : 0; });
EM_JS(void, papertide_js_store_user_digest, (const char* name, const char* bytes, int length), {
    Module.papertideStoreDigest(UTF8ToString(name), HEAPU8.slice(bytes, bytes + length));
});
EM_JS(void, papertide_js_forget_user_digest, (const char* name), { Module.papertideForgetDigest(UTF8ToString(name)); });
EM_JS(char*, papertide_js_kept_digests, (), { return allocateUTF8(Module.papertideKeptDigests()); });
EM_JS(void, papertide_js_when_corpus_ready, (), { Module.papertideWhenCorpusReady(); });
EM_JS(double, papertide_js_snapshot_arrived, (), { return Module.papertideSnapshotArrived(); });
// The slice goes straight into the wasm memory the reader allocated: the file is never in wasm memory whole.
EM_JS(int, papertide_js_snapshot_read, (double offset, void* dst, int bytes), {
    return Module.papertideSnapshotRead(offset, HEAPU8.subarray(dst, dst + bytes)) ? 1 : 0;
});
EM_JS(void, papertide_js_release_snapshot_before, (double offset), { Module.papertideReleaseSnapshotBefore(offset); });
EM_JS(void, papertide_js_abandon_snapshot, (), { Module.papertideAbandonSnapshot(); });
EM_JS(void, papertide_js_fetch_bundled_files, (), { Module.papertideFetchBundledFiles(); });
// clang-format on
