// What a paper card shows beyond the model itself: a BibTeX entry (related papers: core/related_papers.h).
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace papertide::core {

// A @misc/@article entry with title, authors, year and the best link; arXiv papers get eprint fields.
std::string bibtexEntry(const Corpus& corpus, PaperIndex paper);

}  // namespace papertide::core
