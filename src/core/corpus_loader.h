// Builds the Corpus from the taxonomy and digest files: validates each file, skips bad digests with their
// errors, merges papers picked by several digests, infers missing topics and lays out the month axis.
#pragma once
#include <vector>

#include "core/diagnostics.h"
#include "core/digest_parser.h"
#include "core/model.h"
#include "core/source_file.h"

namespace papertide::core {

struct CorpusInput {
    SourceFile taxonomy;
    std::vector<SourceFile> digests;      // bundled with the app
    std::vector<SourceFile> userDigests;  // added by the reader; marked Origin::User
    SourceFile glossary;                  // glossary.json; no name = no glossary (search does no expansion)
};

Corpus loadCorpus(const CorpusInput& input, std::vector<Diagnostic>& out);
// The same, releasing each file's bytes once parsed (the app passes its files over: lower peak memory).
Corpus loadCorpus(CorpusInput&& input, std::vector<Diagnostic>& out);

// Sorts a flat file list into taxonomy (the file named topics.json), glossary (glossary.json) and bundled digests.
CorpusInput splitCorpusFiles(std::vector<SourceFile> files);

// Lower-level: merge already-parsed digests (used by loadCorpus and by tests/benchmarks).
Corpus buildCorpus(std::vector<Topic> topics, std::vector<std::pair<DigestRecord, Origin>> records,
                   std::vector<Diagnostic>& out);

}  // namespace papertide::core
