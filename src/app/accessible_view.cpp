// The screen-reader mirror as JSON.
#include "app/accessible_view.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/paper_text.h"
#include "core/json_reader.h"
#include "core/lookup_links.h"
#include "core/view_state.h"

namespace papertide::app {

namespace {

nlohmann::json cardJson(const core::Corpus& c, const core::Paper& paper, Lang lang) {
    nlohmann::json card;
    card["id"] = paper.id;
    card["title"] = paper.title;
    std::vector<std::string> authors, topics;
    for (core::AuthorIndex a : paper.authors) authors.push_back(c.authors[a].name);
    for (core::TopicIndex t = 0; t < c.topics.size(); ++t)
        if (paper.topics >> t & 1) topics.push_back(topicLabel(lang, c.topics[t]));
    card["authors"] = authors;
    card["topics"] = topics;
    nlohmann::json links = nlohmann::json::array();
    for (const auto& link : paper.links)
        if (core::isSafeHttpUrl(link.url)) links.push_back({{"name", link.name}, {"url", link.url}});
    card["links"] = std::move(links);
    nlohmann::json lookup = nlohmann::json::array();  // title searches, only when there is no paper link
    for (const core::LookupLink& link : core::lookupLinks(paper)) lookup.push_back({{"name", lookupLabel(lang, link)}, {"url", link.url}});
    card["lookup"] = std::move(lookup);
    nlohmann::json blocks = nlohmann::json::array();
    for (core::AppearanceIndex ai : paper.appearances) {
        const core::Appearance& a = c.appearances[ai];
        const core::Digest& d = c.digests[a.digest];
        nlohmann::json texts = nlohmann::json::array();
        if (!a.titleZh.empty()) texts.push_back({{"label", ""}, {"text", a.titleZh}});
        if (!a.why.empty()) texts.push_back({{"label", tr(lang, Str::Why)}, {"text", a.why}});
        if (!a.insight.empty()) texts.push_back({{"label", tr(lang, Str::KeyInsight)}, {"text", a.insight}});
        if (!a.summary.empty()) texts.push_back({{"label", tr(lang, Str::Summary)}, {"text", a.summary}});
        blocks.push_back({{"digest", core::formatMonth(a.month) + " · " + d.title}, {"texts", std::move(texts)}});
    }
    card["appearances"] = std::move(blocks);
    return card;
}

}  // namespace

std::string AccessibleView::build(core::Explorer& ex, Lang lang, int first, int last) {
    const core::Corpus& c = ex.corpus();
    const core::Paper* paper = ex.selectedPaper();
    const auto& rows = ex.visiblePapers();
    nlohmann::json j;
    j["count"] = rows.size();
    j["first"] = first;
    j["label"] = tr(lang, Str::Papers);
    nlohmann::json list = nlohmann::json::array();
    for (int r = first; r >= 0 && r <= last && r < int(rows.size()); ++r) {
        const core::Paper& p = c.papers[rows[r]];
        core::ViewState open = ex.state();
        open.paper = p.id;
        list.push_back({{"id", p.id}, {"title", p.title}, {"meta", paperMonths(c, p) + " · " + authorSummary(lang, c, p, 3)},
                        {"href", core::encodeViewState(open)}, {"selected", paper == &p}});
    }
    j["rows"] = std::move(list);
    j["card"] = paper ? cardJson(c, *paper, lang) : nlohmann::json(nullptr);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::string> AccessibleView::changes(core::Explorer& ex, Lang lang, int first, int last) {
    if (first >= 0) last = std::min(last, first + 49);
    const core::Paper* paper = ex.selectedPaper();
    std::string key = std::to_string(ex.stateRevision()) + ' ' + std::to_string(ex.marksRevision()) + ' ' +
                      std::to_string(first) + ' ' + std::to_string(last) + ' ' + (paper ? paper->id : "") + ' ' +
                      std::to_string(int(lang)) + ' ' + std::to_string(ex.visiblePapers().size()) + ' ' +
                      std::to_string(ex.corpusRevision());
    if (key == sentKey_) return std::nullopt;
    sentKey_ = std::move(key);
    return build(ex, lang, first, last);
}

}  // namespace papertide::app
