// The files the corpus is built from: the bundled ones (topics.json, glossary.json, the digests) and the digests
// the reader added. A reader's file is judged by the corpus loader's own rules (parse, validate, unique digest id
// with bundled digests first), never by a second copy of them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/corpus_loader.h"
#include "core/search_index.h"

namespace papertide::app {

class DigestLibrary {
public:
    struct Build {
        core::Corpus corpus;
        std::vector<core::Diagnostic> diagnostics;
    };
    struct Addition {
        std::vector<std::string> accepted, refused;  // base names
        std::vector<core::Diagnostic> problems;      // the files' own diagnostics (errors refuse, warnings do not)
        Build build;                                 // the corpus with the accepted files in it
    };

    // Replaces the bundled files (keeps the reader's digests).
    void setBundled(std::vector<core::SourceFile> files);
    // Lets the bundled files go (the reader's digests stay): a host that can send them again need not have them
    // held between builds.
    void releaseBundled() { setBundled({}); }
    Build build() const;
    // Tries `files` (named by their base names) beside everything already here, in one build: a file is accepted
    // when the loader reports no error for it. A file with the name of one already added replaces it (a newer
    // version). When nothing is accepted, the library is unchanged and `build` is empty.
    Addition add(std::vector<core::SourceFile> files);
    // Whether `files` can be merged on top of the corpus built from this library: none has the name of a reader's
    // digest already here (a newer version replaces the old one, which needs add() and a rebuild).
    bool canMergeOnTop(const std::vector<core::SourceFile>& files) const;
    // Adds `files` like add(), but merges them into `shown` (the corpus built from this library's files, or
    // loaded from their snapshot, with its index and diagnostics) instead of building everything again: the
    // bundled part is neither parsed nor indexed again (core/corpus_merge.h, SearchIndex::afterMerge). The
    // result is the corpus add() would build; the returned Addition's `build` stays empty.
    Addition mergeOnTop(std::vector<core::SourceFile> files, core::Corpus& corpus, core::SearchIndex& index,
                        std::vector<core::Diagnostic>& diagnostics);
    bool remove(std::string_view name);
    std::vector<std::string> userDigestNames() const;
    static std::string baseName(std::string_view path);

private:
    core::CorpusInput input_;
};

}  // namespace papertide::app
