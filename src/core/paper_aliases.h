// Ids a paper was known by before: when a paper's arXiv id became certain, the corpus replaced its title slug
// (docs/corpus-format.md), but links, bookmarks and read marks saved earlier still name the slug. They are
// mapped to the paper's current id instead of silently pointing at nothing.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/model.h"
#include "core/reader_data.h"
#include "core/view_state.h"

namespace papertide::core {

// The format's slug of an English title: lowercase ASCII letters and digits, apostrophes dropped, every other
// run of characters one '-', no '-' at either end, at most 120 characters.
std::string titleSlug(std::string_view title);

class PaperAliases {
public:
    PaperAliases() = default;
    PaperAliases(const PaperAliases&) = delete;  // it points at its owner's corpus
    PaperAliases& operator=(const PaperAliases&) = delete;
    // Every paper whose id is not its title's slug gets that slug as an alias, unless another paper has that id.
    // The table is made on the first id `corpus` does not know (so a start-up whose marks and link name current ids
    // never makes it: at 100k papers a hundred thousand slugs); `corpus` must stay the same until reset().
    void reset(const Corpus& corpus);
    // The current id for `id` (itself when it is not an alias).
    const std::string& canonical(const std::string& id);
    void canonicalize(ViewState& state);
    void canonicalize(ReaderMarks& marks);
    bool tableMade() const { return built_; }

private:
    const Corpus* corpus_ = nullptr;
    bool built_ = false;
    std::unordered_map<std::string, std::string> toId_;
};

}  // namespace papertide::core
