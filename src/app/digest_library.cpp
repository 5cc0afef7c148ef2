// The corpus's files and the reader's digests, judged by the corpus loader.
#include "app/digest_library.h"

#include <algorithm>

#include "core/corpus_merge.h"

namespace papertide::app {

void DigestLibrary::setBundled(std::vector<core::SourceFile> files) {
    std::vector<core::SourceFile> mine = std::move(input_.userDigests);
    input_ = core::splitCorpusFiles(std::move(files));
    input_.userDigests = std::move(mine);
}

DigestLibrary::Build DigestLibrary::build() const {
    Build b;
    b.corpus = core::loadCorpus(input_, b.diagnostics);
    return b;
}

namespace {

void putFile(std::vector<core::SourceFile>& list, core::SourceFile file) {
    auto same = std::find_if(list.begin(), list.end(), [&](const core::SourceFile& f) { return f.name == file.name; });
    if (same != list.end()) *same = std::move(file);
    else list.push_back(std::move(file));
}

}  // namespace

DigestLibrary::Addition DigestLibrary::add(std::vector<core::SourceFile> files) {
    core::CorpusInput candidate = input_;
    std::vector<std::string> names;
    for (core::SourceFile& f : files) {
        f.name = baseName(f.name);
        names.push_back(f.name);
        putFile(candidate.userDigests, std::move(f));
    }
    Addition out;
    out.build.corpus = core::loadCorpus(candidate, out.build.diagnostics);
    for (const std::string& name : names) {
        bool refused = false;
        for (const core::Diagnostic& d : out.build.diagnostics) {
            if (d.file != name) continue;
            out.problems.push_back(d);
            refused |= d.severity == core::Severity::Error;
        }
        (refused ? out.refused : out.accepted).push_back(name);
    }
    if (out.accepted.empty()) {
        out.build = Build{};
        return out;
    }
    if (!out.refused.empty()) {  // build again without them, so nothing of a refused file stays in the corpus
        for (const std::string& name : out.refused)
            candidate.userDigests.erase(std::find_if(candidate.userDigests.begin(), candidate.userDigests.end(),
                                                     [&](const core::SourceFile& f) { return f.name == name; }));
        out.build = Build{};
        out.build.corpus = core::loadCorpus(candidate, out.build.diagnostics);
    }
    input_ = std::move(candidate);
    return out;
}

bool DigestLibrary::canMergeOnTop(const std::vector<core::SourceFile>& files) const {
    std::vector<std::string> names = userDigestNames();
    for (const core::SourceFile& f : files) {
        std::string name = baseName(f.name);
        if (std::find(names.begin(), names.end(), name) != names.end()) return false;
        names.push_back(std::move(name));
    }
    return true;
}

DigestLibrary::Addition DigestLibrary::mergeOnTop(std::vector<core::SourceFile> files, core::Corpus& corpus,
                                                  core::SearchIndex& index, std::vector<core::Diagnostic>& diagnostics) {
    Addition out;
    auto isError = [](const core::Diagnostic& d) { return d.severity == core::Severity::Error; };
    // A file with an error is refused whole (as add() rebuilds without it): only clean files are merged.
    std::vector<core::DigestRecord> records;
    std::vector<core::SourceFile> parsed;
    std::vector<core::Diagnostic> kept;  // what a rebuild with the accepted files would report of them
    for (core::SourceFile& f : files) {
        f.name = baseName(f.name);
        std::vector<core::Diagnostic> found;
        auto record = core::parseDigest(f.name, f.bytes, corpus.topicById, found);
        out.problems.insert(out.problems.end(), found.begin(), found.end());
        if (!record || std::any_of(found.begin(), found.end(), isError)) {
            out.refused.push_back(f.name);
            continue;
        }
        kept.insert(kept.end(), found.begin(), found.end());
        records.push_back(std::move(*record));
        parsed.push_back(std::move(f));
    }
    std::vector<core::Diagnostic> merging;
    core::MergeChange change = core::mergeDigests(corpus, std::move(records), core::Origin::User, merging);
    for (core::Diagnostic& d : merging) {
        if (isError(d)) out.refused.push_back(d.file);  // its digest id is taken: it was not merged
        out.problems.push_back(d);
        if (!isError(d)) kept.push_back(std::move(d));
    }
    for (core::SourceFile& f : parsed) {
        if (std::find(out.refused.begin(), out.refused.end(), f.name) != out.refused.end()) continue;
        out.accepted.push_back(f.name);
        input_.userDigests.push_back(std::move(f));
    }
    diagnostics.insert(diagnostics.end(), kept.begin(), kept.end());
    index = core::SearchIndex::afterMerge(std::move(index), corpus, change.touched);
    return out;
}

bool DigestLibrary::remove(std::string_view name) {
    auto it = std::find_if(input_.userDigests.begin(), input_.userDigests.end(),
                           [&](const core::SourceFile& f) { return f.name == name; });
    if (it == input_.userDigests.end()) return false;
    input_.userDigests.erase(it);
    return true;
}

std::vector<std::string> DigestLibrary::userDigestNames() const {
    std::vector<std::string> names;
    for (const core::SourceFile& f : input_.userDigests) names.push_back(f.name);
    return names;
}

std::string DigestLibrary::baseName(std::string_view path) {
    size_t slash = path.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace papertide::app
