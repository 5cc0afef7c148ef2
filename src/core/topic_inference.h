// Assigns topics to papers no digest tagged, from the taxonomy's keywords found in title and summary.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace papertide::core {

struct TopicScore {
    TopicIndex topic;
    int score;
};

// Keywords left out of scoring: off[t][k] for keyword k of topic t, counting keywordsEn first, then
// keywordsZh. Shorter rows (or a missing row) leave the remaining keywords on.
using KeywordMask = std::vector<std::vector<bool>>;

// Occurrences of a folded keyword in folded text; a Latin keyword must start at a word boundary.
int countKeywordHits(std::string_view foldedText, std::string_view keyword);

// Scores every topic by keyword hits (a title hit weighs three times a body hit). Inputs must be folded.
std::vector<TopicScore> scoreTopics(const std::vector<Topic>& topics, std::string_view foldedTitle,
                                    std::string_view foldedBody, const KeywordMask* off = nullptr);
// Up to `maxTopics` topics scoring at least half the best; the "general" topic (if any) when nothing matches.
TopicMask inferTopics(const std::vector<Topic>& topics, std::string_view foldedTitle, std::string_view foldedBody,
                      int maxTopics = 3, const KeywordMask* off = nullptr);

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

// How inference is judged against the curated topics.
//  Plain: every keyword counts (the keywords were written while looking at these very papers, so this
//         flatters them).
//  HeldOutDigests: a paper is scored only with keywords that some paper outside the paper's own digests
//         also contains, as if its digest were the next, unseen one; a keyword found only in the papers
//         of one digest (e.g. copied from one title) earns that digest nothing.
enum class InferenceEvaluation { Plain, HeldOutDigests };

// One curated paper's inference under an evaluation.
struct InferredPaper {
    PaperIndex paper = 0;
    TopicMask inferred = 0;
    int bestPicked = -1;  // the best-scoring topic inference picked; -1 when only the "general" fallback was
};
std::vector<InferredPaper> inferCuratedPapers(const Corpus& corpus,
                                              InferenceEvaluation evaluation = InferenceEvaluation::Plain);
InferenceAgreement measureInference(const Corpus& corpus, InferenceEvaluation evaluation = InferenceEvaluation::Plain);

// Keywords ("topic-id: keyword") that match some paper yet are credited to none by the held-out
// evaluation: every paper they match shares a digest with every other one (e.g. copied from one title).
// Candidates for replacing with words typical of the topic.
std::vector<std::string> heldOutUncreditedKeywords(const Corpus& corpus);

// The folded text inference reads for a paper: title (+ Chinese title) and body (summaries of all appearances).
void paperInferenceText(const Corpus& corpus, const Paper& paper, std::string& foldedTitle, std::string& foldedBody);

}  // namespace papertide::core
