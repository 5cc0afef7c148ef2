// Search and filters: the search box (a real HTML field on the web), topics with live counts, month range,
// digest, author, bookmarks and read marks; active filters as removable chips; one "clear all".
#include <algorithm>
#include <cstring>

#include "ui/panels.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {

// Keeps an ImGui text buffer in step with state that can also change elsewhere (URL, chips, Esc).
void syncBuffer(char* buffer, size_t size, std::string& source, const std::string& value) {
    if (source == value) return;
    std::snprintf(buffer, size, "%s", value.c_str());
    source = value;
}

void monthCombo(Ui& ui, const char* label, std::optional<core::MonthNumber> value, bool isFrom) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    std::string preview = value ? core::formatMonth(*value) : std::string("—");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (!ImGui::BeginCombo(label, preview.c_str())) return;
    if (listItem("—", !value)) {
        if (isFrom) ex.setMonthRange(std::nullopt, ex.state().filter.to);
        else ex.setMonthRange(ex.state().filter.from, std::nullopt);
    }
    for (core::MonthNumber m = c.firstMonth; m <= c.lastMonth; ++m) {
        if (listItem(core::formatMonth(m).c_str(), value == m)) {
            if (isFrom) ex.setMonthRange(m, ex.state().filter.to);
            else ex.setMonthRange(ex.state().filter.from, m);
        }
    }
    ImGui::EndCombo();
}

}  // namespace

void FilterPanel::drawSearchBox(Ui& ui, float width) {
    core::Explorer& ex = ui.ex;
    ImGui::SetNextItemWidth(width);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float height = ImGui::GetFrameHeight();
    if (ui.platform.placeTextOverlay(TextOverlay::Search, pos.x, pos.y, width, height, ex.state().filter.query, ui.palette.dark)) {
        // The browser's own <input> sits on top (IME, paste, phone keyboards); reserve its place and frame it.
        ImGui::InvisibleButton("search-overlay", ImVec2(width, height));
        exposeTarget(ui, "search");
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg),
                                                  ImGui::GetStyle().FrameRounding);
        if (focusSearch_) ui.platform.focusTextOverlay(TextOverlay::Search);
        focusSearch_ = false;
        return;
    }
    syncBuffer(queryBuffer_, sizeof queryBuffer_, queryBufferSource_, ex.state().filter.query);
    if (focusSearch_) {
        ImGui::SetKeyboardFocusHere();
        focusSearch_ = false;
    }
    if (ImGui::InputTextWithHint("##search", ui.t(Str::SearchHint), queryBuffer_, sizeof queryBuffer_)) {
        queryBufferSource_ = queryBuffer_;
        ex.setQuery(queryBuffer_);
    }
    exposeTarget(ui, "search");
}

void drawQueryExpansions(Ui& ui) {
    core::Explorer& ex = ui.ex;
    std::string added;
    for (const core::SearchQuery::Expansion& x : ex.queryExpansions())
        for (const std::string& variant : x.shown) added += (added.empty() ? "" : " · ") + (x.excluded ? "-" + variant : variant);
    if (!added.empty()) {
        wrappedText(std::string(ui.t(Str::AlsoSearched)) + " " + added, ImGui::GetContentRegionAvail().x, ui.palette.textMuted);
        exposeTarget(ui, "search:also", false);
    }
    core::Settings settings = ex.settings();
    bool both = settings.crossLanguageSearch;
    if (ImGui::Checkbox(ui.t(Str::CrossLanguage), &both)) {
        settings.crossLanguageSearch = both;
        ex.setSettings(settings);
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ui.t(Str::CrossLanguageHint));
    exposeTarget(ui, "search:both-languages");
}

void drawActiveFilterChips(Ui& ui) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    const core::PaperFilter f = ex.state().filter;  // a copy: chips change the filter while we iterate
    if (!f.active()) return;
    bool first = true;
    auto place = [&](const std::string& label) {
        if (!first) flowNext(ImGui::CalcTextSize(label.c_str()).x + 30);
        first = false;
    };
    ImU32 bg = ui.palette.chipBg, fg = ui.palette.text;
    if (!f.query.empty()) {
        std::string label = "“" + f.query + "”";
        place(label);
        if (chip("q", label, bg, fg, true)) ex.setQuery("");
    }
    for (const std::string& id : f.topics) {
        const core::Topic* t = c.findTopic(id);
        std::string label = t ? topicLabel(ui, *t) : id;
        place(label);
        if (chip(id.c_str(), label, t ? topicColor(t->color, 0.8f) : bg, fg, true)) ex.toggleTopic(id);
    }
    if (f.from || f.to) {
        std::string label = (f.from ? core::formatMonth(*f.from) : "…") + " – " + (f.to ? core::formatMonth(*f.to) : "…");
        place(label);
        if (chip("months", label, bg, fg, true)) ex.setMonthRange(std::nullopt, std::nullopt);
    }
    if (!f.digest.empty()) {
        const core::Digest* d = c.findDigest(f.digest);
        std::string label = d ? core::formatMonth(d->month) + " " + ellipsize(d->title, 220) : f.digest;
        place(label);
        if (chip("digest", label, bg, fg, true)) ex.setDigestFilter("");
    }
    if (!f.author.empty()) {
        std::string label = std::string(ui.t(Str::Author)) + ": " + f.author;
        place(label);
        if (chip("author", label, bg, fg, true)) ex.setAuthorFilter("");
    }
    if (f.bookmarkedOnly) {
        place(ui.t(Str::BookmarkedOnly));
        if (chip("bm", ui.t(Str::BookmarkedOnly), bg, fg, true)) ex.setBookmarkedOnly(false);
    }
    if (f.unreadOnly) {
        place(ui.t(Str::UnreadOnly));
        if (chip("unread", ui.t(Str::UnreadOnly), bg, fg, true)) ex.setUnreadOnly(false);
    }
    if (f.minPicks > 1) {
        place(ui.t(Str::Recurring));
        if (chip("picks", ui.t(Str::Recurring), bg, fg, true)) ex.setMinPicks(0);
    }
    if (!f.paperIds.empty()) {
        const std::string label = ui.count(Str::SharedList, int(f.paperIds.size()));
        place(label);
        if (chip("list", label, bg, fg, true)) ex.setPaperList({});
    }
    place(ui.t(Str::ClearAll));
    if (chip("clear", ui.t(Str::ClearAll), ui.palette.selection, fg)) ex.clearFilters();
    exposeTarget(ui, "chip:clear");
}

