// The application below the UI: the explorer (corpus, view state, marks), the files it is built from including
// the reader's own digests, persistence, URL-hash sync, keyboard navigation, feedback messages, and what is
// published to the host each frame (pointer actions, the screen-reader mirror). ImGui-free: the UI draws from
// it and sends it commands; the unit tests drive it with a fake AppServices.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accessible_view.h"
#include "app/app_services.h"
#include "app/article_draft.h"
#include "app/commands.h"
#include "app/digest_library.h"
#include "app/feedback.h"
#include "app/location_sync.h"
#include "app/pointer_actions.h"
#include "app/reader_store.h"
#include "app/strings.h"
#include "core/explorer.h"
#include "core/snapshot.h"

namespace papertide::app {

class AppModel {
public:
    explicit AppModel(AppServices& services);

    core::Explorer& explorer() { return ex_; }
    const core::Explorer& explorer() const { return ex_; }
    Lang lang() const;
    // The palette to draw with: the reader's theme, or the system's when it is "System".
    bool darkTheme() const;

    // --- start-up and files ------------------------------------------------------------------------------
    // The bundled files (topics.json, glossary.json, digests/*.json): builds the corpus and restores the marks
    // and settings kept in storage. Errors go to the console; the rest of the corpus still loads.
    void loadCorpus(std::vector<core::SourceFile> files);
    // The bundled corpus prebuilt (core/snapshot.h): shown as it is, without parsing or indexing; marks and
    // settings are restored as by loadCorpus. The bundled files are then asked for (AppServices::
    // requestBundledFiles) only when a reader's digest has to be merged with them.
    void loadSnapshot(core::Snapshot snapshot);
    // The bundled files the host fetched on request, one at a time, then the end of them. Without a corpus yet
    // (no snapshot, or a refused one) they become the corpus, each digest parsed as it comes and its bytes let go;
    // else they are held for the rebuild that asked for them. Then whatever waited for them (a reader's digests)
    // is done, in the order it came, and the files are let go: the host sends them again for a later rebuild.
    void receiveBundledFile(core::SourceFile file);
    void bundledFilesDone();
    void receiveBundledFiles(std::vector<core::SourceFile> files);  // all of them at once
    // Asks the host for the bundled files (no snapshot, or a refused one): they become the corpus when they arrive.
    void fetchBundledFiles() { whenBundledFiles([] {}); }
    // No corpus yet, or a reader's digests wait for the bundled files: the host holds the first frame.
    bool loading() const { return source_ == CorpusSource::None || !waitingForBundled_.empty(); }
    enum class CorpusSource { None, Json, Snapshot };
    // Where the corpus on screen came from: a snapshot stays the source until a reader's digest is merged.
    CorpusSource corpusSource() const { return source_; }
    // The reader's digests kept from earlier visits (AppServices::loadUserDigests), in one build.
    void restoreUserDigests(std::vector<core::SourceFile> files);
    // A file the reader chose or dropped: while "New digest from article…" is open, or when it is an article
    // (.txt, .md, .html…), it goes to the draft (opening the dialog). Otherwise a reading list is merged into the
    // marks; anything else is read as a digest, judged by the loader's rules, and when accepted merged into every
    // view and kept.
    void receiveFile(std::string_view name, std::string bytes);
    // An HTML article the browser already turned into lines (import::linesFromJson): always to the draft.
    void receiveArticleLines(std::string_view name, std::string linesJson);
    const ArticleDraft& articleDraft() const { return draft_; }
    const std::vector<std::string>& userDigests() const { return userDigests_; }
    const std::vector<core::Diagnostic>& fileProblems() const { return fileProblems_; }

    // --- commands and frames --------------------------------------------------------------------------------
    void execute(Command command);
    // True once after a keyboard move: the list scrolls the selection into view.
    bool takeSelectionMoved();
    void beginFrame(double now);
    // Runs queued commands, then saves what changed (marks, settings) and mirrors the view into the URL hash.
    void endFrame();
    void flash(std::string text) { feedback_.show(std::move(text), now_); }
    const Feedback& feedback() const { return feedback_; }
    bool feedbackVisible() const { return feedback_.visible(now_); }
    PointerActions& pointerActions() { return pointerActions_; }
    AccessibleView& accessibleView() { return accessibleView_; }

    // --- the URL hash and the page API ------------------------------------------------------------------------
    // While loading() the hash waits for the whole corpus (a shared link may name a reader's paper).
    void applyLocationHash(std::string_view hash);
    // window.papertide.state(): the model's part (view state, counts, marks, settings, the reader's files).
    std::string stateJson(long framesRendered);
    // window.papertide.setState(): view-state fields plus "theme" / "language"; false (with a warning) on bad JSON.
    bool applyStateJson(std::string_view json);
    AppServices& services() { return services_; }

private:
    void setCorpus(DigestLibrary::Build build);
    // The first corpus from files: errors to the console, then the marks and settings kept in storage.
    void showFirstCorpus(DigestLibrary::Build build);
    // The one way a corpus goes on screen: the view, the reader's digest names and the list cursor follow it.
    void showCorpus(core::Corpus corpus, core::SearchIndex index, std::vector<core::Diagnostic> diagnostics,
                    CorpusSource source);
    // Returns the base names accepted.
    std::vector<std::string> addDigests(std::vector<core::SourceFile> files, bool keep);
    // Runs `then` now when the library holds the bundled files, else once they arrive (asking for them once).
    void whenBundledFiles(std::function<void()> then);
    // A reader's digests merge on top of the corpus on screen (snapshot or JSON: no bundled file is needed); only a
    // newer version of a digest already added needs the bundled files (a rebuild).
    bool mergesOnTop(const std::vector<core::SourceFile>& files) const;
    void whenAddable(const std::vector<core::SourceFile>& files, std::function<void()> then);
    void applyPendingHash();
    void addDraft();
    void addDraftDigest(const std::string& name, std::string json);
    void downloadDraft();
    void removeDigest(const std::string& name);

    AppServices& services_;
    core::Explorer ex_;
    DigestLibrary library_;
    ReaderStore store_;
    ArticleDraft draft_;
    LocationSync location_;
    Feedback feedback_;
    PointerActions pointerActions_;
    AccessibleView accessibleView_;
    std::vector<std::string> userDigests_;
    std::vector<core::Diagnostic> fileProblems_;  // why files the reader added were refused
    std::vector<Command> deferred_;
    CorpusSource source_ = CorpusSource::None;
    bool hasBundledFiles_ = false;   // the library holds the bundled JSON (not so after loadSnapshot)
    bool bundledRequested_ = false;  // asked the host for them; not all arrived yet
    core::CorpusAssembly firstCorpus_;             // requested files arriving while there is no corpus yet
    std::vector<core::SourceFile> arrivingFiles_;  // requested files arriving for a rebuild
    std::vector<std::function<void()>> waitingForBundled_;
    std::optional<std::string> pendingHash_;  // a location hash that came while loading()
    int listCursor_ = -1;
    bool selectionMoved_ = false;
    double now_ = 0;
};

}  // namespace papertide::app
