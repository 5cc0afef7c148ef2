// The snapshot's section encoders and decoders (corpus: snapshot_corpus.cpp, index: snapshot_index.cpp) and
// the consistency checks run after loading (snapshot_check.cpp). Not part of the core's interface.
#pragma once
#include <string>
#include <vector>

#include "core/snapshot.h"
#include "core/snapshot_stream.h"

namespace papertide::core {

// Reads and writes SearchIndex's private arrays (a friend of SearchIndex).
class SnapshotCodec {
public:
    static void writeIndex(snapshot_detail::SnapshotWriter& w, const SearchIndex& index);
    // False if `id` is not an index section; else decodes it (errors go to the reader).
    static bool readIndexSection(snapshot_detail::SectionReader& r, uint32_t id, SearchIndex& index);
    // The large byte arrays (text, postings, positions) can also be read in parts while they arrive: the next
    // `bytes` of section `id` appended (false with the reader's error when they cannot be).
    static bool readsInParts(uint32_t id);
    static bool readIndexSectionPart(snapshot_detail::SectionReader& r, uint32_t id, SearchIndex& index, uint64_t bytes);
    // The index checked against the corpus, in four parts that the reader runs as soon as their sections are in
    // (snapshot.cpp, kCrossChecks); each "" or the first problem. Lists: the papers' zones, the vocabulary, every
    // list's offsets and every posting and position.
    static std::string checkIndexLists(const SearchIndex& index, size_t papers);
    // The papers' text within the index text.
    static std::string checkIndexText(const SearchIndex& index);
    // The prefix lists, and that the lists are exactly the grams', the words' and the prefixes'.
    static std::string checkIndexPrefixes(const SearchIndex& index);
    // The four sort orders: permutations of the papers that agree with their ranks.
    static std::string checkIndexOrders(const SearchIndex& index, size_t papers);
};

namespace snapshot_detail {

void writeCorpusSections(SnapshotWriter& w, const Corpus& corpus, const std::vector<Diagnostic>& diagnostics);
// False if `id` is not a corpus section; else decodes it (errors go to the reader).
bool readCorpusSection(SectionReader& r, uint32_t id, Snapshot& out);
// Cross-references, month axis, topic masks and unique ids; builds the id maps. "" or the first problem.
std::string checkCorpus(Corpus& corpus, const std::vector<Diagnostic>& diagnostics);

}  // namespace snapshot_detail
}  // namespace papertide::core
