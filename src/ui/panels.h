// The explorer's panels: each draws from the Ui context and turns input into Explorer actions.
#pragma once
#include "ui/ui_context.h"

namespace papertide::ui {

void drawTopBar(Ui& ui);                   // top_bar.cpp
void drawFilterPanel(Ui& ui);              // filter_panel.cpp
void drawSearchBox(Ui& ui, float width);   // filter_panel.cpp
void drawActiveFilterChips(Ui& ui);        // filter_panel.cpp
void drawPaperList(Ui& ui, float height);  // paper_list.cpp
void drawPaperCard(Ui& ui);                // paper_card.cpp
// The card's text blocks in display order (the find bar's matches refer to them): the title, then per digest
// that picked the paper its Chinese title, why, key insight and summary (empty strings included).
std::vector<std::string_view> cardTextBlocks(const core::Corpus& corpus, const core::Paper& paper);
void updateFindMatches(const core::Corpus& corpus, const core::Paper* paper, FindState& find);  // paper_card.cpp
void stepFind(UiScratch& scratch, int direction);  // next (+1) / previous (-1) match, wrapping; paper_card.cpp
void drawDigestList(Ui& ui);               // digest_views.cpp
void drawDigestPage(Ui& ui);               // digest_views.cpp
void drawProblems(Ui& ui);
void drawExportMenu(Ui& ui);               // reader_tools.cpp
void drawSharedListBanner(Ui& ui);         // reader_tools.cpp
void drawUserDigests(Ui& ui);              // reader_tools.cpp
void drawChangesView(Ui& ui);              // changes_view.cpp                 // top_bar.cpp

}  // namespace papertide::ui
