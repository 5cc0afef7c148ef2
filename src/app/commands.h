// What the UI asks of the application beyond the explorer's own view-state setters. Commands that replace the
// corpus (adding or removing a reader's digest) are queued and run after the frame, so no panel ever draws
// from a corpus that changed under it.
#pragma once
#include <string>
#include <variant>
#include <vector>

namespace papertide::app {

struct OpenPaper {
    std::string id;
};
struct ClosePaper {};
struct ToggleBookmark {
    std::string id;
};
struct SetRead {
    std::string id;
    bool read = true;
};
struct BookmarkAll {  // a shared reading list kept for later
    std::vector<std::string> ids;
};
struct RemoveDigest {  // one of the reader's own digests, by file name
    std::string name;
};
struct MoveSelection {  // keyboard: the next (+1) / previous (-1) paper of the list, opened
    int delta = 1;
};
struct OpenSelection {};  // keyboard: Enter on the list's cursor

using Command = std::variant<OpenPaper, ClosePaper, ToggleBookmark, SetRead, BookmarkAll, RemoveDigest, MoveSelection,
                             OpenSelection>;

}  // namespace papertide::app
