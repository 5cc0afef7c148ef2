// Fuzz harness: digest files and topics.json (parseDigest against the real data/topics.json, parseTaxonomy), the JSON
// tree under them, and a valid digest merged on top of the seed corpus as the app adds a reader's file.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unordered_set>

#include "core/corpus_loader.h"
#include "core/corpus_merge.h"
#include "core/digest_parser.h"
#include "core/json_reader.h"
#include "core/search_index.h"
#include "core/snapshot.h"
#include "core/taxonomy.h"
#include "core/text.h"
#include "harness_support.h"
#include "harnesses.h"

namespace papertide::fuzz {

using namespace papertide::core;

namespace {

struct SeedTaxonomy {
    std::vector<Topic> topics;
    TopicLookup lookup;
};

const SeedTaxonomy& seedTaxonomy() {
    static const SeedTaxonomy seed = [] {
        SeedTaxonomy s;
        std::vector<Diagnostic> diagnostics;
        std::string bytes = readDataFile("topics.json");
        s.topics = parseTaxonomy("topics.json", bytes, diagnostics);
        if (s.topics.empty() || countErrors(diagnostics) != 0) {
            std::fprintf(stderr, "fuzz: cannot load %s/topics.json\n", dataDir().c_str());
            std::abort();
        }
        for (TopicIndex t = 0; t < s.topics.size(); ++t) s.lookup[s.topics[t].id] = t;
        return s;
    }();
    return seed;
}

// The seed digests, parsed, and the corpus and index built from them once: what a reader's digest goes on top of.
struct SeedBuild {
    std::vector<DigestRecord> records;
    Corpus corpus;
    SearchIndex index;
};

const SeedBuild& seedBuild() {
    static const SeedBuild seed = [] {
        SeedBuild s;
        std::vector<std::string> paths;
        for (const auto& entry : std::filesystem::directory_iterator(dataDir() + "/digests"))
            if (entry.path().extension() == ".json") paths.push_back(entry.path().string());
        std::sort(paths.begin(), paths.end());
        std::vector<Diagnostic> diagnostics;
        std::vector<std::pair<DigestRecord, Origin>> records;
        for (const std::string& path : paths)
            if (auto r = parseDigest(path, readWholeFile(path), seedTaxonomy().lookup, diagnostics)) {
                s.records.push_back(*r);
                records.emplace_back(std::move(*r), Origin::Bundled);
            }
        s.corpus = buildCorpus(seedTaxonomy().topics, std::move(records), diagnostics);
        s.index = SearchIndex(s.corpus);
        return s;
    }();
    return seed;
}

// A reader's digest merged on top of the seed corpus and index (as the app adds one) is exactly the corpus and index
// built from all the files at once.
void checkMergeOnTop(const DigestRecord& record) {
    const SeedBuild& seed = seedBuild();
    Corpus corpus = seed.corpus;
    std::vector<Diagnostic> merging;
    MergeChange change = mergeDigests(corpus, {record}, Origin::User, merging);
    SearchIndex index = SearchIndex::afterMerge(seed.index, corpus, change.touched);
    std::vector<std::pair<DigestRecord, Origin>> all;
    for (const DigestRecord& r : seed.records) all.emplace_back(r, Origin::Bundled);
    all.emplace_back(record, Origin::User);
    std::vector<Diagnostic> building;
    Corpus rebuilt = buildCorpus(seedTaxonomy().topics, std::move(all), building);
    PAPERTIDE_FUZZ_CHECK(writeSnapshot(corpus, index, {}) == writeSnapshot(rebuilt, SearchIndex(rebuilt), {}),
                         "merged on top differs from a build of all the files: " + record.digest.id);
}

}  // namespace

int digest(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const SeedTaxonomy& seed = seedTaxonomy();

    // Every third input also runs with tight limits, so the limit paths are exercised at fuzzing sizes.
    DigestLimits limits;
    if (size % 3 == 0) {
        limits.maxPapers = 2;
        limits.maxTextBytes = 64;
    }
    std::vector<Diagnostic> diagnostics;
    std::optional<DigestRecord> record = parseDigest("fuzz.json", bytes, seed.lookup, diagnostics, limits);
    checkDiagnostics(diagnostics, "fuzz.json", size);
    PAPERTIDE_FUZZ_CHECK(record.has_value() == (countErrors(diagnostics) == 0),
                         "a digest is returned exactly when there is no error");
    if (record) {
        const Digest& d = record->digest;
        PAPERTIDE_FUZZ_CHECK(!d.id.empty() && !d.sections.empty() && !record->papers.empty(), d.id);
        PAPERTIDE_FUZZ_CHECK(record->papers.size() <= limits.maxPapers, d.id);
        for (const PaperEntry& p : record->papers) {
            PAPERTIDE_FUZZ_CHECK(p.section < d.sections.size(), p.id);
            for (const Link& l : p.links) PAPERTIDE_FUZZ_CHECK(isSafeHttpUrl(l.url), l.url);
            PAPERTIDE_FUZZ_CHECK(p.summary.size() <= limits.maxTextBytes, p.id);
        }
        checkMergeOnTop(*record);
        // Merge it into a corpus and index it, as the app does with a reader's file.
        std::vector<std::pair<DigestRecord, Origin>> records;
        records.emplace_back(std::move(*record), Origin::User);
        std::vector<Diagnostic> merged;
        Corpus corpus = buildCorpus(seed.topics, std::move(records), merged);
        PAPERTIDE_FUZZ_CHECK(corpus.digests.size() == 1 && !corpus.papers.empty(), "the digest is in the corpus");
        for (const Paper& p : corpus.papers) PAPERTIDE_FUZZ_CHECK(!p.appearances.empty(), p.id);
        SearchIndex index(corpus);
        PAPERTIDE_FUZZ_CHECK(index.paperCount() == corpus.papers.size(), "index size");
    }

    std::vector<Diagnostic> taxonomyDiagnostics;
    std::vector<Topic> topics = parseTaxonomy("topics.json", bytes, taxonomyDiagnostics);
    checkDiagnostics(taxonomyDiagnostics, "topics.json", size);
    PAPERTIDE_FUZZ_CHECK(topics.size() <= kMaxTopics, "too many topics kept");
    PAPERTIDE_FUZZ_CHECK(!topics.empty() || countErrors(taxonomyDiagnostics) > 0, "an empty taxonomy is an error");
    std::unordered_set<std::string> ids;
    for (const Topic& t : topics) {
        PAPERTIDE_FUZZ_CHECK(ids.insert(t.id).second, "duplicate topic kept: " + t.id);
        PAPERTIDE_FUZZ_CHECK(t.color <= 0xFFFFFF, t.id);
    }

    // The tree itself, with tight limits on every third input.
    JsonLimits jsonLimits;
    if (size % 3 == 1) {
        jsonLimits.maxDepth = 4;
        jsonLimits.maxNodes = 64;
        jsonLimits.maxBytes = 2048;
    }
    JsonDocument doc;
    JsonParseError error;
    if (doc.parse(bytes, error, jsonLimits)) {
        PAPERTIDE_FUZZ_CHECK(doc.nodeCount() >= 1 && doc.nodeCount() <= jsonLimits.maxNodes, "node count");
        checkTree(doc, size);
    } else {
        PAPERTIDE_FUZZ_CHECK(!error.message.empty() && error.offset <= size, error.message);
        PAPERTIDE_FUZZ_CHECK(doc.nodeCount() == 0, "a failed parse leaves no nodes");
    }
    return 0;
}

}  // namespace papertide::fuzz
