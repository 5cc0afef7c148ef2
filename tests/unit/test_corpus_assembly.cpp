// CorpusAssembly (core/corpus_loader.h): the corpus built from files handed over one at a time, as the page
// fetches them, is the corpus loadCorpus builds from them all at once, with the same diagnostics in the same
// order, whatever comes before the taxonomy; a missing taxonomy or a broken file is reported, never dropped.
#include <string>
#include <vector>

#include "io/corpus_files.h"
#include "same_corpus.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;

namespace {

std::vector<SourceFile> seedFileList() {
    std::vector<std::string> errors;
    std::vector<SourceFile> files = papertide::io::readCorpusDirectory(dataDir(), errors);
    REQUIRE_MESSAGE(errors.empty(), errors.front());
    return files;
}

Loaded assemble(std::vector<SourceFile> files) {
    CorpusAssembly assembly;
    for (SourceFile& f : files) assembly.add(std::move(f));
    Loaded out;
    out.corpus = assembly.finish(out.diagnostics);
    return out;
}

Loaded loadAtOnce(std::vector<SourceFile> files) {
    Loaded out;
    out.corpus = loadCorpus(splitCorpusFiles(std::move(files)), out.diagnostics);
    return out;
}

}  // namespace

TEST_CASE("the seed corpus assembled file by file is the corpus loaded at once") {
    std::vector<SourceFile> files = seedFileList();
    REQUIRE(files.size() >= 3);
    Loaded atOnce = loadAtOnce(files);
    REQUIRE(atOnce.corpus.papers.size() > 50);
    SUBCASE("in the list's order (taxonomy first)") {
        Loaded assembled = assemble(files);
        checkSameCorpus(atOnce.corpus, assembled.corpus);
        CHECK(formatted(assembled.diagnostics) == formatted(atOnce.diagnostics));
    }
    SUBCASE("digests before the taxonomy and the glossary wait for it") {
        std::vector<SourceFile> reversed(files.rbegin(), files.rend());
        REQUIRE(reversed.front().name.find("digests/") != std::string::npos);
        Loaded assembled = assemble(reversed);
        // Reversed, the digests are parsed in the other order; the corpus merges them by month either way.
        REQUIRE(assembled.corpus.papers.size() == atOnce.corpus.papers.size());
        CHECK(assembled.corpus.digests.size() == atOnce.corpus.digests.size());
        CHECK(assembled.corpus.glossary.size() == atOnce.corpus.glossary.size());
        CHECK(countErrors(assembled.diagnostics) == 0);
    }
}

TEST_CASE("an assembly reports what is wrong and keeps the rest") {
    const ojson good = digestJson("2023-01-good", "2023-01", {paperJson("arxiv:2301.00001", "Good paper", {"A. Author"}, {})});
    SUBCASE("no taxonomy came: reported as topics.json, as loadCorpus does") {
        Loaded assembled = assemble({digestFile(good)});
        Loaded atOnce = loadAtOnce({digestFile(good)});
        CHECK(formatted(assembled.diagnostics) == formatted(atOnce.diagnostics));
        REQUIRE(!assembled.diagnostics.empty());
        CHECK(assembled.diagnostics.front().file == "topics.json");
    }
    SUBCASE("a broken digest is an error at its line; the good one loads") {
        std::vector<SourceFile> files = {{"topics.json", kTestTaxonomy}, {"digests/broken.json", "{\"format\": 1,\n"},
                                         digestFile(good)};
        Loaded assembled = assemble(files);
        CHECK(formatted(assembled.diagnostics) == formatted(loadAtOnce(files).diagnostics));
        REQUIRE(countErrors(assembled.diagnostics) == 1);
        CHECK(contains(dump(assembled.diagnostics), "digests/broken.json:2:"));
        CHECK(assembled.corpus.findPaper("arxiv:2301.00001") != nullptr);
    }
    SUBCASE("two digests with one id: the later one in the list is refused, as loadCorpus does") {
        ojson again = good;
        again["papers"] = ojson::array({paperJson("arxiv:2301.00002", "Other paper", {"B. Author"}, {})});
        SourceFile second = digestFile(again);
        second.name = "digests/zz-again.json";
        std::vector<SourceFile> files = {{"topics.json", kTestTaxonomy}, digestFile(good), second};
        Loaded assembled = assemble(files);
        CHECK(formatted(assembled.diagnostics) == formatted(loadAtOnce(files).diagnostics));
        CHECK(assembled.corpus.findPaper("arxiv:2301.00001") != nullptr);
        CHECK(assembled.corpus.findPaper("arxiv:2301.00002") == nullptr);
    }
}

TEST_CASE("an assembly lets each file's bytes go once parsed, and is empty again after finish") {
    CorpusAssembly assembly;
    SourceFile taxonomy{"topics.json", kTestTaxonomy};
    SourceFile digest = digestFile(digestJson("2023-01-good", "2023-01", {paperJson("arxiv:2301.00001", "Good", {"A"}, {})}));
    assembly.add(std::move(taxonomy));
    assembly.add(std::move(digest));
    CHECK(taxonomy.bytes.empty());
    CHECK(digest.bytes.empty());
    std::vector<Diagnostic> diagnostics;
    Corpus first = assembly.finish(diagnostics);
    CHECK(first.papers.size() == 1);
    diagnostics.clear();
    Corpus second = assembly.finish(diagnostics);
    CHECK(second.papers.empty());
    REQUIRE(!diagnostics.empty());
    CHECK(diagnostics.front().file == "topics.json");  // nothing came this time: the taxonomy is missing
}
