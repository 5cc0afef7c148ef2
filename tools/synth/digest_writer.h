// The bytes of one synthetic digest file (docs/corpus-format.md): its papers, with Chinese summaries, notes,
// news and references made of vocabulary phrases sampled so a few are common and most are rare.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/month.h"
#include "json_writer.h"
#include "paper_maker.h"
#include "synth_random.h"
#include "synthetic_corpus.h"

namespace papertide::synth::detail {

// A paper listed in a digest, and whether this digest is its first appearance.
using DigestEntry = std::pair<const PaperSeed*, bool>;

class DigestWriter {
public:
    // Shuffles the vocabulary with `rng` (the built-in one if it is empty): which phrases are common depends
    // on the seed.
    DigestWriter(Rng& rng, const std::vector<TopicModel>& topics, const Vocabulary& vocabulary);

    // The digest of `month` listing `entries` in order: the first 10 in section "main", the rest in "others".
    std::string digest(core::MonthNumber month, const std::vector<DigestEntry>& entries);

private:
    void sentence(std::string& out, const PaperSeed* p);
    std::string paragraphs(size_t targetChars, const PaperSeed* p);
    void paperJson(JsonWriter& j, const PaperSeed& p, const char* section);

    Rng& rng_;
    const std::vector<TopicModel>& topics_;
    std::vector<std::string> zh_;
    Zipf zhZipf_;
};

}  // namespace papertide::synth::detail
