// Related papers by content: tf-idf cosine over the papers' own text (Latin words, lightly stemmed, and CJK
// bigrams of titles and every digest's summary/why/insight/Chinese title), blended with shared topics and
// recurrence, each result with the reasons a reader can check (shared terms, shared topics, same digest).
//
// It reads the search index's postings (capped hit counts per paper and key), so it adds only one number per
// paper (the length of its tf-idf vector) to memory; a paper's list walks the postings of its own 40 most
// distinctive terms.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/search_index.h"

namespace papertide::core {

struct RelatedReason {
    enum class Kind { Term, Topic, Digest };
    Kind kind = Kind::Term;
    std::string text;       // the shared term as the paper writes it (folded), the topic's English label, the digest id
    uint32_t index = 0;     // the TopicIndex or DigestIndex for Topic and Digest reasons
};

struct RelatedPaper {
    PaperIndex paper = 0;
    double score = 0;    // 0..1, the blend that orders the list
    double content = 0;  // cosine similarity of the two papers' texts, 0..1
    int sharedTopics = 0;
    bool sameDigest = false;
    std::vector<RelatedReason> why;  // strongest first: terms, then topics, then the digest
};

class RelatedIndex {
public:
    RelatedIndex() = default;
    // One pass over the index's postings: each paper's tf-idf vector length.
    explicit RelatedIndex(const SearchIndex& index);
    // The same corpus and index as the constructor's. Deterministic: ties go to the lower paper number.
    std::vector<RelatedPaper> related(const Corpus& corpus, const SearchIndex& index, PaperIndex paper,
                                      size_t limit = 8) const;
    size_t memoryBytes() const { return norm_.capacity() * sizeof(float) + contentKey_.capacity(); }

private:
    std::vector<float> norm_;          // per paper
    std::vector<uint8_t> contentKey_;  // per posting list: 1 for a CJK bigram or a word that carries meaning
};

// Builds the similarity index and answers one paper (for one-off callers: the CLI, tests).
std::vector<RelatedPaper> relatedPapers(const Corpus& corpus, const SearchIndex& index, PaperIndex paper,
                                        size_t limit = 8);

// The light stemmer the similarity uses ("retrieval", "retrieved", "retrieving" -> "retriev").
std::string lightStem(std::string_view word);

}  // namespace papertide::core
