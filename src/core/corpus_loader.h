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

// Builds a corpus from files handed over one at a time (the page fetching them): each digest is parsed when it
// arrives and, when passed over, its bytes are let go, so the raw files and the parsed ones are never all in
// memory together. Files are told apart by base name as splitCorpusFiles does; a digest that arrives before
// the taxonomy waits for it. Fed in the order loadCorpus reads them (taxonomy, digests, a reader's digests,
// glossary), it builds the same corpus with the same diagnostics in the same order.
class CorpusAssembly {
public:
    void addTaxonomy(const SourceFile& file);  // the first one counts
    void addDigest(const SourceFile& file, Origin origin = Origin::Bundled);
    void addGlossary(SourceFile file);
    // A file of the bundled list, by its base name (topics.json, glossary.json, else a digest); its bytes are
    // let go once parsed.
    void add(SourceFile&& file);
    // The corpus of everything added (a missing topics.json is reported as such); the assembly is empty again.
    Corpus finish(std::vector<Diagnostic>& out);

private:
    void parse(const SourceFile& file, Origin origin);

    bool haveTaxonomy_ = false;
    std::vector<Topic> topics_;
    TopicLookup lookup_;
    std::vector<Diagnostic> found_;                          // the files' own diagnostics, in the order parsed
    std::vector<std::pair<DigestRecord, Origin>> records_;
    std::vector<std::pair<SourceFile, Origin>> waiting_;     // digests that came before the taxonomy
    SourceFile glossary_;                                    // parsed last, as loadCorpus does (small)
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
