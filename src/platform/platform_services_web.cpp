// Browser PlatformServices over the JavaScript in web_bridge_web.cpp.
#include "platform_services_web.h"

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "web_bridge.h"

namespace papertide::platform {

void WebPlatformServices::openUrl(std::string_view url) { papertide_js_open_url(std::string(url).c_str()); }

void WebPlatformServices::copyToClipboard(std::string_view text) { papertide_js_copy_text(std::string(text).c_str()); }

void WebPlatformServices::writeLocationHash(std::string_view hash, bool push) {
    papertide_js_write_hash(std::string(hash).c_str(), push ? 1 : 0);
}

std::optional<std::string> WebPlatformServices::loadValue(std::string_view key) {
    char* value = papertide_js_load_value(std::string(key).c_str());
    if (!value) return std::nullopt;
    std::string result(value);
    std::free(value);
    return result;
}

void WebPlatformServices::saveValue(std::string_view key, std::string_view value) {
    papertide_js_save_value(std::string(key).c_str(), std::string(value).c_str());
}

void WebPlatformServices::warn(std::string_view message) { papertide_js_warn(std::string(message).c_str()); }

bool WebPlatformServices::placeSearchField(float x, float y, float width, float height, std::string_view text, bool dark) {
    papertide_js_place_search(x, y, width, height, std::string(text).c_str(), dark ? 1 : 0);
    return true;
}

void WebPlatformServices::focusSearchField() { papertide_js_focus_search(); }

bool WebPlatformServices::placeFindField(float x, float y, float width, float height, std::string_view text, bool dark) {
    papertide_js_place_find(x, y, width, height, std::string(text).c_str(), dark ? 1 : 0);
    return true;
}

void WebPlatformServices::focusFindField() { papertide_js_focus_find(); }

void WebPlatformServices::hideFindField() { papertide_js_hide_find(); }

void WebPlatformServices::setPointerActions(const std::vector<ui::PointerAction>& actions) {
    nlohmann::json list = nlohmann::json::array();
    for (const ui::PointerAction& a : actions)
        list.push_back({{"kind", a.kind == ui::PointerAction::Kind::Open ? "open" : "copy"},
                        {"rect", {a.x, a.y, a.w, a.h}},
                        {"payload", a.payload}});
    papertide_js_set_actions(list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void WebPlatformServices::publishAccessibleView(std::string_view json) {
    papertide_js_accessible_view(std::string(json).c_str());
}

void WebPlatformServices::hideSearchField() { papertide_js_hide_search(); }

bool WebPlatformServices::prefersDarkScheme() { return papertide_js_prefers_dark() != 0; }

std::string WebPlatformServices::saveFile(std::string_view name, std::string_view mimeType, std::string_view bytes) {
    std::string file(name);
    papertide_js_save_file(file.c_str(), std::string(mimeType).c_str(), bytes.data(), static_cast<int>(bytes.size()));
    return file;  // the browser's downloads
}

bool WebPlatformServices::chooseFiles() { return papertide_js_choose_files() != 0; }

void WebPlatformServices::storeUserDigest(std::string_view name, std::string_view bytes) {
    papertide_js_store_user_digest(std::string(name).c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void WebPlatformServices::forgetUserDigest(std::string_view name) {
    papertide_js_forget_user_digest(std::string(name).c_str());
}

std::string WebPlatformServices::linkForHash(std::string_view hash) {
    char* link = papertide_js_link_for_hash(std::string(hash).c_str());
    std::string result = link ? link : std::string(hash);
    std::free(link);
    return result;
}

}  // namespace papertide::platform
