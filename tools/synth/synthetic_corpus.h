// Deterministic synthetic corpora for benchmarks and scale tests: valid digest files (docs/corpus-format.md)
// of any size, one digest per month over as many months as needed, modelled on the seed corpus: Chinese
// summaries built from a vocabulary of Chinese phrases, English titles and author names, topic mixes that
// drift over time, ~10% of papers recommended again in a later digest. Never part of the app.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace papertide::synth {

struct Options {
    uint64_t papers = 1000;    // distinct papers (appearances are ~10% more)
    uint64_t seed = 1;
    int months = 0;            // 0: automatic (papers / 40, at least 12, at most 480 = 40 years)
    std::string lastMonth = "2025-12";
    double recurrence = 0.10;  // share of papers picked again by a later digest
};

// Chinese phrases the summaries are built from (most frequent first after shuffling by the seed).
struct Vocabulary {
    std::vector<std::string> zhPhrases;
    // A built-in list of AI-research words and phrases.
    static Vocabulary builtin();
    // CJK runs of the given texts (e.g. the bytes of data/digests/*.json), cut into 2-4 character phrases,
    // unique, in first-seen order; the built-in list is appended so small inputs still give variety.
    static Vocabulary fromTexts(const std::vector<std::string>& texts);
};

struct Stats {
    uint64_t digests = 0;
    uint64_t papers = 0;
    uint64_t appearances = 0;
    uint64_t bytes = 0;
};

// Called once per output file with its path relative to the corpus root ("topics.json",
// "digests/<id>.json") and its bytes.
using FileSink = std::function<void(const std::string& path, std::string&& bytes)>;

// Generates the corpus. `topicsJson` is the taxonomy (data/topics.json); it is emitted unchanged as
// "topics.json" and its ids and keywords shape the papers. Returns false with `error` on bad input.
bool generate(const Options& options, std::string_view topicsJson, const Vocabulary& vocabulary,
              const FileSink& sink, Stats& stats, std::string& error);

}  // namespace papertide::synth
