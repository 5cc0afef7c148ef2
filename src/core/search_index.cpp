#include "core/search_index.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace papertide::core {

namespace {

uint64_t gramKey(char32_t a, char32_t b) { return (uint64_t(a) << 32) | b; }

// Calls onWord(word) for each run of word characters and onCjk(a, b) for each CJK unigram (b == 0) and bigram.
template <typename OnWord, typename OnCjk>
void tokenize(std::string_view folded, OnWord onWord, OnCjk onCjk) {
    size_t pos = 0, wordStart = std::string_view::npos;
    char32_t prevCjk = 0;
    while (pos < folded.size()) {
        size_t start = pos;
        char32_t cp = decodeUtf8(folded, pos);
        if (isWordChar(cp)) {
            if (wordStart == std::string_view::npos) wordStart = start;
            prevCjk = 0;
            continue;
        }
        if (wordStart != std::string_view::npos) {
            onWord(folded.substr(wordStart, start - wordStart));
            wordStart = std::string_view::npos;
        }
        if (isCjk(cp)) {
            onCjk(cp, 0);
            if (prevCjk) onCjk(prevCjk, cp);
            prevCjk = cp;
        } else {
            prevCjk = 0;
        }
    }
    if (wordStart != std::string_view::npos) onWord(folded.substr(wordStart));
}

std::vector<PaperIndex> intersect(const std::vector<PaperIndex>& a, const std::vector<PaperIndex>& b) {
    std::vector<PaperIndex> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

bool precededByWordChar(std::string_view text, size_t pos) {
    if (pos == 0) return false;
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t p = start;
    return isWordChar(decodeUtf8(text, p));
}

}  // namespace

SearchQuery parseSearchQuery(std::string_view text) {
    SearchQuery q;
    std::string folded = foldForSearch(text);
    size_t i = 0;
    while (i < folded.size()) {
        if (folded[i] == ' ') { ++i; continue; }
        bool negate = folded[i] == '-' && i + 1 < folded.size() && folded[i + 1] != ' ';
        if (negate) ++i;
        std::string term;
        if (folded[i] == '"') {
            size_t close = folded.find('"', i + 1);
            term = folded.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
            i = close == std::string::npos ? folded.size() : close + 1;
        } else {
            size_t end = folded.find(' ', i);
            term = folded.substr(i, end == std::string::npos ? std::string::npos : end - i);
            i = end == std::string::npos ? folded.size() : end;
        }
        term = trim(term);
        if (term.empty()) continue;
        (negate ? q.exclude : q.include).push_back(std::move(term));
    }
    return q;
}

SearchIndex::SearchIndex(const Corpus& corpus) {
    docs_.resize(corpus.papers.size());
    std::map<std::string, std::vector<PaperIndex>, std::less<>> vocabulary;
    for (PaperIndex pi = 0; pi < corpus.papers.size(); ++pi) {
        const Paper& p = corpus.papers[pi];
        std::string title = p.title, authors, body;
        for (AuthorIndex a : p.authors) authors += corpus.authors[a].name + "; ";
        authors += p.id;
        for (AppearanceIndex ai : p.appearances) {
            const Appearance& a = corpus.appearances[ai];
            if (!a.titleZh.empty()) title += " \x1f " + a.titleZh;
            for (const std::string* s : {&a.summary, &a.why, &a.insight})
                if (!s->empty()) body += " \x1f " + *s;
        }
        Doc& d = docs_[pi];
        d.text = foldForSearch(title);
        d.titleEnd = static_cast<uint32_t>(d.text.size());
        d.text += " \x1f " + foldForSearch(authors);
        d.authorsEnd = static_cast<uint32_t>(d.text.size());
        d.text += foldForSearch(body);
        tokenize(
            d.text,
            [&](std::string_view word) {
                auto it = vocabulary.find(word);
                if (it == vocabulary.end()) it = vocabulary.emplace(std::string(word), std::vector<PaperIndex>{}).first;
                if (it->second.empty() || it->second.back() != pi) it->second.push_back(pi);
            },
            [&](char32_t a, char32_t b) {
                auto& list = cjkGrams_[gramKey(a, b)];
                if (list.empty() || list.back() != pi) list.push_back(pi);
            });
    }
    words_.reserve(vocabulary.size());
    wordPostings_.reserve(vocabulary.size());
    for (auto& [word, postings] : vocabulary) {
        words_.push_back(word);
        wordPostings_.push_back(std::move(postings));
    }
}

std::vector<PaperIndex> SearchIndex::candidates(std::string_view term) const {
    std::vector<std::vector<PaperIndex>> lists;
    bool impossible = false;
    tokenize(
        term,
        [&](std::string_view word) {
            // Any word starting with this token may hold the match (prefix semantics); union their postings.
            auto first = std::lower_bound(words_.begin(), words_.end(), word);
            std::vector<PaperIndex> merged;
            for (auto it = first; it != words_.end() && it->compare(0, word.size(), word) == 0; ++it) {
                const auto& postings = wordPostings_[it - words_.begin()];
                merged.insert(merged.end(), postings.begin(), postings.end());
            }
            std::sort(merged.begin(), merged.end());
            merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
            if (merged.empty()) impossible = true;
            lists.push_back(std::move(merged));
        },
        [&](char32_t a, char32_t b) {
            auto it = cjkGrams_.find(gramKey(a, b));
            if (it == cjkGrams_.end()) { impossible = true; return; }
            lists.push_back(it->second);
        });
    if (impossible) return {};
    if (lists.empty()) {  // nothing indexable (punctuation only): verify every paper
        std::vector<PaperIndex> all(docs_.size());
        for (PaperIndex i = 0; i < all.size(); ++i) all[i] = i;
        return all;
    }
    std::sort(lists.begin(), lists.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    std::vector<PaperIndex> result = std::move(lists.front());
    for (size_t i = 1; i < lists.size() && !result.empty(); ++i) result = intersect(result, lists[i]);
    return result;
}

size_t SearchIndex::findTerm(const Doc& doc, std::string_view term, size_t from) const {
    size_t pos = doc.text.find(term, from);
    // A term that starts with a letter or digit must start a word: "rl" matches "RL agents", not "world".
    if (!term.empty()) {
        size_t p = 0;
        bool wordStart = isWordChar(decodeUtf8(term, p));
        while (wordStart && pos != std::string::npos && precededByWordChar(doc.text, pos))
            pos = doc.text.find(term, pos + 1);
    }
    return pos;
}

bool SearchIndex::matches(PaperIndex paper, std::string_view term) const {
    return findTerm(docs_[paper], term, 0) != std::string::npos;
}

std::vector<PaperIndex> SearchIndex::match(const SearchQuery& query) const {
    std::vector<PaperIndex> result;
    if (query.include.empty()) {
        result.resize(docs_.size());
        for (PaperIndex i = 0; i < result.size(); ++i) result[i] = i;
    } else {
        // Verify the rarest term's candidates against every term.
        std::vector<std::vector<PaperIndex>> perTerm;
        for (const std::string& term : query.include) perTerm.push_back(candidates(term));
        std::sort(perTerm.begin(), perTerm.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
        result = perTerm.front();
        for (size_t i = 1; i < perTerm.size() && !result.empty(); ++i) result = intersect(result, perTerm[i]);
        result.erase(std::remove_if(result.begin(), result.end(),
                                    [&](PaperIndex p) {
                                        for (const std::string& term : query.include)
                                            if (!matches(p, term)) return true;
                                        return false;
                                    }),
                     result.end());
    }
    result.erase(std::remove_if(result.begin(), result.end(),
                                [&](PaperIndex p) {
                                    for (const std::string& term : query.exclude)
                                        if (matches(p, term)) return true;
                                    return false;
                                }),
                 result.end());
    return result;
}

double SearchIndex::relevance(PaperIndex paper, const SearchQuery& query) const {
    const Doc& d = docs_[paper];
    double score = 0;
    for (const std::string& term : query.include) {
        size_t pos = findTerm(d, term, 0);
        if (pos == std::string::npos) continue;
        if (pos < d.titleEnd) score += 10;
        else if (pos < d.authorsEnd) score += 6;
        int hits = 0;
        for (; pos != std::string::npos && hits < 5; pos = findTerm(d, term, pos + term.size())) ++hits;
        score += hits * 0.4;
    }
    return score;
}

size_t SearchIndex::memoryBytes() const {
    size_t bytes = docs_.capacity() * sizeof(Doc);
    for (const Doc& d : docs_) bytes += d.text.capacity();
    for (const auto& [key, list] : cjkGrams_) bytes += sizeof(key) + sizeof(list) + list.capacity() * sizeof(PaperIndex) + 16;
    for (size_t i = 0; i < words_.size(); ++i)
        bytes += sizeof(std::string) + words_[i].capacity() + sizeof(wordPostings_[i]) + wordPostings_[i].capacity() * sizeof(PaperIndex);
    return bytes;
}

}  // namespace papertide::core
