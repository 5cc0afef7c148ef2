// What the UI asks of the application beyond the explorer's own view-state setters. Commands that replace the
// corpus (adding or removing a reader's digest) are queued and run after the frame, so no panel ever draws
// from a corpus that changed under it.
#pragma once
#include <cstddef>
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

// "New digest from article…" (app/article_draft.h).
struct OpenArticleDraft {};
struct CloseArticleDraft {};
struct SetArticleText {  // pasted or typed; `linesJson`: the browser's DOMParser lines when the text is HTML
    std::string text;
    std::string linesJson;
};
enum class DraftField { Month, Title, Source };
struct SetDraftField {  // empty: what the import found on the page
    DraftField field = DraftField::Month;
    std::string value;
};
struct DropDraftEntry {  // dropped = false keeps it again
    size_t entry = 0;
    bool dropped = true;
};
struct AddDraftToDigests {};  // as one of the reader's own digests (queued: it replaces the corpus)
struct DownloadDraft {};      // the digest JSON as a file

using Command = std::variant<OpenPaper, ClosePaper, ToggleBookmark, SetRead, BookmarkAll, RemoveDigest, MoveSelection,
                             OpenSelection, OpenArticleDraft, CloseArticleDraft, SetArticleText, SetDraftField,
                             DropDraftEntry, AddDraftToDigests, DownloadDraft>;

}  // namespace papertide::app
