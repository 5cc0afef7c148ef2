// Finding where the paper entries of an article begin (see entry_starts.cpp).
#pragma once
#include <vector>

#include "import/article_text.h"
#include "import/line_classify.h"

namespace papertide::import {

// Lines of a table of contents: numbered titles that the article repeats later as entries.
std::vector<bool> markTableOfContents(const std::vector<ArticleLine>& lines, const std::vector<LineInfo>& infos, size_t end);
// true for each line that begins a paper entry (lines at or after `end` are never starts).
std::vector<bool> findEntryStarts(const std::vector<ArticleLine>& lines, const std::vector<LineInfo>& infos, size_t end,
                                  const std::vector<bool>& toc);
// A line that opens with an anchor to a paper (arXiv, OpenReview, DOI, code) whose text is an English title:
// that title, else "".
std::string leadingLinkTitle(const ArticleLine& line);
// The line is backed by an author line, a paper link, a ❓Why block or "(from …)" within the next lines.
bool evidenceAfter(const std::vector<ArticleLine>& lines, const std::vector<LineInfo>& infos, size_t i, size_t end);

}  // namespace papertide::import
