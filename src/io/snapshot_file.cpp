// Snapshot files: sectioned reads through stdio, atomic writes (snapshot_file.h).
#include "io/snapshot_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace papertide::io {

bool openSnapshotFile(const std::string& path, core::SnapshotSource& source, std::string& error) {
    std::shared_ptr<std::FILE> file(std::fopen(path.c_str(), "rb"), [](std::FILE* f) {
        if (f) std::fclose(f);
    });
    if (!file) return error = path + ": cannot open: " + std::strerror(errno), false;
    if (std::fseek(file.get(), 0, SEEK_END) != 0) return error = path + ": cannot seek", false;
    long size = std::ftell(file.get());
    if (size < 0) return error = path + ": cannot tell its size", false;
    source.size = static_cast<uint64_t>(size);
    source.read = [file](uint64_t offset, void* dst, size_t bytes) {
        if (std::fseek(file.get(), static_cast<long>(offset), SEEK_SET) != 0) return false;
        return std::fread(dst, 1, bytes, file.get()) == bytes;
    };
    return true;
}

bool writeSnapshotFile(const std::string& path, const core::Corpus& corpus, const core::SearchIndex& index,
                       const std::vector<core::Diagnostic>& diagnostics, std::string& error) {
    const std::string temp = path + ".tmp";
    std::FILE* f = std::fopen(temp.c_str(), "wb");
    if (!f) return error = temp + ": cannot create: " + std::strerror(errno), false;
    bool ok = core::writeSnapshot(
        corpus, index, diagnostics, [&](const void* data, size_t bytes) { return std::fwrite(data, 1, bytes, f) == bytes; }, error);
    if (std::fclose(f) != 0 && ok) ok = false, error = temp + ": cannot write: " + std::strerror(errno);
    if (ok && std::rename(temp.c_str(), path.c_str()) != 0) ok = false, error = path + ": cannot rename into place: " + std::strerror(errno);
    if (!ok) std::remove(temp.c_str());
    return ok;
}

}  // namespace papertide::io
