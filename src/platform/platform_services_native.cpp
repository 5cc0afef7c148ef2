// Desktop PlatformServices: no shell is ever involved (posix_spawnp with an argv), settings written atomically.
#include "platform_services_native.h"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cctype>
#include <thread>

#include "io/corpus_files.h"

#include <SDL.h>

extern char** environ;

namespace papertide::platform {
namespace {

std::string configDirectory() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg) return std::string(xdg) + "/papertide";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + "/.config/papertide";
    return {};
}

bool makeDirectories(const std::string& path) {
    for (size_t i = 1; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            std::string part = path.substr(0, i);
            if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
        }
    }
    return true;
}

// Values are one line each: backslash, newline and carriage return are escaped.
std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

std::string unescape(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            char next = text[++i];
            out += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
        } else {
            out += text[i];
        }
    }
    return out;
}

// Only a plain file name (no folders, no hidden files) may name a stored digest.
std::string safeFileName(std::string_view name) {
    std::string out;
    size_t slash = name.find_last_of("/\\");
    for (char c : name.substr(slash == std::string_view::npos ? 0 : slash + 1))
        out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
    while (!out.empty() && out[0] == '.') out.erase(0, 1);
    if (out.empty()) out = "digest.json";
    return out;
}

bool writeFileAtomically(const std::string& path, std::string_view bytes) {
    std::string temp = path + ".tmp";
    FILE* file = std::fopen(temp.c_str(), "wb");
    if (!file) return false;
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    ok = std::fclose(file) == 0 && ok;
    return ok && std::rename(temp.c_str(), path.c_str()) == 0;
}

}  // namespace

std::string NativePlatformServices::saveFile(std::string_view name, std::string_view, std::string_view bytes) {
    std::string dir;
    if (const char* downloads = std::getenv("XDG_DOWNLOAD_DIR"); downloads && *downloads) dir = downloads;
    else if (const char* home = std::getenv("HOME"); home && *home) dir = std::string(home) + "/Downloads";
    struct stat st {};
    if (dir.empty() || ::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) dir = ".";
    std::string path = dir + "/" + safeFileName(name);
    if (!writeFileAtomically(path, bytes)) {
        warn("cannot write " + path + ": " + std::strerror(errno));
        return {};
    }
    return path;
}

void NativePlatformServices::storeUserDigest(std::string_view name, std::string_view bytes) {
    std::string dir = configDirectory();
    if (dir.empty() || !makeDirectories(dir + "/digests")) return warn("cannot keep the added digest: no config folder");
    if (!writeFileAtomically(dir + "/digests/" + safeFileName(name), bytes)) warn("cannot keep the added digest " + std::string(name));
}

void NativePlatformServices::forgetUserDigest(std::string_view name) {
    std::string dir = configDirectory();
    if (!dir.empty()) std::remove((dir + "/digests/" + safeFileName(name)).c_str());
}

std::vector<core::SourceFile> NativePlatformServices::loadUserDigests() {
    std::vector<io::SourceFile> files;
    std::string dir = configDirectory();
    if (dir.empty()) return files;
    std::vector<std::string> ignored;  // a missing folder just means nothing was added yet
    for (io::SourceFile& f : io::readCorpusDirectory(dir, ignored))
        if (f.name.size() > 11 && f.name.compare(f.name.size() - 11, 11, "topics.json") != 0) files.push_back(std::move(f));
    return files;
}

NativePlatformServices::NativePlatformServices() {
    std::string dir = configDirectory();
    if (!dir.empty()) settingsPath_ = dir + "/settings.txt";
}

void NativePlatformServices::openUrl(std::string_view url) {
    std::string target(url);
    char* argv[] = {const_cast<char*>("xdg-open"), target.data(), nullptr};
    pid_t pid = 0;
    int rc = ::posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ);
    if (rc != 0) {
        warn(std::string("cannot run xdg-open: ") + std::strerror(rc));
        return;
    }
    std::thread([pid] {  // reap it without blocking the UI
        int status = 0;
        ::waitpid(pid, &status, 0);
    }).detach();
}

void NativePlatformServices::copyToClipboard(std::string_view text) {
    std::string copy(text);
    if (SDL_SetClipboardText(copy.c_str()) != 0) warn(std::string("clipboard: ") + SDL_GetError());
}

void NativePlatformServices::writeLocationHash(std::string_view hash, bool /*push*/) { hash_ = hash; }

void NativePlatformServices::loadSettings() {
    loaded_ = true;
    if (settingsPath_.empty()) return;
    FILE* file = std::fopen(settingsPath_.c_str(), "rb");
    if (!file) return;
    std::string line;
    int c = 0;
    auto flush = [&] {
        size_t eq = 0;  // the first '=' that is not escaped
        while (eq < line.size() && line[eq] != '=') eq += line[eq] == '\\' ? 2 : 1;
        if (eq < line.size()) values_[unescape(line.substr(0, eq))] = unescape(line.substr(eq + 1));
        line.clear();
    };
    while ((c = std::fgetc(file)) != EOF) {
        if (c == '\n') flush();
        else line += static_cast<char>(c);
    }
    flush();
    std::fclose(file);
}

bool NativePlatformServices::saveSettings() {
    if (settingsPath_.empty()) return false;
    if (!makeDirectories(settingsPath_.substr(0, settingsPath_.rfind('/')))) return false;
    std::string temp = settingsPath_ + ".tmp";
    FILE* file = std::fopen(temp.c_str(), "wb");
    if (!file) return false;
    std::string text;
    for (const auto& [key, value] : values_) {
        std::string k = escape(key);
        size_t eq;
        while ((eq = k.find('=')) != std::string::npos) k.replace(eq, 1, "\\=");
        text += k + "=" + escape(value) + "\n";
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    ok = std::fclose(file) == 0 && ok;
    return ok && std::rename(temp.c_str(), settingsPath_.c_str()) == 0;
}

std::optional<std::string> NativePlatformServices::loadValue(std::string_view key) {
    if (!loaded_) loadSettings();
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

void NativePlatformServices::saveValue(std::string_view key, std::string_view value) {
    if (!loaded_) loadSettings();
    values_[std::string(key)] = std::string(value);
    if (!saveSettings()) warn("cannot write settings to " + (settingsPath_.empty() ? "(no HOME)" : settingsPath_));
}

void NativePlatformServices::warn(std::string_view message) {
    std::fprintf(stderr, "papertide: warning: %.*s\n", static_cast<int>(message.size()), message.data());
}

}  // namespace papertide::platform
