// One paper in full: title, authors, topics, every digest that picked it with that digest's own words,
// links, related papers, and the reader's actions.
#include <algorithm>

#include "app/paper_text.h"
#include "core/lookup_links.h"
#include "core/paper_details.h"
#include "core/text_find.h"
#include "ui/panels.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {

void heading(Ui& ui, const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.palette.accent));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

void drawActions(Ui& ui, const core::Paper& p, core::PaperIndex pi) {
    core::Explorer& ex = ui.ex;
    bool bookmarked = ex.isBookmarked(p.id);
    std::string bookmark = std::string(bookmarked ? "★ " : "☆ ") + ui.t(bookmarked ? Str::Bookmarked : Str::Bookmark);
    if (ImGui::Button(bookmark.c_str())) ui.send(app::ToggleBookmark{p.id});
    exposeTarget(ui, "card:bookmark");
    ImGui::SameLine();
    bool read = ex.isRead(p.id);
    std::string readLabel = std::string(read ? "✓ " : "") + ui.t(read ? Str::MarkUnread : Str::MarkRead);
    if (ImGui::Button(readLabel.c_str())) ui.send(app::SetRead{p.id, !read});
    exposeTarget(ui, "card:read");
    flowNext(ImGui::CalcTextSize(ui.t(Str::CopyBibtex)).x + 20);
    const std::string bibtex = core::bibtexEntry(ui.corpus(), pi);
    copyOnClick(ui, ImGui::Button(ui.t(Str::CopyBibtex)), bibtex, "card:bibtex");
    flowNext(ImGui::CalcTextSize(ui.t(Str::CopyLink)).x + 20);
    core::ViewState only;
    only.view = ex.state().view;
    only.paper = p.id;
    const std::string link = ui.platform.linkForHash(core::encodeViewState(only));
    copyOnClick(ui, ImGui::Button(ui.t(Str::CopyLink)), link, "card:copylink");
}

// A label line (e.g. "Why") with a small Copy button for the block below it at the right edge.
void blockHeading(Ui& ui, const char* label, ImVec4 color, const std::string& text, const std::string& target, float width) {
    const float x0 = ImGui::GetCursorPosX();
    ImGui::TextColored(color, "%s", label);
    const float buttonW = ImGui::CalcTextSize(ui.t(Str::Copy)).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(std::max(x0 + ImGui::GetItemRectSize().x + 12, x0 + width - buttonW));
    copyButton(ui, target.c_str(), text, target);
}

}  // namespace

// One block of the card's text, with the find bar's matches highlighted; scrolls the card to the current match
// when it was asked to.
void PaperCard::textBlock(int block, std::string_view text, float width, ImU32 color) {
    std::vector<TextHighlight> highlights;
    if (find_.isOpen()) {
        const auto& matches = find_.matches();
        for (size_t i = 0; i < matches.size(); ++i)
            if (matches[i].block == block) highlights.push_back({matches[i].begin, matches[i].end, int(i) == find_.current()});
    }
    float currentY = -1;
    wrappedText(text, width, color, highlights.empty() ? nullptr : &highlights, &currentY);
    if (currentY >= 0 && find_.wantsReveal()) {
        const float top = ImGui::GetWindowPos().y, height = ImGui::GetWindowHeight();
        const float lineH = ImGui::GetTextLineHeightWithSpacing();
        if (currentY < top + lineH || currentY + 2 * lineH > top + height)
            ImGui::SetScrollY(ImGui::GetScrollY() + (currentY - top) - height * 0.3f);
        find_.revealed();
    }
}

void PaperCard::drawAppearance(Ui& ui, const core::Appearance& a, float width, int index) {
    const core::Corpus& c = ui.corpus();
    const core::Digest& d = c.digests[a.digest];
    ImGui::PushID(index);
    ImGui::Separator();
    ImGui::TextDisabled("%s", core::formatMonth(a.month).c_str());
    ImGui::SameLine();
    if (chip("open-digest", ellipsize(d.title, width - 90), ui.palette.chipBg, ui.palette.text)) ui.ex.openDigest(d.id);
    const std::string& section = d.sections.empty() ? std::string() : d.sections[a.section].title;
    ImGui::TextDisabled("%s · %s: %s · #%u", d.source.c_str(), ui.t(Str::Section), section.c_str(), a.rank + 1);
    const int block = 1 + 4 * index;  // the order of app::cardTextBlocks()
    const std::string n = std::to_string(index);
    if (!a.titleZh.empty()) textBlock(block, a.titleZh, width, ui.palette.text);
    if (!a.why.empty()) {
        blockHeading(ui, ui.t(Str::Why), ImVec4(0.95f, 0.65f, 0.25f, 1), a.why, "card:copy:why:" + n, width);
        textBlock(block + 1, a.why, width, ui.palette.text);
    }
    if (!a.insight.empty()) {
        blockHeading(ui, ui.t(Str::KeyInsight), ImVec4(0.35f, 0.75f, 0.95f, 1), a.insight, "card:copy:insight:" + n, width);
        textBlock(block + 2, a.insight, width, ui.palette.text);
    }
    if (!a.summary.empty()) {
        blockHeading(ui, ui.t(Str::Summary), ImGui::GetStyle().Colors[ImGuiCol_TextDisabled], a.summary,
                     "card:copy:summary:" + n, width);
        textBlock(block + 3, a.summary, width, ui.palette.text);
    }
    ImGui::PopID();
}

