// What a paper card shows beyond the model itself: related papers and a BibTeX entry.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace papertide::core {

struct RelatedPaper {
    PaperIndex paper;
    int sharedTopics;
    bool sameDigest;
};
// Papers sharing topics or a digest with `paper`, strongest first (same digest and more shared topics first).
std::vector<RelatedPaper> relatedPapers(const Corpus& corpus, PaperIndex paper, size_t limit = 8);

// A @misc/@article entry with title, authors, year and the best link; arXiv papers get eprint fields.
std::string bibtexEntry(const Corpus& corpus, PaperIndex paper);

}  // namespace papertide::core
