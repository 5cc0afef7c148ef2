// The JavaScript the web build calls (defined with EM_JS in web_bridge_web.cpp; page side: web/papertide-shell.js).
// Strings returned as char* are malloc'ed UTF-8 (free them) or nullptr.
#pragma once

extern "C" {
void papertide_js_open_url(const char* url);
void papertide_js_copy_text(const char* text);
void papertide_js_write_hash(const char* hash, int push);
char* papertide_js_location_hash();
char* papertide_js_load_value(const char* key);
void papertide_js_save_value(const char* key, const char* value);
void papertide_js_warn(const char* message);
void papertide_js_place_search(float x, float y, float width, float height, const char* text, int dark);
void papertide_js_focus_search();
void papertide_js_hide_search();
void papertide_js_place_find(float x, float y, float width, float height, const char* text, int dark);
void papertide_js_focus_find();
void papertide_js_hide_find();
void papertide_js_set_actions(const char* json);  // the links / copy buttons on screen (PointerAction list)
void papertide_js_accessible_view(const char* json);  // the off-screen mirror for screen readers
int papertide_js_prefers_dark();
char* papertide_js_link_for_hash(const char* hash);
int papertide_js_save_file(const char* name, const char* mime, const char* bytes, int length);
int papertide_js_choose_files();
void papertide_js_store_user_digest(const char* name, const char* bytes, int length);
void papertide_js_forget_user_digest(const char* name);
void papertide_js_deliver_restored_digests();  // calls papertide_restore_user_digest for each kept file
void papertide_js_ready();                    // the first frame with data is on screen
void papertide_js_fatal(const char* message);  // start-up failed: the page shows the message
}