void PaperCard::draw(Ui& ui) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    const core::Paper* paper = ex.selectedPaper();
    if (!paper) {
        ImGui::TextDisabled("%s", ui.t(Str::NoPaperSelected));
        return;
    }
    const core::Paper& p = *paper;
    core::PaperIndex pi = static_cast<core::PaperIndex>(paper - c.papers.data());
    if (ImGui::Button(ui.narrow ? (std::string("← ") + ui.t(Str::Back)).c_str() : (std::string("× ") + ui.t(Str::Close)).c_str()))
        ui.send(app::ClosePaper{});
    exposeTarget(ui, "card:close");
    find_.update(c, paper);
    if (find_.isOpen()) drawFindBar(ui);
    ImGui::BeginChild("card-scroll", ImVec2(0, 0), false);
    const float width = ImGui::GetContentRegionAvail().x - 4;
    scrollY_ = ImGui::GetScrollY();

    ImGui::SetWindowFontScale(1.2f);
    textBlock(0, p.title, width - ImGui::CalcTextSize(ui.t(Str::Copy)).x - 16, ui.palette.text);
    ImGui::SetWindowFontScale(1.0f);
    {  // the title's Copy button, at the right of its first line
        const ImVec2 after = ImGui::GetCursorScreenPos();
        const float buttonW = ImGui::CalcTextSize(ui.t(Str::Copy)).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - buttonW - 4,
                                         ImGui::GetItemRectMin().y));
        copyButton(ui, "copy-title", p.title, "card:copy:title");
        ImGui::SetCursorScreenPos(after);
    }

    // Authors: each one filters the list.
    heading(ui, ui.t(Str::Authors));
    for (size_t i = 0; i < p.authors.size(); ++i) {
        const std::string& name = c.authors[p.authors[i]].name;
        if (i > 0) flowNext(ImGui::CalcTextSize(name.c_str()).x + 16);
        ImGui::PushID(static_cast<int>(i));
        if (chip("author", name, ui.palette.chipBg, ui.palette.text)) ex.setAuthorFilter(name);
        exposeTarget(ui, "card:author:" + std::to_string(i));
        ImGui::PopID();
    }
    if (p.authorsTruncated) {
        if (!p.authors.empty()) ImGui::SameLine();
        alignTextToTargets();
        ImGui::TextDisabled("%s", ui.t(Str::EtAl));
    }

    heading(ui, ui.t(Str::Topics));
    bool first = true;
    for (core::TopicIndex t = 0; t < c.topics.size(); ++t) {
        if (!(p.topics >> t & 1)) continue;
        if (!first) flowNext(ImGui::CalcTextSize(topicLabel(ui, c.topics[t])).x + 16);
        topicChip(ui, t);
        first = false;
    }
    if (p.topicsInferred) ImGui::TextDisabled("%s", ui.t(Str::InferredTopics));

    ImGui::Spacing();
    drawActions(ui, p, pi);

    if (!p.links.empty()) {
        heading(ui, ui.t(Str::Links));
        for (size_t i = 0; i < p.links.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            alignTextToTargets();
            ImGui::TextDisabled("%s", p.links[i].name.c_str());
            ImGui::SameLine(90);
            linkButton(ui, "url", ellipsize(p.links[i].url, width - 95), p.links[i].url);
            exposeTarget(ui, "card:link:" + p.links[i].name);
            ImGui::PopID();
        }
    }
    // Without a link to the paper itself: title searches, labelled as searches (the format never invents URLs).
    const std::vector<core::LookupLink> lookup = core::lookupLinks(p);
    if (!lookup.empty()) {
        heading(ui, ui.t(Str::LookUp));
        for (const core::LookupLink& link : lookup) {
            ImGui::PushID(link.key.c_str());
            linkButton(ui, "lookup", app::lookupLabel(ui.lang, link), link.url);
            exposeTarget(ui, "card:lookup:" + link.key);
            ImGui::PopID();
        }
    }

    heading(ui, ui.t(Str::Appearances));
    char first_[96], picked[64];
    std::snprintf(first_, sizeof first_, ui.t(Str::FirstRecommended), core::formatMonth(p.firstMonth).c_str());
    std::snprintf(picked, sizeof picked, ui.t(Str::PickedTimes), int(p.appearances.size()));
    if (p.appearances.size() > 1) ImGui::TextDisabled("%s · %s", first_, picked);
    else ImGui::TextDisabled("%s", first_);
    for (size_t i = 0; i < p.appearances.size(); ++i) drawAppearance(ui, c.appearances[p.appearances[i]], width, int(i));

    auto related = ex.relatedPapers(pi, 8);
    if (!related.empty()) {
        heading(ui, ui.t(Str::Related));
        for (const core::RelatedPaper& r : related) {
            const core::Paper& q = c.papers[r.paper];
            ImGui::PushID(static_cast<int>(r.paper));
            std::string label = ellipsize(q.title, width - 80);
            if (listItem(label.c_str())) ui.send(app::OpenPaper{q.id});
            exposeTarget(ui, "card:related:" + q.id);
            ImGui::SameLine(width - 70);
            ImGui::TextDisabled("%s", core::formatMonth(q.lastMonth).c_str());
            const std::string why = app::relatedReasons(ui.lang, c, r);
            if (!why.empty()) wrappedText("    " + why, width, ui.palette.textMuted);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace papertide::ui
