// Fuzz harness: arbitrary bytes as a snapshot, once as they are and once "resealed" (every section checksum and the
// table checksum recomputed), so that mutations get past the checksums into the structural checks. A refusal must
// leave nothing behind and say why; an accepted snapshot must answer queries, sort and count without leaving its
// arrays (ASan watches), and write back to a snapshot that reads again to the same bytes.
#include <cstring>
#include <string>
#include <vector>

#include "core/explorer.h"
#include "core/snapshot.h"
#include "core/snapshot_format.h"
#include "harness_snapshot.h"
#include "harness_support.h"
#include "harnesses.h"

namespace papertide::fuzz {

using namespace papertide::core;

void resealSnapshot(std::string& bytes) {
    using namespace papertide::core::snapshot_detail;
    if (bytes.size() < kHeaderBytes) return;
    uint32_t count = 0;
    std::memcpy(&count, bytes.data() + 12, 4);
    const uint64_t dataStart = kHeaderBytes + uint64_t(count) * kEntryBytes;
    if (count > kMaxSections || dataStart > bytes.size()) return;
    for (uint32_t i = 0; i < count; ++i) {
        char* row = bytes.data() + kHeaderBytes + size_t(i) * kEntryBytes;
        uint64_t offset = 0, size = 0;
        std::memcpy(&offset, row + 8, 8);
        std::memcpy(&size, row + 16, 8);
        if (offset > bytes.size() || size > bytes.size() - offset) continue;
        uint64_t hash = hash64(bytes.data() + offset, size);
        std::memcpy(row + 24, &hash, 8);
    }
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    const uint64_t hash = tableChecksum(data, data + kHeaderBytes, size_t(count) * kEntryBytes);
    std::memcpy(bytes.data() + 24, &hash, 8);
}

void checkLoadedSnapshot(Snapshot& s, std::string_view input) {
    const Corpus& c = s.corpus;
    PAPERTIDE_FUZZ_CHECK(s.index.paperCount() == c.papers.size(), "index and corpus disagree on the paper count");
    // Queries built from the loaded text itself (its first words and characters), every sort, the matrix.
    std::vector<std::string> queries = {"a", "model", "模型", "-a b", "\"a b\"", "l", "la"};
    if (!c.papers.empty()) queries.push_back(c.papers.front().title.substr(0, 12));
    if (!c.appearances.empty()) queries.push_back(c.appearances.back().summary.substr(0, 9));
    queries.push_back(std::string(input.substr(0, 6)));
    for (const std::string& text : queries) {
        SearchQuery q = parseSearchQuery(text);
        std::vector<PaperIndex> result = s.index.match(q);
        for (PaperIndex p : result) PAPERTIDE_FUZZ_CHECK(p < c.papers.size(), "a result beyond the papers");
        for (SortOrder order :
             {SortOrder::Relevance, SortOrder::Newest, SortOrder::Oldest, SortOrder::Title, SortOrder::Recurrence}) {
            std::vector<PaperIndex> sorted = result;
            sortPapers(c, s.index, q, order, sorted);
            PAPERTIDE_FUZZ_CHECK(sorted.size() == result.size(), "sorting lost papers");
        }
    }
    std::vector<PaperIndex> all(c.papers.size());
    for (PaperIndex i = 0; i < all.size(); ++i) all[i] = i;
    TopicMonthMatrix m = countTopicMonths(c, PaperMonths(c), all);
    PAPERTIDE_FUZZ_CHECK(m.topicTotals.size() == c.topics.size(), "matrix rows");
    // Written back, it reads again, and writing that gives the same bytes.
    std::string again = writeSnapshot(c, s.index, s.diagnostics);
    PAPERTIDE_FUZZ_CHECK(!again.empty(), "an accepted snapshot cannot be written back");
    Snapshot second;
    std::string error;
    PAPERTIDE_FUZZ_CHECK(readSnapshot(again, second, error), error);
    PAPERTIDE_FUZZ_CHECK(writeSnapshot(second.corpus, second.index, second.diagnostics) == again,
                         "write(read(x)) is not a fixed point");
}

namespace {

void readOneSnapshot(std::string_view bytes) {
    Snapshot s;
    std::string error;
    if (readSnapshot(bytes, s, error)) {
        PAPERTIDE_FUZZ_CHECK(error.empty(), error);
        checkLoadedSnapshot(s, bytes);
        return;
    }
    PAPERTIDE_FUZZ_CHECK(error.rfind("snapshot: ", 0) == 0 && error.size() > 12, "refused without a reason: " + error);
    PAPERTIDE_FUZZ_CHECK(
        s.corpus.papers.empty() && s.corpus.topics.empty() && s.index.paperCount() == 0 && s.diagnostics.empty(),
        "a refused snapshot left data behind: " + error);
}

}  // namespace

int snapshot(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    readOneSnapshot(bytes);
    resealSnapshot(bytes);
    readOneSnapshot(bytes);
    return 0;
}

}  // namespace papertide::fuzz
