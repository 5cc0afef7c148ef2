// "New digest from article…": the article box (a real <textarea> on the web, ImGui's multiline field natively),
// the file chooser, the digest's month / title / source, its warnings, the entries with their fields (uncertain
// ones marked, each one droppable) and "Add to my digests" / "Download JSON". It draws app::ArticleDraft and
// sends commands; the draft itself lives in the model.
#include <imgui.h>
#include <imgui_stdlib.h>  // after imgui.h, which it needs

#include <algorithm>
#include <cstdio>

#include "ui/panels.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace papertide::ui {

namespace {

using app::DraftField;

std::string sizeLabel(size_t bytes) {
    char text[32];
    if (bytes < 1024) std::snprintf(text, sizeof text, "%zu B", bytes);
    else std::snprintf(text, sizeof text, "%.1f KB", double(bytes) / 1024.0);
    return text;
}

ImVec4 color(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

void ArticleDraftView::drawArticleBox(Ui& ui, const app::ArticleDraft& draft) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = std::max(ImGui::GetTextLineHeight() * 6, 90.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ui.platform.placeTextOverlay(TextOverlay::Article, pos.x, pos.y, width, height, draft.pastedText(), ui.palette.dark)) {
        // The browser's <textarea> lies on top (paste, IMEs); reserve its place and draw its frame.
        ImGui::InvisibleButton("article-overlay", ImVec2(width, height));
        ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg),
                                                  ImGui::GetStyle().FrameRounding);
        articleShown_ = true;
    } else {
        // Natively: ImGui's own field (Ctrl+V reads SDL's clipboard). Refilled when the model's text changed.
        if (!editing_ && textSource_ != draft.pastedText()) text_ = textSource_ = draft.pastedText();
        if (ImGui::InputTextMultiline("##article", &text_, ImVec2(width, height))) {
            textSource_ = text_;
            ui.send(app::SetArticleText{text_, ""});
        }
        editing_ = ImGui::IsItemActive();
        if (text_.empty() && !editing_)
            ImGui::GetWindowDrawList()->AddText(ImVec2(pos.x + 6, pos.y + 4), ui.palette.textMuted, ui.t(Str::PasteArticle));
    }
    exposeTarget(ui, "draft:article");
}

void ArticleDraftView::drawField(Ui& ui, const app::ArticleDraft& draft, int field, const char* label, float width) {
    FieldBuffer& f = fields_[field];
    const std::string& value = draft.field(DraftField(field));
    if (f.source != value) {
        std::snprintf(f.text, sizeof f.text, "%s", value.c_str());
        f.source = value;
    }
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", label);
    ImGui::SetNextItemWidth(width);
    ImGui::PushID(field);
    if (ImGui::InputTextWithHint("##field", ui.t(Str::FoundOnPage), f.text, sizeof f.text)) {
        f.source = f.text;
        ui.send(app::SetDraftField{DraftField(field), f.text});
    }
    ImGui::PopID();
    static const char* const names[] = {"draft:month", "draft:title", "draft:source"};
    exposeTarget(ui, names[field]);
    ImGui::EndGroup();
}

void ArticleDraftView::drawEntry(Ui& ui, const app::DraftEntryView& e, size_t index, float width) {
    ImGui::PushID(int(index));
    const std::string number = std::to_string(index + 1);
    if (smallButton(ui.t(e.dropped ? Str::KeepEntry : Str::DropEntry)))
        ui.send(app::DropDraftEntry{index, !e.dropped});
    exposeTarget(ui, "draft:entry:" + number);
    ImGui::SameLine();
    const ImU32 titleColor = e.dropped ? ui.palette.textMuted : ui.palette.text;
    std::string head = number + ". " + e.title;
    if (e.dropped) head += "  (" + std::string(ui.t(Str::Dropped)) + ")";
    const float indent = ImGui::GetCursorPosX();
    if (e.uncertain) {
        chip("uncertain", std::string("? ") + ui.t(Str::Uncertain), ui.palette.warning & 0x60FFFFFF, ui.palette.text);
        ImGui::SameLine();
    }
    wrappedText(head, width - ImGui::GetCursorPosX(), titleColor);
    ImGui::Indent(indent);
    const float inner = width - indent;
    if (!e.dropped) {
        if (!e.titleZh.empty()) wrappedText(e.titleZh, inner, ui.palette.textMuted);
        std::string authors;
        for (const std::string& a : e.authors) authors += (authors.empty() ? "" : ", ") + a;
        if (e.authorsTruncated) authors += authors.empty() ? "…" : ", …";
        if (!authors.empty()) wrappedText(std::string(ui.t(Str::Authors)) + ": " + authors, inner, ui.palette.textMuted);
        std::string topics;
        for (const std::string& t : e.topics) {
            auto it = ui.corpus().topicById.find(t);
            topics += (topics.empty() ? "" : " · ") +
                      (it == ui.corpus().topicById.end() ? t : std::string(topicLabel(ui, ui.corpus().topics[it->second])));
        }
        if (!topics.empty()) wrappedText(std::string(ui.t(Str::Topics)) + ": " + topics, inner, ui.palette.textMuted);
        for (size_t i = 0; i < e.links.size(); ++i) {
            ImGui::PushID(int(i));
            alignTextToTargets();
            ImGui::TextDisabled("%s:", e.links[i].first.c_str());
            ImGui::SameLine();
            linkButton(ui, "link", e.links[i].second, e.links[i].second);
            ImGui::PopID();
        }
        for (const std::string& w : e.warnings) wrappedText("⚠ " + w, inner, ui.palette.warning);
    }
    ImGui::Unindent(indent);
    ImGui::Spacing();
    ImGui::PopID();
}

