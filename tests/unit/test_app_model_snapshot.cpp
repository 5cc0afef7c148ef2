// The application model started from a corpus snapshot (the web build's path): a reader's digests are merged on top
// of it (no bundled file fetched, nothing rebuilt), the bundled JSON files are asked for only to replace a digest
// already added, whatever waits for them is done once they arrive, and a host without a usable snapshot builds
// the corpus from the files it fetched.
#include <map>

#include "app/app_model.h"
#include "core/reader_data.h"
#include "app_test_support.h"

namespace papertide::test {
namespace {

// What `papertide pack` ships for these files, read back the way the app reads it.
core::Snapshot packedSnapshot() {
    std::vector<Diagnostic> diagnostics;
    core::CorpusInput input = core::splitCorpusFiles(bundledTestFiles());
    Corpus corpus = core::loadCorpus(input, diagnostics);
    core::SearchIndex index(corpus);
    std::string bytes = core::writeSnapshot(corpus, index, diagnostics);
    core::Snapshot snapshot;
    std::string error;
    REQUIRE(core::readSnapshot(bytes, snapshot, error));
    return snapshot;
}

std::string readerDigest(const std::string& id, const std::string& paperId, const std::string& alsoPicks = "") {
    std::vector<ojson> papers = {paperJson(paperId, "A Reader's Own Paper", {"Rea Der"}, {"general"})};
    if (!alsoPicks.empty()) papers.push_back(paperJson(alsoPicks, "Reward Models at Scale", {"Bo Two"}, {"rl"}));
    return digestJson(id, "2023-05", papers).dump();
}

nlohmann::json stateOf(app::AppModel& model) { return nlohmann::json::parse(model.stateJson(1)); }

}  // namespace

TEST_CASE("app model from a snapshot: shown as packed, marks restored, no bundled file fetched") {
    RecordingServices services;
    services.values[std::string(core::kBookmarksKey)] = core::encodePaperSet({"arxiv:2302.00003"});
    app::AppModel model(services);
    CHECK(model.loading());
    CHECK(stateOf(model)["corpusSource"] == "none");
    model.loadSnapshot(packedSnapshot());
    CHECK_FALSE(model.loading());
    CHECK(model.corpusSource() == app::AppModel::CorpusSource::Snapshot);
    CHECK(model.explorer().corpus().papers.size() == 3);
    CHECK(model.explorer().corpus().digests.size() == 2);
    CHECK(model.explorer().visiblePapers().size() == 3);
    CHECK(model.explorer().marks().bookmarked.count("arxiv:2302.00003") == 1);
    core::SearchQuery query = core::parseSearchQuery("vision");
    CHECK(model.explorer().index().match(query).size() == 1);  // the packed index answers as it is
    CHECK(stateOf(model)["corpusSource"] == "snapshot");
    CHECK(services.bundledRequests == 0);
    model.restoreUserDigests({});  // nothing kept: still nothing to fetch
    CHECK(services.bundledRequests == 0);
}

TEST_CASE("app model from a snapshot: a reader's digests merge on top at once, as a build from the files would") {
    RecordingServices services;
    app::AppModel model(services);
    model.loadSnapshot(packedSnapshot());
    model.explorer().setQuery("reward");  // the view stays as the corpus grows

    model.receiveFile("mine.json", readerDigest("reader-1", "reader-paper", "arxiv:2301.00002"));
    model.receiveFile("other.json", readerDigest("reader-2", "reader-paper-2"));
    CHECK(services.bundledRequests == 0);  // neither the bundled files nor a rebuild are needed
    CHECK_FALSE(model.loading());
    CHECK(model.corpusSource() == app::AppModel::CorpusSource::Snapshot);
    const Corpus& corpus = model.explorer().corpus();
    CHECK(corpus.papers.size() == 5);
    CHECK(corpus.digests.size() == 4);
    CHECK(model.userDigests() == std::vector<std::string>{"mine.json", "other.json"});
    CHECK(services.kept.size() == 2);
    CHECK(model.explorer().state().filter.query == "reward");
    // A bundled paper the reader's digest also picks gains that appearance, as in a build from the files.
    const Paper* shared = corpus.findPaper("arxiv:2301.00002");
    REQUIRE(shared != nullptr);
    CHECK(shared->appearances.size() == 2);
    CHECK(shared->digestCount == 2);
    CHECK(paperIds(corpus, model.explorer().index().match(core::parseSearchQuery("reader's own"))) ==
          std::vector<std::string>{"reader-paper", "reader-paper-2"});

    // Exactly the corpus and index a build from all the files gives.
    std::vector<SourceFile> all = bundledTestFiles();
    core::CorpusInput input = core::splitCorpusFiles(all);
    input.userDigests = {{"mine.json", readerDigest("reader-1", "reader-paper", "arxiv:2301.00002")},
                         {"other.json", readerDigest("reader-2", "reader-paper-2")}};
    std::vector<Diagnostic> diagnostics;
    Corpus built = core::loadCorpus(input, diagnostics);
    CHECK(core::writeSnapshot(corpus, model.explorer().index(), {}) == core::writeSnapshot(built, core::SearchIndex(built), {}));

    SUBCASE("a file with an error, or a digest id already taken, is refused whole") {
        model.receiveFile("broken.json", "{\"format\": 1,");
        model.receiveFile("taken.json", readerDigest("reader-1", "reader-paper-9"));
        CHECK(services.bundledRequests == 0);
        CHECK(model.explorer().corpus().papers.size() == 5);
        CHECK(model.explorer().corpus().findPaper("reader-paper-9") == nullptr);
        CHECK(model.userDigests() == std::vector<std::string>{"mine.json", "other.json"});
        CHECK(services.kept.size() == 2);
    }
    SUBCASE("removing a digest takes the files and a rebuild; the bundled papers stay") {
        model.execute(app::RemoveDigest{"mine.json"});
        model.endFrame();
        CHECK(services.bundledRequests == 1);
        CHECK(model.loading());
        model.receiveBundledFiles(bundledTestFiles());
        CHECK_FALSE(model.loading());
        CHECK(model.explorer().corpus().papers.size() == 4);  // 3 bundled + other.json's
        CHECK(model.explorer().corpus().findPaper("reader-paper") == nullptr);
        CHECK(model.explorer().corpus().findPaper("arxiv:2301.00002")->appearances.size() == 1);
        CHECK(model.userDigests() == std::vector<std::string>{"other.json"});
    }
    SUBCASE("a newer version of a digest already added replaces it: that takes the files and a rebuild") {
        model.receiveFile("mine.json", readerDigest("reader-1", "reader-paper-new"));
        CHECK(services.bundledRequests == 1);
        model.receiveBundledFiles(bundledTestFiles());
        CHECK(model.corpusSource() == app::AppModel::CorpusSource::Json);
        CHECK(model.explorer().corpus().findPaper("reader-paper") == nullptr);
        CHECK(model.explorer().corpus().findPaper("reader-paper-new") != nullptr);
        CHECK(model.userDigests() == std::vector<std::string>{"mine.json", "other.json"});
        // ...and later digests merge on top of that build
        model.receiveFile("third.json", readerDigest("reader-3", "reader-paper-3"));
        CHECK(services.bundledRequests == 1);
        CHECK(model.explorer().corpus().papers.size() == 6);
    }
}

TEST_CASE("app model from a snapshot: kept digests are merged on top before the first frame, not stored again") {
    RecordingServices services;
    app::AppModel model(services);
    model.loadSnapshot(packedSnapshot());
    model.restoreUserDigests({{"kept.json", readerDigest("reader-1", "reader-paper")}});
    CHECK(services.bundledRequests == 0);
    CHECK_FALSE(model.loading());
    CHECK(model.explorer().corpus().findPaper("reader-paper") != nullptr);
    CHECK(model.userDigests() == std::vector<std::string>{"kept.json"});
    CHECK(services.kept.empty());
}

TEST_CASE("app model without a usable snapshot: the fetched files become the corpus, then the waiting digests") {
    RecordingServices services;
    app::AppModel model(services);
    model.restoreUserDigests({{"kept.json", readerDigest("reader-1", "reader-paper")}});
    CHECK(services.bundledRequests == 1);
    CHECK(model.loading());
    std::vector<SourceFile> files = bundledTestFiles();
    files.push_back({"digests/broken.json", "{\"format\": 1,"});  // one bad file: the rest still loads
    model.receiveBundledFiles(std::move(files));
    CHECK_FALSE(model.loading());
    CHECK(model.corpusSource() == app::AppModel::CorpusSource::Json);
    CHECK(model.explorer().corpus().papers.size() == 4);
    CHECK(model.userDigests() == std::vector<std::string>{"kept.json"});
    REQUIRE(services.warnings.size() == 1);
    CHECK(contains(services.warnings[0], "digests/broken.json:1:"));
}

TEST_CASE("app model from a snapshot: the bundled files arriving alone change nothing on screen") {
    RecordingServices services;
    app::AppModel model(services);
    model.loadSnapshot(packedSnapshot());
    const uint64_t revision = model.explorer().corpusRevision();
    model.receiveBundledFiles(bundledTestFiles());
    CHECK(model.corpusSource() == app::AppModel::CorpusSource::Snapshot);
    CHECK(model.explorer().corpusRevision() == revision);
    model.receiveFile("mine.json", readerDigest("reader-1", "reader-paper"));
    CHECK(services.bundledRequests == 0);
    CHECK(model.explorer().corpus().papers.size() == 4);
}

}  // namespace papertide::test

