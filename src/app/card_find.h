// The paper card's find (Ctrl+F / Cmd+F): every match of the query in the card's text blocks, in display order,
// and which one is current. Case-insensitive, Chinese substrings (core::findAllFolded).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace papertide::app {

// The card's text blocks in display order (the matches refer to them): the title, then per digest that picked
// the paper its Chinese title, why, key insight and summary (empty strings included).
std::vector<std::string_view> cardTextBlocks(const core::Corpus& corpus, const core::Paper& paper);

class CardFind {
public:
    struct Match {
        int block;
        size_t begin, end;
    };
    bool isOpen() const { return open_; }
    void open() { open_ = reveal_ = true; }
    void close() { open_ = false; }
    const std::string& query() const { return query_; }
    void setQuery(std::string_view query);
    // Next (+1) / previous (-1) match, wrapping.
    void step(int direction);
    // Recomputes the matches when the paper or the query changed since the last call.
    void update(const core::Corpus& corpus, const core::Paper* paper);
    const std::vector<Match>& matches() const { return matches_; }
    int current() const { return current_; }  // -1 when there is no match
    // The card should scroll the current match into view (once).
    bool wantsReveal() const { return reveal_; }
    void revealed() { reveal_ = false; }

private:
    bool open_ = false, reveal_ = false;
    std::string query_;
    int current_ = -1;
    std::vector<Match> matches_;
    std::string matchedPaper_, matchedQuery_;
    bool computed_ = false;
};

}  // namespace papertide::app
