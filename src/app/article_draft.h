// "New digest from article…": the article the reader pasted or dropped, their corrections (month, title, source,
// entries dropped) and the draft digest that import::draftDigest makes of it. The draft always comes from the one
// importer: every change re-runs it (once per frame at most, see refresh), and the entries the reader dropped are
// taken out of its JSON only at the end (finalJson). Owned by AppModel; ImGui-free.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/commands.h"
#include "core/model.h"

namespace papertide::app {

// One paper entry of the draft as the dialog lists it.
struct DraftEntryView {
    std::string id, title, titleZh;
    std::vector<std::string> authors;
    bool authorsTruncated = false;
    std::vector<std::pair<std::string, std::string>> links;  // kind ("arxiv", "code", ...), URL
    std::vector<std::string> topics;                         // topic ids
    bool uncertain = false;
    std::vector<std::string> warnings;  // why it is uncertain
    bool dropped = false;               // the reader took it out
};

class ArticleDraft {
public:
    bool isOpen() const { return open_; }
    void open() { open_ = true; }
    // Closing forgets the article and the corrections (the next article starts afresh).
    void close();

    // The article: a file's bytes, or the text the reader pasted (`pasted`). `linesJson`, when not empty, is the
    // page already turned into lines by the host's own HTML parser (the browser's DOMParser; import::linesFromJson)
    // and is drafted instead of `bytes`. A new article keeps the field corrections but not the dropped entries.
    void setArticle(std::string name, std::string bytes, std::string linesJson, bool pasted);
    // The reader's value for the month ("YYYY-MM"), title or source; empty: what the import finds on the page.
    void setField(DraftField field, std::string value);
    void setDropped(size_t entry, bool dropped);

    // Re-drafts when something changed since the last draft; `today` ("YYYY-MM") is the last-resort month.
    void refresh(const core::Corpus& corpus, const std::string& today);

    // --- what the dialog shows --------------------------------------------------------------------------------
    const std::string& articleName() const { return name_; }
    bool pasted() const { return pasted_; }
    const std::string& pastedText() const { return pasted_ ? bytes_ : empty_; }
    size_t articleBytes() const { return linesJson_.empty() ? bytes_.size() : linesJson_.size(); }
    bool hasArticle() const { return !bytes_.empty() || !linesJson_.empty(); }
    bool ok() const { return ok_; }
    const std::string& error() const { return error_; }  // why there is no draft (empty article, binary, no papers…)
    // The value shown in a field: the reader's correction, else the draft's.
    const std::string& field(DraftField field) const;
    const std::string& correction(DraftField field) const { return overrides_[int(field)]; }
    const std::string& fieldError() const { return fieldError_; }  // e.g. a month that is not YYYY-MM
    const std::string& digestId() const { return digestId_; }
    std::string fileName() const { return digestId_.empty() ? std::string() : digestId_ + ".json"; }
    const std::vector<DraftEntryView>& entries() const { return entries_; }
    const std::vector<std::string>& digestWarnings() const { return digestWarnings_; }
    size_t keptCount() const;
    size_t revision() const { return revision_; }  // changes each time the draft is remade

    // The digest JSON without the dropped entries (and without sections left empty); empty when there is no draft
    // or every entry was dropped (`why` says so).
    std::string finalJson(std::string& why) const;

    // After "Add to my digests": the file name it was added as, or the reasons it was refused.
    void setAddResult(std::string addedAs, std::vector<std::string> problems);
    const std::string& addedAs() const { return addedAs_; }
    const std::vector<std::string>& addProblems() const { return addProblems_; }

private:
    void readDraft(const std::string& json, const std::vector<bool>& uncertain);
    void forgetDraft();  // the draft's JSON, id, entries and warnings (not the article, nor the corrections)

    bool open_ = false;
    std::string name_, bytes_, linesJson_;
    bool pasted_ = false;
    std::string overrides_[3];
    std::set<size_t> dropped_;
    bool dirty_ = false;

    bool ok_ = false;
    std::string error_, fieldError_, json_, digestId_;
    std::string found_[3];  // the draft's month, title, source
    std::vector<DraftEntryView> entries_;
    std::vector<std::string> digestWarnings_;
    size_t revision_ = 0;
    std::string addedAs_;
    std::vector<std::string> addProblems_;
    std::string empty_;
};

}  // namespace papertide::app