void ArticleDraftView::draw(Ui& ui) {
    const app::ArticleDraft& draft = ui.model.articleDraft();
    ImGui::BeginChild("article-draft", ImVec2(0, 0), true);
    ImGui::TextColored(color(ui.palette.accent), "%s", ui.t(Str::ArticleDraftHeading));
    ImGui::SameLine(std::max(ImGui::GetContentRegionAvail().x - 60.0f, 200.0f));
    if (smallButton(ui.t(Str::Close))) ui.send(app::CloseArticleDraft{});
    exposeTarget(ui, "draft:close");

    drawArticleBox(ui, draft);
    if (smallButton(ui.t(Str::ChooseArticle))) {
        if (!ui.platform.chooseFiles()) flashFeedback(ui, ui.t(Str::DropArticleHint));
    }
    exposeTarget(ui, "draft:choose");
    ImGui::SameLine();
    alignTextToTargets();
    ImGui::PushTextWrapPos(0.0f);  // on a phone the line wraps instead of running off the edge
    char line[512];
    if (draft.hasArticle() && !draft.pasted()) {
        std::snprintf(line, sizeof line, ui.t(Str::DraftFileName), (draft.articleName() + " (" + sizeLabel(draft.articleBytes()) + ")").c_str());
        ImGui::TextUnformatted(line);
    } else {
        ImGui::TextDisabled("%s", ui.t(Str::DropArticleHint));
    }
    ImGui::PopTextWrapPos();
    const float width = ImGui::GetContentRegionAvail().x;
    if (!draft.error().empty()) wrappedText("✕ " + draft.error(), width, ui.palette.error);

    if (!draft.ok()) {
        if (draft.error().empty()) wrappedText(ui.t(Str::NoDraftYet), width, ui.palette.textMuted);
        ImGui::EndChild();
        return;
    }
    ImGui::Separator();
    const float monthW = ImGui::CalcTextSize("2022-06-00").x + 16;
    // The month's group is as wide as its label; title and source share the rest of the line.
    const float monthGroupW = std::max(monthW, ImGui::CalcTextSize(ui.t(Str::DraftMonth)).x);
    const float rest = std::max(120.0f, (width - monthGroupW - 3 * ImGui::GetStyle().ItemSpacing.x) / 2);
    drawField(ui, draft, int(DraftField::Month), ui.t(Str::DraftMonth), monthW);
    flowNext(rest);
    drawField(ui, draft, int(DraftField::Title), ui.t(Str::DraftTitle), rest);
    flowNext(rest);
    drawField(ui, draft, int(DraftField::Source), ui.t(Str::DraftSource), rest);
    if (!draft.fieldError().empty()) wrappedText("✕ " + draft.fieldError(), width, ui.palette.error);
    if (!draft.digestWarnings().empty()) {
        ImGui::TextColored(color(ui.palette.warning), "%s", ui.t(Str::CheckThese));
        for (const std::string& w : draft.digestWarnings()) wrappedText("⚠ " + w, width, ui.palette.warning);
    }

    int uncertain = 0;
    for (const app::DraftEntryView& e : draft.entries()) uncertain += e.uncertain ? 1 : 0;
    std::snprintf(line, sizeof line, ui.t(Str::EntriesFound), int(draft.entries().size()), uncertain,
                  int(draft.entries().size() - draft.keptCount()));
    ImGui::TextUnformatted(line);
    ImGui::SameLine();
    ImGui::TextDisabled("→ %s", draft.fileName().c_str());
    if (ImGui::Button(ui.t(Str::AddToMyDigests))) ui.send(app::AddDraftToDigests{});
    exposeTarget(ui, "draft:add");
    ImGui::SameLine();
    if (ImGui::Button(ui.t(Str::DownloadJson))) ui.send(app::DownloadDraft{});
    exposeTarget(ui, "draft:download");
    if (!draft.addedAs().empty()) {
        std::snprintf(line, sizeof line, ui.t(Str::AddedAs), draft.addedAs().c_str());
        ImGui::SameLine();
        ImGui::TextColored(color(ui.palette.accent), "✓ %s", line);
    }
    for (const std::string& p : draft.addProblems())
        wrappedText(p, width, draft.addedAs().empty() ? ui.palette.error : ui.palette.warning);

    ImGui::Separator();
    ImGui::BeginChild("draft-entries", ImVec2(0, 0), false);
    const float listW = ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < draft.entries().size(); ++i) drawEntry(ui, draft.entries()[i], i, listW);
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace papertide::ui
