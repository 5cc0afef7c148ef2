// A reader's digests merged on top of a built corpus and index (core/corpus_merge.h, SearchIndex::afterMerge)
// must give exactly what building everything from the files gives: the same corpus, the same index, byte for
// byte through the snapshot writer, and the same diagnostics. Checked on the seed corpus (every split of its
// digests into bundled and the reader's), a generated 2,000-paper corpus (random splits, one or two batches),
// and hand-made digests for each merge rule (touched papers, replaced author lists, retagged topics, digests
// landing between older ones, refused ids).
#include <random>

#include "core/corpus_merge.h"
#include "core/search_index.h"
#include "core/snapshot.h"
#include "io/corpus_files.h"
#include "synthetic_corpus.h"
#include "test_support.h"

using namespace papertide::core;
using namespace papertide::test;
namespace synth = papertide::synth;

namespace {

struct Files {
    SourceFile taxonomy;
    std::vector<SourceFile> digests;
};

Files seedFiles() {
    std::vector<std::string> ioErrors;
    CorpusInput input = splitCorpusFiles(papertide::io::readCorpusDirectory(dataDir(), ioErrors));
    REQUIRE(ioErrors.empty());
    return {input.taxonomy, input.digests};
}

Files generatedFiles(uint64_t papers, uint64_t seed) {
    synth::Options options;
    options.papers = papers;
    options.seed = seed;
    options.recurrence = 0.3;  // many papers picked again: many touched papers
    synth::Stats stats;
    std::string error;
    Files out;
    std::vector<SourceFile> files;
    REQUIRE(synth::generate(
        options, readText(dataDir() + "/topics.json"), synth::Vocabulary::builtin(),
        [&](const std::string& path, std::string&& bytes) { files.push_back({path, std::move(bytes)}); }, stats, error));
    CorpusInput input = splitCorpusFiles(std::move(files));
    out.taxonomy = input.taxonomy;
    out.digests = input.digests;
    return out;
}

std::vector<std::string> sortedFormatted(const std::vector<Diagnostic>& d) { return sorted(formatted(d)); }

struct Outcome {
    Corpus corpus;
    SearchIndex index;
    std::vector<Diagnostic> diagnostics;
    std::vector<MergeChange> changes;
};

// Everything from the files in one build.
Outcome rebuilt(const Files& files, const std::vector<std::vector<SourceFile>>& batches) {
    CorpusInput input;
    input.taxonomy = files.taxonomy;
    input.digests = files.digests;
    for (const auto& batch : batches) input.userDigests.insert(input.userDigests.end(), batch.begin(), batch.end());
    Outcome out;
    out.corpus = loadCorpus(input, out.diagnostics);
    out.index = SearchIndex(out.corpus);
    return out;
}

// The bundled files built, then each batch parsed and merged on top.
Outcome merged(const Files& files, const std::vector<std::vector<SourceFile>>& batches) {
    CorpusInput input;
    input.taxonomy = files.taxonomy;
    input.digests = files.digests;
    Outcome out;
    out.corpus = loadCorpus(input, out.diagnostics);
    out.index = SearchIndex(out.corpus);
    for (const auto& batch : batches) {
        std::vector<DigestRecord> records;
        for (const SourceFile& f : batch)
            if (auto r = parseDigest(f.name, f.bytes, out.corpus.topicById, out.diagnostics)) records.push_back(std::move(*r));
        out.changes.push_back(mergeDigests(out.corpus, std::move(records), Origin::User, out.diagnostics));
        out.index = SearchIndex::afterMerge(std::move(out.index), out.corpus, out.changes.back().touched);
    }
    return out;
}

void checkSame(const Files& files, const std::vector<std::vector<SourceFile>>& batches) {
    Outcome full = rebuilt(files, batches);
    Outcome incremental = merged(files, batches);
    const std::string expected = writeSnapshot(full.corpus, full.index, {});
    REQUIRE_FALSE(expected.empty());
    // The corpus: merged on top equals built at once (the fresh index over it is then the same too).
    CHECK(writeSnapshot(incremental.corpus, SearchIndex(incremental.corpus), {}) == expected);
    // The index: merged from the base and the overlay equals the fresh one.
    CHECK(writeSnapshot(incremental.corpus, incremental.index, {}) == expected);
    CHECK(sortedFormatted(incremental.diagnostics) == sortedFormatted(full.diagnostics));
}

std::vector<std::vector<SourceFile>> userBatches(std::vector<SourceFile> user, size_t batches) {
    std::vector<std::vector<SourceFile>> out(batches);
    for (size_t i = 0; i < user.size(); ++i) {
        user[i].name = "user/" + user[i].name;
        out[i * batches / user.size()].push_back(user[i]);
    }
    return out;
}

}  // namespace

