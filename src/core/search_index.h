// Full-text search over papers: exact substring semantics for Chinese (character bigram postings, then
// verification) and word-prefix matching for Latin text, both on case-, width- and accent-folded text.
//
// Layout (built once per corpus, memory-lean at 100,000-1,000,000 papers): every paper's folded text in one
// buffer; the keys (CJK unigrams/bigrams as sorted 64-bit codes, Latin words as one sorted string table) and
// their posting lists in one flat byte array: per key, delta-coded paper numbers as varints, each carrying the
// key's capped hit count and the zone of its first hit, so single-key terms need neither verification nor a
// rescan for relevance; beside them, each posting's first position, so longer terms are mostly confirmed by
// one comparison where their rarest key puts them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"

namespace papertide::core {

// A parsed query: whitespace separates terms (all must match), "quoted phrases" keep their spaces,
// and a leading '-' excludes a term. Terms are folded.
struct SearchQuery {
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    // Added by expandSearchQuery (core/glossary.h): other spellings that also satisfy a run of included
    // terms (include[first, first + count), e.g. "continual" "learning") or one excluded term
    // (exclude[first]). A run is satisfied by all of its terms or by any one variant; an excluded term's
    // variants are excluded too. Empty for an exact query.
    struct Expansion {
        bool excluded = false;
        size_t first = 0, count = 1;
        std::string term;                   // the typed term(s), folded, joined by single spaces
        std::vector<std::string> variants;  // folded: what matching uses
        std::vector<std::string> shown;     // the same variants as the glossary writes them, for display
    };
    std::vector<Expansion> expansions;
    bool empty() const { return include.empty() && exclude.empty(); }
};
SearchQuery parseSearchQuery(std::string_view text);

// The terms of a query as typed: folded text, and whether it was "quoted" or -negated.
struct QueryToken {
    std::string text;
    bool quoted = false;
    bool negated = false;
};
std::vector<QueryToken> tokenizeSearchQuery(std::string_view text);

class SearchIndex {
public:
    SearchIndex() = default;
    explicit SearchIndex(const Corpus& corpus);
    // The index of `corpus` after mergeDigests (core/corpus_merge.h) added digests to the corpus `base` indexed:
    // papers [base.paperCount(), corpus.papers.size()) are new and `touched` (ascending) gained text. Only their
    // text is tokenized; base lists no changed paper is in are copied as they are. Equal to SearchIndex(corpus).
    static SearchIndex afterMerge(SearchIndex base, const Corpus& corpus, const std::vector<PaperIndex>& touched);

    // Papers matching every included term (or one of its expansion's variants) and no excluded term (nor
    // its variants), in ascending index order.
    std::vector<PaperIndex> match(const SearchQuery& query) const;
    // Higher is better: hits in the title outrank hits in authors or ids, which outrank hits in summaries.
    // Per included term: 10 (first hit in the title) or 6 (in authors/id), plus 0.4 per hit up to 5 hits;
    // an expanded term scores as its best-scoring alternative.
    double relevance(PaperIndex paper, const SearchQuery& query) const;
    bool matches(PaperIndex paper, std::string_view foldedTerm) const;
    size_t paperCount() const { return docStart_.empty() ? 0 : docStart_.size() - 1; }
    size_t memoryBytes() const;
    // A paper's titles as the index holds them, folded: its title, then each digest's Chinese title, each of
    // those after " \x1f ". Lets other features read folded titles without folding the corpus again.
    std::string_view foldedTitles(PaperIndex paper) const { return docText(paper).substr(0, titleEnd_[paper]); }

    // --- fast paths for filters and sorting (the same answers as match() and relevance()) -------------
    struct Scored {
        std::vector<PaperIndex> papers;  // ascending
        std::vector<uint32_t> scores;    // relevance * 5 (an exact integer), aligned with papers; empty unless asked
    };
    Scored matchScored(const SearchQuery& query, bool withScores) const;
    uint32_t relevanceFifths(PaperIndex paper, const SearchQuery& query) const;

