// The digests by month, and one digest as its own page: intro, news, its papers in its order, references.
#include "ui/panels.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace papertide::ui {

void drawDigestList(Ui& ui) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    ImGui::BeginChild("digest-list", ImVec2(0, 0), true);
    const float width = ImGui::GetContentRegionAvail().x;
    for (size_t i = c.digests.size(); i-- > 0;) {  // newest first
        const core::Digest& d = c.digests[i];
        ImGui::PushID(static_cast<int>(i));
        ImVec2 pos = ImGui::GetCursorScreenPos();
        const float lineH = ImGui::GetTextLineHeight();
        if (ImGui::Selectable("##digest", ex.state().digest == d.id, 0, ImVec2(width, lineH * 2 + 6))) ex.openDigest(d.id);
        exposeTarget(ui, "digest:" + d.id);
        ImDrawList* draw = ImGui::GetWindowDrawList();
        std::string month = core::formatMonth(d.month);
        draw->AddText(ImVec2(pos.x + 4, pos.y + 2), ui.palette.accent, month.c_str());
        float x = pos.x + 12 + ImGui::CalcTextSize("2022-06").x;
        draw->AddText(ImVec2(x, pos.y + 2), ui.palette.text, ellipsize(d.title, width - (x - pos.x) - 8).c_str());
        std::string line = d.source + " · " + ui.count(Str::PapersCount, int(d.appearances.size())) + (d.origin == core::Origin::User ? " · ✓ user" : "");
        draw->AddText(ImVec2(x, pos.y + lineH + 4), ui.palette.textMuted, ellipsize(line, width - (x - pos.x) - 8).c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
}

void drawDigestPage(Ui& ui) {
    core::Explorer& ex = ui.ex;
    const core::Corpus& c = ex.corpus();
    const core::Digest* digest = c.findDigest(ex.state().digest);
    if (!digest) {
        drawDigestList(ui);
        return;
    }
    const core::Digest& d = *digest;
    if (ImGui::Button((std::string("← ") + ui.t(Str::Digests)).c_str())) ex.closeDigest();
    ImGui::SameLine();
    if (ImGui::Button(ui.t(Str::FilterToDigest))) {
        ex.setDigestFilter(d.id);
    }
    ImGui::BeginChild("digest-page", ImVec2(0, 0), true);
    const float width = ImGui::GetContentRegionAvail().x - 4;
    ImGui::SetWindowFontScale(1.2f);
    wrappedText(d.title, width, ui.palette.text);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::TextDisabled("%s · %s%s%s", core::formatMonth(d.month).c_str(), d.source.c_str(),
                        d.author.empty() ? "" : " · ", d.author.c_str());
    if (!d.published.empty()) ImGui::TextDisabled("%s %s", ui.t(Str::Published), d.published.c_str());
    if (!d.editors.empty()) {
        std::string editors;
        for (const auto& e : d.editors) editors += (editors.empty() ? "" : "、") + e;
        ImGui::TextDisabled("%s", editors.c_str());
    }
    if (!d.url.empty()) linkButton(ui, "source", ellipsize(d.url, width), d.url);

    if (!d.intro.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.palette.accent), "%s", ui.t(Str::Intro));
        wrappedText(d.intro, width, ui.palette.text);
    }
    if (!d.news.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.palette.accent), "%s", ui.t(Str::News));
        for (size_t i = 0; i < d.news.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::Bullet();
            ImGui::SameLine();
            wrappedText(d.news[i].text, width - 24, ui.palette.text);
            for (size_t l = 0; l < d.news[i].links.size(); ++l) {
                ImGui::PushID(static_cast<int>(l));
                ImGui::Indent(24);
                linkButton(ui, "news-link", d.news[i].links[l].name, d.news[i].links[l].url);
                ImGui::Unindent(24);
                ImGui::PopID();
            }
            ImGui::PopID();
        }
    }
    ImGui::Separator();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.palette.accent), "%s", ui.t(Str::PapersInDigest));
    uint32_t section = UINT32_MAX;
    for (core::AppearanceIndex ai : d.appearances) {
        const core::Appearance& a = c.appearances[ai];
        if (a.section != section) {
            section = a.section;
            ImGui::Spacing();
            ImGui::TextDisabled("%s", d.sections[section].title.c_str());
        }
        const core::Paper& p = c.papers[a.paper];
        ImGui::PushID(static_cast<int>(ai));
        std::string label = std::to_string(a.rank + 1) + ". " + ellipsize(p.title, width - 40);
        if (listItem(label.c_str(), ex.state().paper == p.id)) ex.openPaper(p.id);
        ImGui::PopID();
    }
    if (!d.references.empty()) {
        ImGui::Separator();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui.palette.accent), "%s", ui.t(Str::References));
        for (size_t i = 0; i < d.references.size(); ++i) {
            const core::Reference& r = d.references[i];
            ImGui::PushID(static_cast<int>(i));
            wrappedText(r.label.empty() ? r.text : r.label + " " + r.text, width, ui.palette.textMuted);
            if (!r.url.empty()) linkButton(ui, "ref", ellipsize(r.url, width), r.url);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

}  // namespace papertide::ui
