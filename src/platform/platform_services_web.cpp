// Browser PlatformServices over the page's handlers (web_bridge.h → web/shell/bridge.js).
#include "platform_services_web.h"

#include <emscripten/heap.h>
#include <malloc.h>

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "core/json_reader.h"
#include "web_bridge.h"

namespace papertide::platform {

// The one URL rule (core::isSafeHttpUrl) guards the page too: nothing else ever reaches window.open from here.
void WebPlatformServices::openUrl(std::string_view url) {
    if (!core::isSafeHttpUrl(url)) return warn("refused to open a link that is not a plain http(s) URL");
    papertide_js_open_url(std::string(url).c_str());
}

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

bool WebPlatformServices::placeTextOverlay(ui::TextOverlay id, float x, float y, float width, float height,
                                           std::string_view text, bool dark) {
    Placement& p = placed_[int(id)];
    if (p.shown && p.x == x && p.y == y && p.width == width && p.height == height && p.dark == dark && p.text == text)
        return true;
    p = {true, x, y, width, height, dark, std::string(text)};
    papertide_js_place_overlay(ui::textOverlayName(id), x, y, width, height, p.text.c_str(), dark ? 1 : 0);
    return true;
}

void WebPlatformServices::focusTextOverlay(ui::TextOverlay id) { papertide_js_focus_overlay(ui::textOverlayName(id)); }

void WebPlatformServices::hideTextOverlay(ui::TextOverlay id) {
    placed_[int(id)].shown = false;
    papertide_js_hide_overlay(ui::textOverlayName(id));
}

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

// The page read them from IndexedDB before main() ran (web/shell/storage.js), so this is synchronous.
std::vector<core::SourceFile> WebPlatformServices::loadUserDigests() {
    std::vector<core::SourceFile> files;
    char* json = papertide_js_kept_digests();
    if (!json) return files;
    const nlohmann::json list = nlohmann::json::parse(json, nullptr, false);
    std::free(json);
    if (!list.is_array()) {
        warn("the kept digests could not be read back from the browser's storage");
        return files;
    }
    for (const nlohmann::json& entry : list) {
        const nlohmann::json* name = entry.is_object() && entry.contains("name") ? &entry["name"] : nullptr;
        const nlohmann::json* text = entry.is_object() && entry.contains("text") ? &entry["text"] : nullptr;
        if (name && text && name->is_string() && text->is_string())
            files.push_back({name->get<std::string>(), text->get<std::string>()});
        else
            warn("a kept digest without a name or text was skipped");
    }
    return files;
}

void WebPlatformServices::requestBundledFiles() { papertide_js_fetch_bundled_files(); }

namespace {

// The bytes of the snapshot that have arrived, as a source for core::SnapshotReader.
core::SnapshotSource arrivedSnapshot(double arrived) {
    return {static_cast<uint64_t>(arrived), [](uint64_t offset, void* dst, size_t bytes) {
                // Slices of at most 1 GiB: the reader asks for a section at a time.
                auto* to = static_cast<char*>(dst);
                while (bytes > 0) {
                    const size_t n = bytes < (size_t(1) << 30) ? bytes : (size_t(1) << 30);
                    if (!papertide_js_snapshot_read(double(offset), to, int(n))) return false;
                    offset += n, to += n, bytes -= n;
                }
                return true;
            }};
}

}  // namespace

// The wasm memory can grow to emscripten_get_heap_max() (2 GB as built), and never shrinks: what a snapshot may
// take is that limit less what is in use before it is read.
WebPlatformServices::WebPlatformServices() {
    const size_t max = emscripten_get_heap_max(), inUse = size_t(mallinfo().uordblks);
    snapshotReader_.setMemoryLimit(max > inUse ? max - inUse : 0);
}

void WebPlatformServices::readArrivingSnapshot() {
    const double arrived = papertide_js_snapshot_arrived();
    if (arrived <= snapshotRead_) return;
    snapshotRead_ = arrived;
    const core::SnapshotReader::Status status = snapshotReader_.advance(arrivedSnapshot(arrived), false);
    if (status == core::SnapshotReader::Status::NeedMore)
        papertide_js_release_snapshot_before(double(snapshotReader_.bytesRead()));
    else if (snapshotReader_.refusedForMemory())
        papertide_js_abandon_snapshot();  // the rest of a download that cannot be used; settles it at once
}

bool WebPlatformServices::readBundledSnapshot(core::Snapshot& out, std::string& why) {
    why.clear();
    const double arrived = papertide_js_snapshot_arrived();
    if (!(arrived > 0)) return false;
    const bool ok = snapshotReader_.advance(arrivedSnapshot(arrived), true) == core::SnapshotReader::Status::Done;
    papertide_js_release_snapshot_before(arrived);
    if (ok) out = std::move(snapshotReader_.snapshot());
    else why = snapshotReader_.error();
    return ok;
}

std::string WebPlatformServices::linkForHash(std::string_view hash) {
    char* link = papertide_js_link_for_hash(std::string(hash).c_str());
    std::string result = link ? link : std::string(hash);
    std::free(link);
    return result;
}

}  // namespace papertide::platform
