// What the reader is looking at, as one value: filters, sort, view, selection. It round-trips through the
// URL hash (shareable links, reload, back/forward) and through JSON (window.papertide for tests and tools).
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/paper_filter.h"

namespace papertide::core {

enum class View { Timeline, Papers, Digests, Changes };
const char* viewName(View view);

// Timeline rows: by total, by first appearance, by name, newest topics first ("what is new"),
// fading and dormant topics first ("what faded").
enum class TopicOrder { Total, FirstSeen, Label, Newest, Faded };
const char* topicOrderName(TopicOrder order);

struct ViewState {
    PaperFilter filter;
    SortOrder sort = SortOrder::Relevance;
    View view = View::Timeline;
    std::string paper;   // the open paper card (paper id)
    std::string digest;  // the open digest page (digest id); the digest *filter* lives in filter.digest
    TopicOrder topicOrder = TopicOrder::Total;
    bool collapseEmptyMonths = false;
    std::optional<MonthNumber> changesMonth;  // the digest month the "what changed" view compares

    bool operator==(const ViewState& o) const;
};

// "#v=papers&q=%E6%89%A9%E6%95%A3&t=vision,diffusion-generation&from=2022-01&to=2022-06&p=arxiv:2205.06175"
// Default values are left out, so the empty state is "".
std::string encodeViewState(const ViewState& state);
// Lenient: unknown keys and malformed values are skipped with a warning; never fails.
ViewState decodeViewState(std::string_view hash, std::vector<std::string>* warnings = nullptr);

// {query, topics, from, to, digest, author, bookmarkedOnly, unreadOnly, selectedPaperId, view, sort, ...}
void viewStateToJson(const ViewState& state, nlohmann::json& out);
// Applies the fields present in `json` (a partial object) onto `state`; false with `error` on bad input,
// in which case `state` is unchanged.
bool applyViewStateJson(ViewState& state, std::string_view json, std::string& error);

std::string percentEncode(std::string_view text);
std::string percentDecode(std::string_view text);

}  // namespace papertide::core
