// Old paper ids (title slugs) -> current ids.
#include "core/paper_aliases.h"

#include <algorithm>

namespace papertide::core {

std::string titleSlug(std::string_view title) {
    std::string out;
    bool dash = false;
    for (char ch : title) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '\'') continue;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else {
            dash = true;
        }
        if (out.size() >= 120) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.substr(0, 120);
}

void PaperAliases::reset(const Corpus& corpus) {
    corpus_ = &corpus;
    built_ = false;
    toId_.clear();
}

const std::string& PaperAliases::canonical(const std::string& id) {
    if (!corpus_ || id.empty() || corpus_->paperById.count(id)) return id;  // a current id is never an alias
    if (!built_) {
        built_ = true;
        for (const Paper& p : corpus_->papers) {
            std::string slug = titleSlug(p.title);
            if (slug.empty() || slug == p.id || corpus_->paperById.count(slug)) continue;
            toId_.emplace(std::move(slug), p.id);
        }
    }
    auto it = toId_.find(id);
    return it == toId_.end() ? id : it->second;
}

void PaperAliases::canonicalize(ViewState& state) {
    state.paper = canonical(state.paper);
    for (std::string& id : state.filter.paperIds) id = canonical(id);
    std::sort(state.filter.paperIds.begin(), state.filter.paperIds.end());
    state.filter.paperIds.erase(std::unique(state.filter.paperIds.begin(), state.filter.paperIds.end()),
                                state.filter.paperIds.end());
}

void PaperAliases::canonicalize(ReaderMarks& marks) {
    for (auto* set : {&marks.bookmarked, &marks.read}) {
        std::unordered_set<std::string> mapped;
        for (const std::string& id : *set) mapped.insert(canonical(id));
        *set = std::move(mapped);
    }
}

}  // namespace papertide::core