void FilterPanel::draw(Ui& ui) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    const core::PaperFilter& f = ex.state().filter;
    if (!ui.narrow) drawSearchBox(ui, ImGui::GetContentRegionAvail().x);
    drawQueryExpansions(ui);
    ImGui::Spacing();

    ImGui::TextDisabled("%s", ui.t(Str::Topics));
    const std::vector<uint32_t>& counts = ex.topicFacetCounts();
    // The topic list scrolls on its own, so months, digest, author and the switches stay in view.
    const float rowsHeight = c.topics.size() * ImGui::GetFrameHeightWithSpacing();
    const float reserve = ImGui::GetFrameHeightWithSpacing() * 12;
    const float listHeight = std::max(ImGui::GetFrameHeightWithSpacing() * 4,
                                      std::min(rowsHeight, ImGui::GetContentRegionAvail().y - reserve));
    ImGui::BeginChild("topics", ImVec2(0, listHeight), false);
    for (core::TopicIndex t : ex.orderedTopics()) {
        const core::Topic& topic = c.topics[t];
        bool on = std::find(f.topics.begin(), f.topics.end(), topic.id) != f.topics.end();
        ImGui::PushID(static_cast<int>(t));
        ImGui::PushStyleColor(ImGuiCol_CheckMark, topicColorVec(topic.color));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, topicColorVec(topic.color, 0.25f));
        char n[16];
        std::snprintf(n, sizeof n, "%u", t < counts.size() ? counts[t] : 0);
        float right = ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(n).x;
        float labelRoom = right - ImGui::GetCursorPosX() - ImGui::GetFrameHeight() - 14;
        std::string label = ellipsize(topicLabel(ui, topic), labelRoom) + "##topic";
        if (ImGui::Checkbox(label.c_str(), &on)) ex.toggleTopic(topic.id);
        exposeTarget(ui, "topic:" + topic.id);
        if (ImGui::IsItemHovered() && label.find("…") != std::string::npos) ImGui::SetTooltip("%s", topicLabel(ui, topic));
        ImGui::PopStyleColor(2);
        ImGui::SameLine(right);
        ImGui::TextDisabled("%s", n);
        ImGui::PopID();
    }
    ImGui::EndChild();

    ImGui::Spacing();
    ImGui::TextDisabled("%s", ui.t(Str::Months));
    ImGui::PushID("from");
    monthCombo(ui, "##from", f.from, true);
    ImGui::PopID();
    ImGui::PushID("to");
    monthCombo(ui, "##to", f.to, false);
    ImGui::PopID();

    ImGui::Spacing();
    ImGui::TextDisabled("%s", ui.t(Str::Digest));
    const core::Digest* current = c.findDigest(f.digest);
    std::string preview = current ? core::formatMonth(current->month) + " " + current->title : ui.t(Str::AnyDigest);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##digest", preview.c_str())) {
        if (listItem(ui.t(Str::AnyDigest), !current)) ex.setDigestFilter("");
        for (const core::Digest& d : c.digests) {
            std::string label = core::formatMonth(d.month) + " " + d.title;
            if (listItem(label.c_str(), current == &d)) ex.setDigestFilter(d.id);
        }
        ImGui::EndCombo();
    }

    ImGui::Spacing();
    ImGui::TextDisabled("%s", ui.t(Str::Author));
    syncBuffer(authorBuffer_, sizeof authorBuffer_, authorBufferSource_, f.author);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::InputTextWithHint("##author", ui.t(Str::AuthorHint), authorBuffer_, sizeof authorBuffer_)) {
        authorBufferSource_ = authorBuffer_;
        ex.setAuthorFilter(authorBuffer_);
    }
    exposeTarget(ui, "filter:author");

    ImGui::Spacing();
    bool bookmarked = f.bookmarkedOnly, unread = f.unreadOnly, recurring = f.minPicks > 1;
    if (ImGui::Checkbox(ui.t(Str::BookmarkedOnly), &bookmarked)) ex.setBookmarkedOnly(bookmarked);
    exposeTarget(ui, "filter:bookmarked");
    if (ImGui::Checkbox(ui.t(Str::UnreadOnly), &unread)) ex.setUnreadOnly(unread);
    if (ImGui::Checkbox(ui.t(Str::Recurring), &recurring)) ex.setMinPicks(recurring ? 2 : 0);
    exposeTarget(ui, "filter:recurring");
    ImGui::Spacing();
    ImGui::BeginDisabled(!f.active());
    if (ImGui::Button(ui.t(Str::ClearAll), ImVec2(-FLT_MIN, 0))) ex.clearFilters();
    ImGui::EndDisabled();
}

}  // namespace papertide::ui
