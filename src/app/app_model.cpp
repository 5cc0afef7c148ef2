// The application model: corpus assembly, the reader's digests, commands and the per-frame bookkeeping.
#include "app/app_model.h"

#include <algorithm>
#include <cstdio>

#include "core/reader_data.h"
#include "import/article_import.h"

namespace papertide::app {

AppModel::AppModel(AppServices& services) : services_(services), store_(services), location_(services) {}

Lang AppModel::lang() const {
    return ex_.settings().language == core::Language::Chinese ? Lang::Chinese : Lang::English;
}

bool AppModel::darkTheme() const {
    core::Theme theme = ex_.settings().theme;
    return theme == core::Theme::Dark || (theme == core::Theme::Auto && services_.prefersDarkScheme());
}

void AppModel::setCorpus(DigestLibrary::Build build) {
    core::SearchIndex index(build.corpus);
    showCorpus(std::move(build.corpus), std::move(index), std::move(build.diagnostics), CorpusSource::Json);
}

void AppModel::showCorpus(core::Corpus corpus, core::SearchIndex index, std::vector<core::Diagnostic> diagnostics,
                          CorpusSource source) {
    core::ViewState keep = ex_.state();
    ex_.setCorpus(std::move(corpus), std::move(index), std::move(diagnostics));
    ex_.setState(keep);
    userDigests_ = library_.userDigestNames();
    listCursor_ = -1;
    source_ = source;
}

void AppModel::loadCorpus(std::vector<core::SourceFile> files) {
    library_.setBundled(std::move(files));
    hasBundledFiles_ = true;
    showFirstCorpus(library_.build());
}

void AppModel::showFirstCorpus(DigestLibrary::Build build) {
    setCorpus(std::move(build));
    for (const core::Diagnostic& d : ex_.diagnostics())
        if (d.severity == core::Severity::Error) services_.warn(core::formatDiagnostic(d));
    store_.restore(ex_);
    applyPendingHash();
}

void AppModel::loadSnapshot(core::Snapshot snapshot) {
    showCorpus(std::move(snapshot.corpus), std::move(snapshot.index), std::move(snapshot.diagnostics),
               CorpusSource::Snapshot);
    store_.restore(ex_);
    applyPendingHash();
}

void AppModel::receiveBundledFile(core::SourceFile file) {
    if (source_ == CorpusSource::None) firstCorpus_.add(std::move(file));
    else arrivingFiles_.push_back(std::move(file));
}

void AppModel::bundledFilesDone() {
    bundledRequested_ = false;
    if (source_ == CorpusSource::None) {
        DigestLibrary::Build build;
        build.corpus = firstCorpus_.finish(build.diagnostics);
        showFirstCorpus(std::move(build));
    } else {  // a snapshot or an earlier build stays on screen until what waited for the files rebuilds it
        library_.setBundled(std::move(arrivingFiles_));
        arrivingFiles_.clear();
        hasBundledFiles_ = true;
    }
    std::vector<std::function<void()>> waiting;
    waiting.swap(waitingForBundled_);
    for (auto& then : waiting) then();
    // Files that came by request are let go once used: at 100k papers they are 120 MB the page need not keep, and
    // the host sends them again (from the browser's cache) for a later rebuild.
    library_.releaseBundled();
    hasBundledFiles_ = false;
    applyPendingHash();
}

void AppModel::receiveBundledFiles(std::vector<core::SourceFile> files) {
    for (core::SourceFile& f : files) receiveBundledFile(std::move(f));
    bundledFilesDone();
}

void AppModel::applyLocationHash(std::string_view hash) {
    if (loading()) pendingHash_ = std::string(hash);
    else location_.applyHash(ex_, hash);
}

void AppModel::applyPendingHash() {
    if (!pendingHash_ || loading()) return;
    std::string hash = std::move(*pendingHash_);
    pendingHash_.reset();
    location_.applyHash(ex_, hash);
}

void AppModel::whenBundledFiles(std::function<void()> then) {
    if (hasBundledFiles_) return then();
    waitingForBundled_.push_back(std::move(then));
    if (bundledRequested_) return;
    bundledRequested_ = true;
    services_.requestBundledFiles();
}

bool AppModel::mergesOnTop(const std::vector<core::SourceFile>& files) const {
    return source_ != CorpusSource::None && library_.canMergeOnTop(files);
}

void AppModel::whenAddable(const std::vector<core::SourceFile>& files, std::function<void()> then) {
    if (mergesOnTop(files)) return then();
    whenBundledFiles(std::move(then));
}

void AppModel::restoreUserDigests(std::vector<core::SourceFile> files) {
    if (files.empty()) return;
    whenAddable(files, [this, files]() mutable { addDigests(std::move(files), false); });
}

std::vector<std::string> AppModel::addDigests(std::vector<core::SourceFile> files, bool keep) {
    std::vector<core::SourceFile> copies;
    if (keep) copies = files;
    DigestLibrary::Addition added;
    const bool onTop = mergesOnTop(files);
    if (onTop) {  // the corpus on screen grows in place; the view stays
        core::Explorer::Contents shown = ex_.takeCorpus();
        added = library_.mergeOnTop(std::move(files), shown.corpus, shown.index, shown.diagnostics);
        showCorpus(std::move(shown.corpus), std::move(shown.index), std::move(shown.diagnostics), source_);
    } else {
        added = library_.add(std::move(files));
    }
    fileProblems_.insert(fileProblems_.end(), added.problems.begin(), added.problems.end());
    for (const std::string& name : added.refused) flash("✕ " + name);
    if (added.accepted.empty()) return {};
    if (keep)
        for (const core::SourceFile& f : copies) {
            std::string name = DigestLibrary::baseName(f.name);
            if (std::find(added.accepted.begin(), added.accepted.end(), name) != added.accepted.end())
                services_.storeUserDigest(name, f.bytes);
        }
    if (!onTop) setCorpus(std::move(added.build));
    return added.accepted;
}

void AppModel::removeDigest(const std::string& name) {
    if (!library_.remove(name)) return;
    services_.forgetUserDigest(name);
    // Taking a digest out is a build from the files: on a snapshot start, the bundled ones are fetched first.
    whenBundledFiles([this] { setCorpus(library_.build()); });
}

void AppModel::receiveArticleLines(std::string_view name, std::string linesJson) {
    draft_.open();
    draft_.setArticle(std::string(name), "", std::move(linesJson), false);
}

void AppModel::receiveFile(std::string_view name, std::string bytes) {
    if (draft_.isOpen() || import::isArticleFileName(name)) {  // articles are drafted, never read as digests
        draft_.open();
        draft_.setArticle(DigestLibrary::baseName(name), std::move(bytes), "", false);
        return;
    }
    // A reading list says so in its "format"; everything else is taken for a digest.
    if (bytes.find("\"papertide-reading-list\"") != std::string::npos) {
        std::string message;
        bool ok = ex_.importReadingList(bytes, message);
        flash((ok ? "✓ " : "✕ ") + std::string(name) + ": " + message);
        if (!ok) services_.warn(std::string(name) + ": " + message);
        return;
    }
    std::vector<core::SourceFile> files;
    files.push_back({std::string(name), std::move(bytes)});
    whenAddable(files, [this, files]() mutable { addDigests(std::move(files), true); });
}

namespace {
template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace

void AppModel::execute(Command command) {
    std::visit(Overloaded{
                   [&](const OpenPaper& c) { ex_.openPaper(c.id); },
                   [&](const ClosePaper&) { ex_.closePaper(); },
                   [&](const ToggleBookmark& c) { ex_.toggleBookmark(c.id); },
                   [&](const SetRead& c) { ex_.setRead(c.id, c.read); },
                   [&](const BookmarkAll& c) { flash("★ +" + std::to_string(ex_.bookmarkAll(c.ids))); },
                   [&](const RemoveDigest&) { deferred_.push_back(command); },
                   [&](const OpenArticleDraft&) { draft_.open(); },
                   [&](const CloseArticleDraft&) { draft_.close(); },
                   [&](const SetArticleText& c) { draft_.setArticle("", c.text, c.linesJson, true); },
                   [&](const SetDraftField& c) { draft_.setField(c.field, c.value); },
                   [&](const DropDraftEntry& c) { draft_.setDropped(c.entry, c.dropped); },
                   [&](const AddDraftToDigests&) { deferred_.push_back(command); },
                   [&](const DownloadDraft&) { downloadDraft(); },
                   [&](const MoveSelection& c) {
                       const auto& rows = ex_.visiblePapers();
                       if (c.delta == 0 || rows.empty()) return;
                       if (listCursor_ < 0 || listCursor_ >= int(rows.size()))
                           listCursor_ = std::max(ex_.selectedRow(), c.delta > 0 ? -1 : int(rows.size()));
                       listCursor_ = std::clamp(listCursor_ + c.delta, 0, int(rows.size()) - 1);
                       ex_.openPaper(ex_.corpus().papers[rows[listCursor_]].id);
                       selectionMoved_ = true;
                   },
                   [&](const OpenSelection&) {
                       const auto& rows = ex_.visiblePapers();
                       if (listCursor_ >= 0 && listCursor_ < int(rows.size()))
                           ex_.openPaper(ex_.corpus().papers[rows[listCursor_]].id);
                   },
               },
               command);
}

bool AppModel::takeSelectionMoved() {
    bool moved = selectionMoved_;
    selectionMoved_ = false;
    return moved;
}

void AppModel::beginFrame(double now) {
    now_ = now;
    pointerActions_.beginFrame();
    if (draft_.isOpen()) draft_.refresh(ex_.corpus(), services_.currentMonth());  // a file may have arrived
}

void AppModel::addDraft() {
    draft_.refresh(ex_.corpus(), services_.currentMonth());
    std::string why;
    std::string json = draft_.finalJson(why);
    if (json.empty()) {
        draft_.setAddResult("", {why});
        flash("✕ " + why);
        return;
    }
    std::vector<core::SourceFile> probe{{draft_.fileName(), ""}};
    whenAddable(probe, [this, name = draft_.fileName(), json]() mutable { addDraftDigest(name, std::move(json)); });
}

void AppModel::addDraftDigest(const std::string& name, std::string json) {
    const size_t before = fileProblems_.size();
    std::vector<core::SourceFile> files;
    files.push_back({name, std::move(json)});
    const bool added = !addDigests(std::move(files), true).empty();
    std::vector<std::string> problems;
    for (size_t i = before; i < fileProblems_.size(); ++i) problems.push_back(core::formatDiagnostic(fileProblems_[i]));
    draft_.setAddResult(added ? name : "", std::move(problems));
    if (added) flash("✓ " + name);
}

void AppModel::downloadDraft() {
    std::string why;
    std::string json = draft_.finalJson(why);
    if (json.empty()) return flash("✕ " + why);
    std::string where = services_.saveFile(draft_.fileName(), "application/json", json);
    if (where.empty()) return flash("✕ " + draft_.fileName());
    char message[512];
    std::snprintf(message, sizeof message, tr(lang(), Str::SavedTo), where.c_str());
    flash(message);
}

void AppModel::endFrame() {
    std::vector<Command> queued;
    queued.swap(deferred_);
    for (const Command& c : queued) {
        if (const auto* remove = std::get_if<RemoveDigest>(&c)) removeDigest(remove->name);
        if (std::holds_alternative<AddDraftToDigests>(c)) addDraft();
    }
    if (draft_.isOpen()) draft_.refresh(ex_.corpus(), services_.currentMonth());
    store_.persistChanges(ex_);
    location_.writeChanges(ex_);
}

}  // namespace papertide::app
