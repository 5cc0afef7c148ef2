// Small drawing helpers shared by the panels: chips, links, labels.
#pragma once
#include <string>
#include <string_view>

#include "ui/ui_context.h"

namespace papertide::ui {

// A rounded label; returns true when clicked. With `removable`, shows a trailing ×.
bool chip(const char* id, std::string_view label, ImU32 background, ImU32 textColor, bool removable = false);
// A topic as a coloured chip; clicking toggles the topic filter.
void topicChip(Ui& ui, core::TopicIndex topic, bool small = false);
// The two action primitives. Call one right after the item that copies / opens when clicked, with what the item
// returned: it offers the action to the platform (the web performs it inside the pointer gesture, which pop-up
// blockers and clipboard rules require; see PlatformServices::setPointerActions), publishes the item's
// rectangle as `target` (may be empty), and on `clicked` performs it and gives feedback ("Copied").
void copyOnClick(Ui& ui, bool clicked, const std::string& text, const std::string& target);
// Only http(s) URLs are offered or opened (core::isSafeHttpUrl); returns whether the URL is one.
bool openOnClick(Ui& ui, bool clicked, const std::string& url, const std::string& target);
// Opens http(s) links only; anything else is shown but not clickable. Middle-click opens too.
void linkButton(Ui& ui, const char* id, std::string_view label, const std::string& url);
// A small "Copy" button that copies `text` (and says "Copied"); publishes its rectangle as target `name`.
void copyButton(Ui& ui, const char* id, const std::string& text, const std::string& name);
// ImGui::SmallButton, or in the touch style (phones) a button of at least kTouchTarget each way.
bool smallButton(const char* label);
// ImGui::Selectable for a line of a list, menu or combo: at least kTouchTarget tall in the touch style.
bool listItem(const char* label, bool selected = false);
// In the touch style, lowers the next text of this line to the middle of the line's taller targets.
void alignTextToTargets();
// Places the next item on the same line if it fits the available width, otherwise on a new line.
void flowNext(float nextWidth);

const char* topicLabel(const Ui& ui, const core::Topic& topic);
std::string authorSummary(const Ui& ui, const core::Paper& paper, size_t maxAuthors);
std::string paperMonths(const Ui& ui, const core::Paper& paper);
// Shows `text` briefly (e.g. "Copied") near the mouse; the app keeps rendering while it is visible.
// Publishes the last item's rectangle under `name` (see HitTarget); `control` false for plain text.
void exposeTarget(Ui& ui, std::string name, bool control = true);
void flashFeedback(Ui& ui, const std::string& text);
void drawFeedback(Ui& ui);

}  // namespace papertide::ui
