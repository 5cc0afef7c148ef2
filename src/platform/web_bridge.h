// The JavaScript the web build calls: one EM_JS forwarder each (web_bridge_web.cpp) to a handler declared in
// web/shell/bridge.js (HANDLERS), which checks at start-up that the page provides every one of them.
// Strings returned as char* are malloc'ed UTF-8 (free them) or nullptr.
#pragma once

extern "C" {
void papertide_js_ready();                     // the first frame with data is on screen
// A start-up phase done: performance.mark("papertide:" + phase), read by bench/startup.mjs (no handler needed).
void papertide_js_mark(const char* phase);
void papertide_js_fatal(const char* message);  // start-up failed: the page shows the message
void papertide_js_no_graphics(const char* message);  // start-up failed: the canvas has no WebGL 2 context
void papertide_js_warn(const char* message);
int papertide_js_prefers_dark();
void papertide_js_open_url(const char* url);   // only URLs core::isSafeHttpUrl accepted
void papertide_js_copy_text(const char* text);
void papertide_js_set_actions(const char* json);      // the links / copy buttons on screen (PointerAction list)
void papertide_js_accessible_view(const char* json);  // the off-screen mirror for screen readers
// The real <input>s over the app's text boxes; id "search" or "find".
void papertide_js_place_overlay(const char* id, float x, float y, float width, float height, const char* text, int dark);
void papertide_js_focus_overlay(const char* id);
void papertide_js_hide_overlay(const char* id);
void papertide_js_write_hash(const char* hash, int push);
char* papertide_js_location_hash();
char* papertide_js_link_for_hash(const char* hash);
char* papertide_js_load_value(const char* key);  // nullptr when nothing is stored
void papertide_js_save_value(const char* key, const char* value);
int papertide_js_save_file(const char* name, const char* mime, const char* bytes, int length);
int papertide_js_choose_files();
void papertide_js_store_user_digest(const char* name, const char* bytes, int length);
void papertide_js_forget_user_digest(const char* name);
char* papertide_js_kept_digests();  // JSON [{"name": ..., "text": ...}], read from IndexedDB before start-up
// Call papertide_corpus_ready once the corpus download (started with the page) has settled; always later.
void papertide_js_when_corpus_ready();
// The corpus snapshot the page is fetching (data/corpus.snapshot), kept on the JS side: the bytes received so far
// (0 when there is none), a copy of [offset, offset + bytes) of them into dst (1 on success), and letting go of
// the bytes before `offset` (read already).
double papertide_js_snapshot_arrived();
int papertide_js_snapshot_read(double offset, void* dst, int bytes);
void papertide_js_release_snapshot_before(double offset);
// Stop the snapshot's download (it cannot be used) and settle it: papertide_corpus_ready follows, always later.
void papertide_js_abandon_snapshot();
// Fetch the bundled JSON files (data/files.json lists them); they come back through papertide_bundled_file and
// papertide_bundled_files_done, always after this call returned.
void papertide_js_fetch_bundled_files();
}
