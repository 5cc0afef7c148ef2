// Merging digests into a corpus: the rules that make one paper of every entry with the same id, used both to
// build a corpus from its files and to add a reader's digests on top of a built (or snapshot-loaded) one.
//
// Order decides what "first" means (the title, links and author spelling kept): bundled digests are merged
// first, in month order, then the reader's, in month order within each batch they are added in. A corpus built
// from all its files in one go and one built from the bundled files with the reader's merged on top later are
// therefore the same corpus (bundled papers keep their numbers; the reader's new papers follow them).
#pragma once
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/digest_parser.h"
#include "core/model.h"

namespace papertide::core {

// What a merge changed, for whoever keeps structures derived from the corpus (the search index).
struct MergeChange {
    PaperIndex firstNewPaper = 0;        // papers [firstNewPaper, papers.size()) are new
    std::vector<PaperIndex> touched;     // older papers a merged digest also picked (their text grew), ascending
    std::vector<DigestIndex> added;      // the merged digests' places in corpus.digests, ascending
    size_t skipped = 0;                  // digests refused for a taken id
};

// Adds parsed digests to `corpus` (which may be empty: then `corpus.topics`/`topicById` must be set). A digest
// whose id is already in the corpus, or earlier in `records`, is skipped with an error at "/id"; everything
// else is merged, and the corpus's digest order, paper appearances, author lists, inferred topics and month
// axis are brought up to date. Costs O(new entries) plus O(appearances) index updates when a digest lands
// between older ones.
MergeChange mergeDigests(Corpus& corpus, std::vector<DigestRecord> records, Origin origin,
                         std::vector<Diagnostic>& out);

}  // namespace papertide::core
