// How a paper's data reads as text in the reader's language: topic labels, author and month summaries. Shared by
// the ImGui panels and the screen-reader mirror.
#pragma once
#include <string>

#include "app/strings.h"
#include "core/lookup_links.h"
#include "core/model.h"
#include "core/related_papers.h"

namespace papertide::app {

const char* topicLabel(Lang lang, const core::Topic& topic);
std::string authorSummary(Lang lang, const core::Corpus& corpus, const core::Paper& paper, size_t maxAuthors);
std::string paperMonths(const core::Corpus& corpus, const core::Paper& paper);  // "2022-04 · 2022-06"
// A look-up link's label ("Search arXiv"), translated by its key.
const char* lookupLabel(Lang lang, const core::LookupLink& link);
// Why a paper is related, in a line: "shares: diffusion, denoising · Diffusion & image generation · same digest".
std::string relatedReasons(Lang lang, const core::Corpus& corpus, const core::RelatedPaper& related);

}  // namespace papertide::app