    // Dense ranks of every paper under sortPapers' orders (equal papers share a rank), computed with the index.
    enum class Rank { Newest, Oldest, Title, Recurrence };
    const std::vector<uint32_t>& rank(Rank which) const { return ranks_[static_cast<int>(which)]; }
    // Every paper in that order (equal ranks by paper number): sorting a large ascending subset is one walk.
    const std::vector<PaperIndex>& order(Rank which) const { return orders_[static_cast<int>(which)]; }

private:
    friend class SearchIndexBuilder;
    friend class SearchIndexMerger;  // merges an overlay of changed papers into a built index
    friend class SnapshotCodec;  // snapshots store and load the arrays as they are (core/snapshot.h)
    friend class RelatedIndex;  // content similarity reads the postings (core/related_papers.h)
    struct TermPlan;
    struct DocSet;

    std::string_view docText(PaperIndex paper) const {
        return std::string_view(text_).substr(docStart_[paper], docStart_[paper + 1] - docStart_[paper]);
    }
    size_t findTerm(PaperIndex paper, std::string_view term, size_t from) const;
    uint32_t termFifths(PaperIndex paper, std::string_view term) const;  // 0 when the term does not match
    TermPlan plan(std::string_view term) const;
    size_t listCount() const { return listCount_.size(); }
    std::string_view word(size_t w) const {
        return std::string_view(words_).substr(wordStart_[w], wordStart_[w + 1] - wordStart_[w]);
    }
    size_t wordCount() const { return wordStart_.empty() ? 0 : wordStart_.size() - 1; }
    // The words that start with `prefix`, [first, last) in the sorted vocabulary (first = the first word >= prefix,
    // so a word equal to `prefix` is there exactly when first < last and word(first) == prefix).
    std::pair<size_t, size_t> wordsStartingWith(std::string_view prefix) const;
    size_t firstWordNotBelow(std::string_view w) const;  // the vocabulary's lower bound of w
    // Exact lookups in the sorted keys: a word's index in the vocabulary, a gram's list (a word's list is
    // gramKeys_.size() + its index).
    std::optional<size_t> findWord(std::string_view w) const;
    std::optional<uint32_t> findGram(uint64_t key) const;
    bool hasPositions(uint32_t first, uint32_t last) const;
    void decodeList(uint32_t list, DocSet& out, bool withMeta, bool withPos) const;
    void unionLists(uint32_t first, uint32_t last, DocSet& out, bool withMeta, bool withPos) const;
    void intersectList(uint32_t first, uint32_t last, DocSet& set, std::vector<uint32_t>* scores, bool addScores,
                       bool take) const;
    void subtractLists(uint32_t first, uint32_t last, DocSet& set, std::vector<uint32_t>* scores) const;
    bool confirmedAt(PaperIndex paper, uint32_t keyPos, uint32_t offset, std::string_view term, bool wordStart) const;
    void matchTerms(const std::vector<TermPlan>& plans, DocSet& set, std::vector<uint32_t>& scores, bool withScores,
                    bool fromAll) const;
    void excludeTerm(std::string_view term, DocSet& set, std::vector<uint32_t>& scores, bool withScores) const;

    // Folded text of every paper: [title (+ Chinese titles) | " \x1f " authors; id | summaries].
    std::string text_;
    std::vector<uint64_t> docStart_;  // papers + 1 offsets into text_
    std::vector<uint32_t> titleEnd_;  // per paper, relative to its start
    std::vector<uint32_t> authorsEnd_;
    // Keys: CJK grams first (list i = gramKeys_[i]), then Latin words (list gramKeys_.size() + w = word(w)).
    std::vector<uint64_t> gramKeys_;  // sorted: (first code point << 21) | second (0 for a unigram)
    std::string words_;               // sorted vocabulary, concatenated
    std::vector<uint32_t> wordStart_;  // words + 1 offsets into words_
    std::vector<uint64_t> listStart_;  // lists + 1 offsets into postings_
    std::vector<uint32_t> listCount_;  // papers per list
    std::vector<uint8_t> postings_;
    // Per posting, where the key first occurs in the paper's text (bytes): a phrase is then confirmed by one
    // comparison at the place its rarest key puts it, instead of a scan of the whole text. Only for keys in at
    // most 1/4 of the papers (an empty range means none).
    std::vector<uint64_t> posStart_;  // lists + 1 offsets into positions_
    std::vector<uint8_t> positions_;  // varints, in the order of postings_
    // Stored unions of the words starting with one or two characters ("l", "la"): prefix -> list number.
    std::vector<std::pair<std::string, uint32_t>> prefixLists_;
    std::vector<uint32_t> ranks_[4];
    std::vector<PaperIndex> orders_[4];
};

}  // namespace papertide::core
