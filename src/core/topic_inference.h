// Assigns topics to papers no digest tagged, from the taxonomy's keywords found in title and summary.
#pragma once
#include <string_view>
#include <vector>

#include "core/model.h"

namespace papertide::core {

struct TopicScore {
    TopicIndex topic;
    int score;
};

// Scores every topic by keyword hits (a title hit weighs three times a body hit). Inputs must be folded.
std::vector<TopicScore> scoreTopics(const std::vector<Topic>& topics, std::string_view foldedTitle,
                                    std::string_view foldedBody);
// Up to `maxTopics` topics scoring at least half the best; the "general" topic (if any) when nothing matches.
TopicMask inferTopics(const std::vector<Topic>& topics, std::string_view foldedTitle, std::string_view foldedBody,
                      int maxTopics = 3);

// How well inference agrees with curated topics, over papers whose topics a digest gave.
struct InferenceAgreement {
    size_t papers = 0;
    size_t exact = 0;        // inferred set == curated set
    size_t firstCorrect = 0; // the best-scoring inferred topic is among the curated ones
    size_t overlap = 0;      // at least one topic in common
    size_t truePositives = 0, inferredTotal = 0, curatedTotal = 0;
    double precision() const { return inferredTotal ? double(truePositives) / inferredTotal : 0; }
    double recall() const { return curatedTotal ? double(truePositives) / curatedTotal : 0; }
};
InferenceAgreement measureInference(const Corpus& corpus);

// The folded text inference reads for a paper: title (+ Chinese title) and body (summaries of all appearances).
void paperInferenceText(const Corpus& corpus, const Paper& paper, std::string& foldedTitle, std::string& foldedBody);

}  // namespace papertide::core
