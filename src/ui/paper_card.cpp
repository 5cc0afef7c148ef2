// One paper in full: title, authors, topics, every digest that picked it with that digest's own words,
// links, related papers, and the reader's actions.
#include <algorithm>

#include "core/paper_details.h"
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
    if (ImGui::Button(bookmark.c_str())) ex.toggleBookmark(p.id);
    exposeTarget(ui, "card:bookmark");
    ImGui::SameLine();
    bool read = ex.isRead(p.id);
    std::string readLabel = std::string(read ? "✓ " : "") + ui.t(read ? Str::MarkUnread : Str::MarkRead);
    if (ImGui::Button(readLabel.c_str())) ex.setRead(p.id, !read);
    exposeTarget(ui, "card:read");
    flowNext(ImGui::CalcTextSize(ui.t(Str::CopyBibtex)).x + 20);
    if (ImGui::Button(ui.t(Str::CopyBibtex))) {
        ui.platform.copyToClipboard(core::bibtexEntry(ui.corpus(), pi));
        flashFeedback(ui, ui.t(Str::Copied));
    }
    exposeTarget(ui, "card:bibtex");
    flowNext(ImGui::CalcTextSize(ui.t(Str::CopyLink)).x + 20);
    if (ImGui::Button(ui.t(Str::CopyLink))) {
        core::ViewState only;
        only.view = ex.state().view;
        only.paper = p.id;
        ui.platform.copyToClipboard(ui.platform.linkForHash(core::encodeViewState(only)));
        flashFeedback(ui, ui.t(Str::Copied));
    }
    exposeTarget(ui, "card:copylink");
}

void drawAppearance(Ui& ui, const core::Appearance& a, float width, int index) {
    const core::Corpus& c = ui.corpus();
    const core::Digest& d = c.digests[a.digest];
    ImGui::PushID(index);
    ImGui::Separator();
    ImGui::TextDisabled("%s", core::formatMonth(a.month).c_str());
    ImGui::SameLine();
    if (chip("open-digest", ellipsize(d.title, width - 90), ui.palette.chipBg, ui.palette.text)) ui.ex.openDigest(d.id);
    const std::string& section = d.sections.empty() ? std::string() : d.sections[a.section].title;
    ImGui::TextDisabled("%s · %s: %s · #%u", d.source.c_str(), ui.t(Str::Section), section.c_str(), a.rank + 1);
    if (!a.titleZh.empty()) wrappedText(a.titleZh, width, ui.palette.text);
    if (!a.why.empty()) {
        ImGui::TextColored(ImVec4(0.95f, 0.65f, 0.25f, 1), "%s", ui.t(Str::Why));
        wrappedText(a.why, width, ui.palette.text);
    }
    if (!a.insight.empty()) {
        ImGui::TextColored(ImVec4(0.35f, 0.75f, 0.95f, 1), "%s", ui.t(Str::KeyInsight));
        wrappedText(a.insight, width, ui.palette.text);
    }
    if (!a.summary.empty()) wrappedText(a.summary, width, ui.palette.text);
    ImGui::PopID();
}

}  // namespace

void drawPaperCard(Ui& ui) {
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
        ex.closePaper();
    exposeTarget(ui, "card:close");
    ImGui::BeginChild("card-scroll", ImVec2(0, 0), false);
    const float width = ImGui::GetContentRegionAvail().x - 4;

    ImGui::SetWindowFontScale(1.2f);
    wrappedText(p.title, width, ui.palette.text);
    ImGui::SetWindowFontScale(1.0f);

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
            ImGui::TextDisabled("%s", p.links[i].name.c_str());
            ImGui::SameLine(90);
            linkButton(ui, "url", ellipsize(p.links[i].url, width - 95), p.links[i].url);
            exposeTarget(ui, "card:link:" + p.links[i].name);
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

    auto related = core::relatedPapers(c, pi, 8);
    if (!related.empty()) {
        heading(ui, ui.t(Str::Related));
        for (const core::RelatedPaper& r : related) {
            const core::Paper& q = c.papers[r.paper];
            ImGui::PushID(static_cast<int>(r.paper));
            std::string label = ellipsize(q.title, width - 80);
            if (ImGui::Selectable(label.c_str())) ex.openPaper(q.id);
            ImGui::SameLine(width - 70);
            ImGui::TextDisabled("%s", core::formatMonth(q.lastMonth).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace papertide::ui