TEST_SUITE("index merge") {

TEST_CASE("every split of the seed digests into bundled and the reader's: merged on top equals built at once") {
    const Files all = seedFiles();
    REQUIRE(all.digests.size() >= 3);
    const size_t n = all.digests.size();
    for (uint32_t mask = 1; mask < (1u << n); ++mask) {
        Files bundled{all.taxonomy, {}};
        std::vector<SourceFile> user;
        for (size_t i = 0; i < n; ++i) ((mask >> i & 1) ? user : bundled.digests).push_back(all.digests[i]);
        CAPTURE(mask);
        checkSame(bundled, userBatches(user, 1));
        if (user.size() >= 2) checkSame(bundled, userBatches(user, 2));
    }
}

TEST_CASE("a generated corpus split at random: merged on top equals built at once, in one batch or several") {
    const Files all = generatedFiles(2000, 11);
    REQUIRE(all.digests.size() >= 20);
    std::mt19937_64 rng(5);
    for (int round = 0; round < 6; ++round) {
        Files bundled{all.taxonomy, {}};
        std::vector<SourceFile> user;
        // From a few digests (the usual reader) to half of them; later rounds take recent months only.
        const size_t take = round < 3 ? 1 + round * 2 : all.digests.size() / 2;
        std::vector<size_t> order(all.digests.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        if (round != 4) std::shuffle(order.begin(), order.end(), rng);
        else std::reverse(order.begin(), order.end());
        std::vector<bool> isUser(all.digests.size(), false);
        for (size_t i = 0; i < take; ++i) isUser[order[i]] = true;
        for (size_t i = 0; i < all.digests.size(); ++i) (isUser[i] ? user : bundled.digests).push_back(all.digests[i]);
        CAPTURE(round);
        checkSame(bundled, userBatches(user, round % 3 + 1));
    }
}

TEST_CASE("the merge rules on top of a built corpus: touched papers, authors, topics, digest order, refused ids") {
    ojson a = paperJson("arxiv:2201.00001", "Scaling laws for language models", {"Ada Lovelace", "et al."}, {},
                        {{"authors_truncated", true}, {"summary", "研究语言模型的规模定律 scaling behaviour"}});
    ojson b = paperJson("arxiv:2201.00002", "Denoising diffusion for images", {"Grace Hopper"}, {"diffusion"},
                        {{"summary", "扩散模型生成图像"}});
    ojson c = paperJson("arxiv:2202.00003", "Reward shaping revisited", {"Alan Turing"}, {"rl"}, {{"summary", "奖励塑形"}});
    Files files;
    files.taxonomy = {"topics.json", kTestTaxonomy};
    files.digests.push_back(digestFile(digestJson("2022-01-a", "2022-01", {a, b})));
    files.digests.push_back(digestFile(digestJson("2022-03-a", "2022-03", {c})));

    // An earlier month than every bundled digest; picks `a` again with its complete author list and a tag (its
    // topics were inferred), picks `c` again with a new summary, and brings a new paper.
    ojson a2 = paperJson("arxiv:2201.00001", "Scaling Laws for Language Models", {"Ada Lovelace", "Charles Babbage"},
                         {"language-models"}, {{"summary", "完整作者列表 complete author list"}});
    ojson c2 = paperJson("arxiv:2202.00003", "Reward shaping revisited", {"Alan Turing"}, {}, {{"summary", "新的总结 overlay words"}});
    ojson d = paperJson("arxiv:2112.00004", "Vision transformers at scale", {"Hedy Lamarr"}, {}, {{"summary", "视觉模型 image"}});
    std::vector<SourceFile> user = {digestFile(digestJson("2021-12-u", "2021-12", {a2, c2, d}))};
    // A reader's digest may not take a bundled digest's id: refused at /id, nothing of it merged.
    user.push_back(digestFile(digestJson("2022-01-a", "2022-02", {paperJson("arxiv:2202.09999", "Impostor", {"X"}, {})})));
    checkSame(files, userBatches(user, 1));

    Outcome out = merged(files, userBatches(user, 1));
    const Corpus& corpus = out.corpus;
    INFO(dump(out.diagnostics));
    REQUIRE(out.changes.size() == 1);
    const MergeChange& change = out.changes[0];
    CHECK(change.skipped == 1);
    CHECK(change.firstNewPaper == 3);
    CHECK(paperIds(corpus, change.touched) == std::vector<std::string>{"arxiv:2201.00001", "arxiv:2202.00003"});
    REQUIRE(corpus.digests.size() == 3);
    CHECK(corpus.digests[0].id == "2021-12-u");  // month order: it lands before the bundled ones
    CHECK(corpus.digests[0].origin == Origin::User);
    REQUIRE(change.added == std::vector<DigestIndex>{0});
    CHECK(formatMonth(corpus.firstMonth) == "2021-12");
    const Paper* pa = corpus.findPaper("arxiv:2201.00001");
    REQUIRE(pa);
    CHECK(authorNames(corpus, *pa) == std::vector<std::string>{"Ada Lovelace", "Charles Babbage"});
    CHECK(pa->title == "Scaling laws for language models");  // the bundled title stays
    CHECK(topicIds(corpus, pa->topics) == std::vector<std::string>{"language-models"});
    CHECK_FALSE(pa->topicsInferred);
    CHECK(appearanceMonths(corpus, *pa) == std::vector<std::string>{"2021-12", "2022-01"});
    CHECK(pa->digestCount == 2);
    CHECK(corpus.findPaper("arxiv:2202.09999") == nullptr);
    // The merged index answers for the new paper and the touched ones' new words and names.
    auto ids = [&](std::string_view q) { return sorted(paperIds(corpus, out.index.match(parseSearchQuery(q)))); };
    CHECK(ids("vision transformers") == std::vector<std::string>{"arxiv:2112.00004"});
    CHECK(ids("overlay") == std::vector<std::string>{"arxiv:2202.00003"});
    CHECK(ids("babbage") == std::vector<std::string>{"arxiv:2201.00001"});
    CHECK(ids("新的总结") == std::vector<std::string>{"arxiv:2202.00003"});
    CHECK(ids("lovelace") == std::vector<std::string>{"arxiv:2201.00001"});
}

TEST_CASE("on an index loaded from a snapshot, the merge lays the text and lists out in place") {
    // A snapshot's index keeps room to grow (core/byte_relayout.h): merging a reader's digests moves its bytes
    // within the same buffers (no second copy of them at the peak) and still equals a build from the files.
    const Files all = generatedFiles(2000, 5);
    Files bundled{all.taxonomy, {all.digests.begin(), all.digests.end() - 1}};
    std::vector<SourceFile> user(all.digests.end() - 1, all.digests.end());
    ojson digest = ojson::parse(user[0].bytes);  // a reader's digest: a dozen papers, not a generated month's 40
    digest["papers"].erase(digest["papers"].begin() + 12, digest["papers"].end());
    user[0].bytes = digest.dump();
    user[0].name = "user/" + user[0].name;
    Outcome start = rebuilt(bundled, {});
    Snapshot loaded;
    std::string error;
    REQUIRE_MESSAGE(readSnapshot(writeSnapshot(start.corpus, start.index, start.diagnostics), loaded, error), error);
    const char* text = loaded.index.foldedTitles(0).data();
    std::vector<DigestRecord> records;
    for (const SourceFile& f : user)
        if (auto r = parseDigest(f.name, f.bytes, loaded.corpus.topicById, loaded.diagnostics)) records.push_back(std::move(*r));
    const MergeChange change = mergeDigests(loaded.corpus, std::move(records), Origin::User, loaded.diagnostics);
    REQUIRE_FALSE(change.touched.empty());  // the later digests pick earlier papers again
    loaded.index = SearchIndex::afterMerge(std::move(loaded.index), loaded.corpus, change.touched);
    CHECK(loaded.index.foldedTitles(0).data() == text);
    Outcome full = rebuilt(bundled, {user});
    CHECK(writeSnapshot(loaded.corpus, loaded.index, {}) == writeSnapshot(full.corpus, full.index, {}));
}

TEST_CASE("merging nothing new keeps the index as it is; merging into an empty corpus builds it") {
    const Files all = seedFiles();
    Outcome none = merged(all, {{}});
    REQUIRE(none.changes.size() == 1);
    CHECK(none.changes[0].touched.empty());
    CHECK(writeSnapshot(none.corpus, none.index, {}) == writeSnapshot(none.corpus, SearchIndex(none.corpus), {}));

    Files empty{all.taxonomy, {}};
    checkSame(empty, userBatches(all.digests, 1));
}

}  // TEST_SUITE
