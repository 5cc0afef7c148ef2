// The topic taxonomy file (data/topics.json): ids, bilingual labels, colours and inference keywords.
#pragma once
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"

namespace papertide::core {

// Parses and validates topics.json. Invalid topic entries are reported and left out; valid ones are kept.
std::vector<Topic> parseTaxonomy(std::string_view file, std::string_view bytes, std::vector<Diagnostic>& out);

}  // namespace papertide::core
