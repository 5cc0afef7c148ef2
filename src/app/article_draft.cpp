// The article draft: corrections in, import::draftDigest (or draftDigestFromLines) run again, its JSON read
// back into the list the dialog shows.
#include "app/article_draft.h"

#include <nlohmann/json.hpp>

#include "core/month.h"
#include "import/article_import.h"

namespace papertide::app {

namespace {

std::string stringField(const nlohmann::ordered_json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The importer's messages name the command line's options ("pass --month"); here the fields are right above.
std::string forTheDialog(std::string message) {
    for (const char* field : {"month", "title", "source"}) {
        const std::string option = std::string("pass --") + field;
        for (size_t at = message.find(option); at != std::string::npos; at = message.find(option, at))
            message.replace(at, option.size(), std::string("correct the ") + field + " above");
    }
    return message;
}

}  // namespace

void ArticleDraft::close() { *this = ArticleDraft(); }

void ArticleDraft::setArticle(std::string name, std::string bytes, std::string linesJson, bool pasted) {
    if (name == name_ && bytes == bytes_ && linesJson == linesJson_ && pasted == pasted_) return;
    name_ = std::move(name);
    bytes_ = std::move(bytes);
    linesJson_ = std::move(linesJson);
    pasted_ = pasted;
    dropped_.clear();  // entry numbers of another article mean other papers
    addedAs_.clear();
    addProblems_.clear();
    dirty_ = true;
}

void ArticleDraft::setField(DraftField field, std::string value) {
    if (overrides_[int(field)] == value) return;
    overrides_[int(field)] = std::move(value);
    dirty_ = true;
}

void ArticleDraft::setDropped(size_t entry, bool dropped) {
    if (entry >= entries_.size()) return;
    if (dropped) dropped_.insert(entry);
    else dropped_.erase(entry);
    entries_[entry].dropped = dropped;
}

const std::string& ArticleDraft::field(DraftField field) const {
    const std::string& mine = overrides_[int(field)];
    return mine.empty() ? found_[int(field)] : mine;
}

size_t ArticleDraft::keptCount() const { return entries_.size() - dropped_.size(); }

void ArticleDraft::refresh(const core::Corpus& corpus, const std::string& today) {
    if (!dirty_) return;
    dirty_ = false;
    ++revision_;
    fieldError_.clear();
    import::ImportOptions options;
    options.today = today;
    // A month being typed ("2022-1") is not passed on: the draft keeps the last good one meanwhile.
    const std::string& month = overrides_[int(DraftField::Month)];
    if (!month.empty() && core::parseMonth(month)) options.month = month;
    else if (!month.empty()) fieldError_ = "month \"" + month + "\" is not YYYY-MM";
    options.title = overrides_[int(DraftField::Title)];
    options.source = overrides_[int(DraftField::Source)];
    if (!hasArticle()) {
        ok_ = false;
        error_.clear();
        forgetDraft();
        return;
    }
    import::ImportDraft draft;
    if (!linesJson_.empty()) {
        std::vector<import::ArticleLine> lines;
        std::string why;
        if (import::linesFromJson(linesJson_, lines, why)) draft = import::draftDigestFromLines(std::move(lines), name_, options, corpus);
        else draft.error = name_ + " " + why;
    } else {
        draft = import::draftDigest(bytes_, pasted_ ? std::string_view() : std::string_view(name_), import::ArticleKind::Auto,
                                    options, corpus);
    }
    ok_ = draft.ok;
    error_ = forTheDialog(draft.error);
    if (!draft.ok) {  // nothing of an earlier article's draft may stay on screen or be added
        forgetDraft();
        dropped_.clear();
        return;
    }
    json_ = std::move(draft.json);
    digestId_ = draft.digestId;
    readDraft(json_, draft.uncertain);
    digestWarnings_.clear();
    for (const import::ImportWarning& w : draft.warnings) {
        if (w.entry < 0) digestWarnings_.push_back(forTheDialog(w.message));
        else if (size_t(w.entry) < entries_.size()) entries_[size_t(w.entry)].warnings.push_back(forTheDialog(w.message));
    }
}

void ArticleDraft::forgetDraft() {
    json_.clear();
    entries_.clear();
    digestWarnings_.clear();
    digestId_.clear();
}

void ArticleDraft::readDraft(const std::string& json, const std::vector<bool>& uncertain) {
    const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(json, nullptr, false);
    entries_.clear();
    found_[int(DraftField::Month)] = stringField(doc, "month");
    found_[int(DraftField::Title)] = stringField(doc, "title");
    found_[int(DraftField::Source)] = stringField(doc, "source");
    if (!doc.is_object() || !doc.contains("papers") || !doc["papers"].is_array()) return;
    for (const nlohmann::ordered_json& p : doc["papers"]) {
        DraftEntryView e;
        e.id = stringField(p, "id");
        e.title = stringField(p, "title");
        e.titleZh = stringField(p, "title_zh");
        if (p.contains("authors") && p["authors"].is_array())
            for (const auto& a : p["authors"])
                if (a.is_string()) e.authors.push_back(a.get<std::string>());
        e.authorsTruncated = p.value("authors_truncated", false);
        if (p.contains("links") && p["links"].is_object())
            for (const auto& [kind, url] : p["links"].items())
                if (url.is_string()) e.links.emplace_back(kind, url.get<std::string>());
        if (p.contains("topics") && p["topics"].is_array())
            for (const auto& t : p["topics"])
                if (t.is_string()) e.topics.push_back(t.get<std::string>());
        e.uncertain = entries_.size() < uncertain.size() && uncertain[entries_.size()];
        e.dropped = dropped_.count(entries_.size()) > 0;
        entries_.push_back(std::move(e));
    }
    for (auto it = dropped_.begin(); it != dropped_.end();)  // the new draft may have fewer entries
        it = *it >= entries_.size() ? dropped_.erase(it) : std::next(it);
}

std::string ArticleDraft::finalJson(std::string& why) const {
    if (!ok_ || json_.empty()) {
        why = error_.empty() ? "there is no draft yet: paste an article or drop its file" : error_;
        return "";
    }
    if (keptCount() == 0) {
        why = "every entry is dropped: keep at least one paper";
        return "";
    }
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(json_, nullptr, false);
    nlohmann::ordered_json papers = nlohmann::ordered_json::array();
    std::set<std::string> usedSections;
    for (size_t i = 0; i < doc["papers"].size(); ++i) {
        if (dropped_.count(i)) continue;
        usedSections.insert(stringField(doc["papers"][i], "section"));
        papers.push_back(doc["papers"][i]);
    }
    doc["papers"] = std::move(papers);
    // A section whose papers were all dropped would be an empty heading in the digest.
    nlohmann::ordered_json sections = nlohmann::ordered_json::array();
    for (const auto& s : doc["sections"])
        if (usedSections.count(stringField(s, "id"))) sections.push_back(s);
    doc["sections"] = std::move(sections);
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void ArticleDraft::setAddResult(std::string addedAs, std::vector<std::string> problems) {
    addedAs_ = std::move(addedAs);
    addProblems_ = std::move(problems);
}

}  // namespace papertide::app
