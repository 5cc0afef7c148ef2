// The bad-input matrix's loading and checks (bad_input_test_support.h).
#include "bad_input_test_support.h"

#include <algorithm>
#include <utility>

#include "core/corpus_loader.h"
#include "core/text.h"

namespace papertide::test::bad_input {

namespace {

std::string shortDump(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += formatDiagnostic(d).substr(0, 300) + "\n";
    return out;
}

// The expected diagnostic is among `mine`, located and formatted as "bad/<name>.json:L:C: /pointer: message".
void checkExpected(const std::string& name, const std::vector<Diagnostic>& mine, const Expect& e) {
    CAPTURE(name);
    INFO(shortDump(mine));
    bool found = false;
    for (const Diagnostic& d : mine) {
        std::string shown = d.pointer.empty() ? "/" : d.pointer;
        if (d.severity != e.severity || shown != e.pointer) continue;
        bool words = true;
        for (const std::string& k : e.keywords) words = words && contains(d.message, k);
        if (!words) continue;
        found = true;
        CHECK(d.line >= 1);
        CHECK(d.column >= 1);
        if (e.line) CHECK(d.line == e.line);
        if (e.column) CHECK(d.column == e.column);
        std::string line = formatDiagnostic(d);
        std::string prefix = "bad/" + name + ".json:" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + shown + ": ";
        CHECK(line.rfind(prefix, 0) == 0);
        if (e.severity == Severity::Warning) CHECK(contains(line, ": warning: "));
    }
    CHECK_MESSAGE(found, "expected " << e.pointer.substr(0, 200) << ": " << (e.keywords.empty() ? "" : e.keywords[0]));
}

bool loadedFrom(const Corpus& c, const std::string& file) {
    return std::any_of(c.digests.begin(), c.digests.end(), [&](const Digest& d) { return d.file == file; });
}

}  // namespace

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the template: " << from);
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "ambiguous in the template: " << from);
    return text.replace(at, from.size(), to);
}

std::string without(const std::string& parent, const std::string& key) {
    ojson j = ojson::parse(kTemplate);
    j[ojson::json_pointer(parent)].erase(key);
    return j.dump(2);
}

std::string t(const std::string& from, const std::string& to) { return replaced(kTemplate, from, to); }

const std::vector<SourceFile>& seedFiles() {
    static const std::vector<SourceFile> files = [] {
        std::vector<std::string> errors;
        std::vector<SourceFile> f = papertide::io::readCorpusDirectory(dataDir(), errors);
        REQUIRE_MESSAGE(errors.empty(), errors.front());
        return f;
    }();
    return files;
}

const Baseline& baseline() {
    static const Baseline b = [] {
        Baseline out;
        std::vector<Diagnostic> diagnostics;
        Corpus c = loadCorpus(splitCorpusFiles(seedFiles()), diagnostics);
        REQUIRE_MESSAGE(countErrors(diagnostics) == 0, dump(diagnostics));
        out.digests = c.digests.size();
        out.papers = c.papers.size();
        for (const Digest& d : c.digests) out.digestIds.push_back(d.id);
        return out;
    }();
    return b;
}

Outcome loadWithSeed(const std::string& name, const std::string& bytes, bool asUserDigest) {
    CorpusInput input = splitCorpusFiles(seedFiles());
    SourceFile bad{"bad/" + name + ".json", bytes};
    (asUserDigest ? input.userDigests : input.digests).push_back(std::move(bad));
    Outcome out;
    out.corpus = loadCorpus(input, out.diagnostics);
    for (const Diagnostic& d : out.diagnostics)
        if (d.file == "bad/" + name + ".json") out.mine.push_back(d);
    return out;
}

void checkSeedIntact(const Outcome& o, size_t badDigestsLoaded) {
    const Baseline& b = baseline();
    CHECK(b.digests == 5);  // the seed corpus as of this writing; the rest of the checks follow the data
    CHECK(b.papers == 75);
    CHECK(o.corpus.digests.size() == b.digests + badDigestsLoaded);
    for (const std::string& id : b.digestIds) CHECK_MESSAGE(o.corpus.findDigest(id) != nullptr, id);
    if (badDigestsLoaded == 0) CHECK(o.corpus.papers.size() == b.papers);
    else CHECK(o.corpus.papers.size() >= b.papers);
    for (const Diagnostic& d : o.diagnostics) {
        std::string line = formatDiagnostic(d);
        CHECK_MESSAGE(d.file.rfind("bad/", 0) == 0, "a seed file got a diagnostic: " << line.substr(0, 300));
        CHECK_MESSAGE(line.size() < 2000, "diagnostic of " << line.size() << " bytes: " << line.substr(0, 300));
        CHECK_MESSAGE(findInvalidUtf8(line) == std::string::npos, "not UTF-8: " << line.substr(0, 300));
    }
}

void checkCase(const std::string& name, const std::string& bytes, const Expect& e, bool asUserDigest) {
    Outcome o = loadWithSeed(name, bytes, asUserDigest);
    checkExpected(name, o.mine, e);
    bool loaded = loadedFrom(o.corpus, "bad/" + name + ".json");
    CHECK(loaded == (e.severity == Severity::Warning));
    CHECK(loaded == (countErrors(o.mine) == 0));
    checkSeedIntact(o, loaded ? 1 : 0);
}

void checkCases(const std::vector<Case>& cases) {
    CorpusInput input = splitCorpusFiles(seedFiles());
    for (const Case& c : cases) {
        REQUIRE(c.expect.severity == Severity::Error);
        input.digests.push_back({"bad/" + c.name + ".json", c.text});
    }
    Outcome o;
    o.corpus = loadCorpus(input, o.diagnostics);
    for (const Case& c : cases) {
        std::string file = "bad/" + c.name + ".json";
        std::vector<Diagnostic> mine;
        for (const Diagnostic& d : o.diagnostics)
            if (d.file == file) mine.push_back(d);
        checkExpected(c.name, mine, c.expect);
        CHECK_MESSAGE(!loadedFrom(o.corpus, file), c.name);
    }
    checkSeedIntact(o, 0);
}

}  // namespace papertide::test::bad_input
