#include "io/corpus_files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>

namespace papertide::io {

bool readFile(const std::string& path, SourceFile& out, std::string& error) {
    // stdio rather than iostreams: it keeps the wasm build small (see docs/BENCHMARKS.md).
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = path + ": cannot read: " + std::strerror(errno);
        return false;
    }
    out.name = path;
    out.bytes.clear();
    char buffer[1 << 16];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.bytes.append(buffer, n);
    bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) error = path + ": cannot read: I/O error";
    return !failed;
}

std::vector<SourceFile> readCorpusDirectory(const std::string& dir, std::vector<std::string>& errors) {
    std::vector<SourceFile> files;
    SourceFile taxonomy;
    std::string error;
    if (readFile(dir + "/topics.json", taxonomy, error)) files.push_back(std::move(taxonomy));
    else errors.push_back(error);
    // The glossary is optional: a missing file means search without cross-language expansion.
    SourceFile glossary;
    if (readFile(dir + "/glossary.json", glossary, error)) files.push_back(std::move(glossary));
    else if (errno != ENOENT) errors.push_back(error);

    std::string digestDir = dir + "/digests";
    std::vector<std::string> names;
    if (DIR* d = opendir(digestDir.c_str())) {
        while (dirent* entry = readdir(d)) {
            std::string name = entry->d_name;
            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0 && name[0] != '.') names.push_back(name);
        }
        closedir(d);
    } else {
        errors.push_back(digestDir + ": cannot list: " + std::strerror(errno));
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        SourceFile file;
        if (readFile(digestDir + "/" + name, file, error)) files.push_back(std::move(file));
        else errors.push_back(error);
    }
    return files;
}

}  // namespace papertide::io
