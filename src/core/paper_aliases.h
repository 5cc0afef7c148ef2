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
    // Every paper whose id is not its title's slug gets that slug as an alias, unless another paper has that id.
    void build(const Corpus& corpus);
    // The current id for `id` (itself when it is not an alias).
    const std::string& canonical(const std::string& id) const;
    void canonicalize(ViewState& state) const;
    void canonicalize(ReaderMarks& marks) const;

private:
    std::unordered_map<std::string, std::string> toId_;
};

}  // namespace papertide::core
