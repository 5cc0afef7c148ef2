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
    // Every array size, offset, posting and permutation checked against the corpus: "" or the first problem.
    static std::string checkIndex(const SearchIndex& index, size_t papers);
};

namespace snapshot_detail {

void writeCorpusSections(SnapshotWriter& w, const Corpus& corpus, const std::vector<Diagnostic>& diagnostics);
// False if `id` is not a corpus section; else decodes it (errors go to the reader).
bool readCorpusSection(SectionReader& r, uint32_t id, Snapshot& out);
// Cross-references, month axis, topic masks and unique ids; builds the id maps. "" or the first problem.
std::string checkCorpus(Corpus& corpus, const std::vector<Diagnostic>& diagnostics);

}  // namespace snapshot_detail
}  // namespace papertide::core
