// Paper entries of a draft as format-1 JSON: ids reused from the corpus or made by the format's rules,
// titles never invented, topics inferred from the taxonomy; each doubt becomes a warning.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "import/article_import.h"
#include "import/entry_extract.h"

namespace papertide::import {

// Corpus lookups built once per draft: slug of every English title -> paper id.
struct CorpusIndex {
    explicit CorpusIndex(const core::Corpus& corpus);
    const core::Corpus& corpus;
    std::unordered_map<std::string, std::string> idByTitleSlug;
};

// The JSON of entry `index`; appends its warnings (entry = index) and returns whether it is uncertain.
bool paperJson(const DraftEntry& entry, size_t index, const std::string& sectionId, const std::string& digestId,
               const CorpusIndex& index_, nlohmann::ordered_json& out, std::vector<ImportWarning>& warnings);

}  // namespace papertide::import