namespace papertide::test {

TEST_CASE("app model without a snapshot: the files come one at a time, become the corpus, and are not kept") {
    RecordingServices services;
    app::AppModel model(services);
    model.fetchBundledFiles();
    CHECK(services.bundledRequests == 1);
    for (SourceFile& f : bundledTestFiles()) {
        model.receiveBundledFile(std::move(f));
        CHECK(model.loading());  // nothing is shown before the last file is in
    }
    model.bundledFilesDone();
    CHECK_FALSE(model.loading());
    CHECK(model.corpusSource() == app::AppModel::CorpusSource::Json);
    CHECK(model.explorer().corpus().papers.size() == 3);
    CHECK(model.explorer().index().match(core::parseSearchQuery("vision")).size() == 1);
    // A reader's digest merges on top without the files...
    model.receiveFile("mine.json", readerDigest("reader-1", "reader-paper"));
    CHECK(services.bundledRequests == 1);
    CHECK(model.explorer().corpus().papers.size() == 4);
    // ...and taking it out is a rebuild: the files were let go, so they are asked for again, each time.
    model.execute(app::RemoveDigest{"mine.json"});
    model.endFrame();
    CHECK(services.bundledRequests == 2);
    CHECK(model.loading());
    model.receiveBundledFiles(bundledTestFiles());
    CHECK_FALSE(model.loading());
    CHECK(model.explorer().corpus().papers.size() == 3);
    model.receiveFile("mine.json", readerDigest("reader-1", "reader-paper"));
    CHECK(model.explorer().corpus().papers.size() == 4);
    model.execute(app::RemoveDigest{"mine.json"});
    model.endFrame();
    CHECK(services.bundledRequests == 3);
    model.receiveBundledFiles(bundledTestFiles());
    CHECK(model.explorer().corpus().papers.size() == 3);
    CHECK(model.userDigests().empty());
}

}  // namespace papertide::test
