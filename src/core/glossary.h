// The bilingual glossary (data/glossary.json): groups of equivalent English and Chinese machine-learning
// terms, and the query expansion built on it (a term also finds its counterparts in the other language).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"

namespace papertide::core {

struct SearchQuery;

// One group of equivalent terms. Variants are kept as written (for display) and folded (for matching).
struct GlossaryEntry {
    std::vector<std::string> en, zh;        // as written in the file
    std::vector<std::string> foldedEn, foldedZh;
};

class Glossary {
public:
    Glossary() = default;
    explicit Glossary(std::vector<GlossaryEntry> entries);
    bool empty() const { return entries_.empty(); }
    size_t size() const { return entries_.size(); }
    const std::vector<GlossaryEntry>& entries() const { return entries_; }
    // Entries with a variant equal to this folded text (an English plural also finds its singular).
    std::vector<uint32_t> lookup(std::string_view folded) const;
    // The most words any variant has: how far the query expansion looks ahead for multi-word terms.
    size_t maxWords() const { return maxWords_; }

private:
    std::vector<GlossaryEntry> entries_;
    std::unordered_map<std::string, std::vector<uint32_t>> byVariant_;
    size_t maxWords_ = 1;
};

// Parses and validates glossary.json. Bad entries are reported (file, pointer, line:col) and left out.
Glossary parseGlossary(std::string_view file, std::string_view bytes, std::vector<Diagnostic>& out);

// True when every text holding `longer` also holds `shorter` under search semantics (`shorter` occurs in
// `longer`, at a word start if it starts with a letter or digit): then `longer` adds nothing as an alternative.
bool termImplies(std::string_view longer, std::string_view shorter);

// parseSearchQuery plus expansion: each unquoted term (or run of terms spelling a glossary entry, such as
// `continual learning`) also matches the other variants of its entries. A Chinese compound the glossary does not
// list but spells from its terms (视频理解 = 视频 + 理解) is taken as those terms, as an English phrase is taken
// as its words. Quoted terms are kept exact. The expansions are listed in query.expansions, for matching and
// for display.
SearchQuery expandSearchQuery(std::string_view text, const Glossary& glossary);

}  // namespace papertide::core
