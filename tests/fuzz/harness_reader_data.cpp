// Fuzz harness: stored reader data (bookmarks, read marks, settings) and imported reading lists: a refusal changes
// nothing and says why; what is accepted survives a round trip.
#include <string>
#include <unordered_set>

#include "core/reader_data.h"
#include "core/reading_list.h"
#include "harness_support.h"
#include "harnesses.h"

namespace papertide::fuzz {

using namespace papertide::core;

int readerData(const uint8_t* data, size_t size) {
    std::string_view stored(reinterpret_cast<const char*>(data), size);
    const std::unordered_set<std::string> sentinel = {"sentinel-a", "arxiv:2205.06175"};
    for (std::string_view key : {kBookmarksKey, kReadKey}) {
        std::unordered_set<std::string> out = sentinel;
        std::string warning;
        bool ok = decodePaperSet(key, stored, out, warning);
        PAPERTIDE_FUZZ_CHECK(warning.empty() || warning.rfind(std::string(key) + ": ", 0) == 0, warning);
        PAPERTIDE_FUZZ_CHECK(validUtf8(warning), warning);
        if (!ok) {
            PAPERTIDE_FUZZ_CHECK(out == sentinel, "a refused value changed the set");
            PAPERTIDE_FUZZ_CHECK(!warning.empty(), "refused without a warning");
            continue;
        }
        for (const std::string& id : out) PAPERTIDE_FUZZ_CHECK(id.size() <= 128 && validUtf8(id), "bad id kept");
        std::string encoded = encodePaperSet(out);
        std::unordered_set<std::string> again = sentinel;
        std::string againWarning;
        PAPERTIDE_FUZZ_CHECK(decodePaperSet(key, encoded, again, againWarning), againWarning);
        PAPERTIDE_FUZZ_CHECK(againWarning.empty() && again == out, "paper set round trip: " + encoded);
    }
    Settings original;
    original.theme = Theme::Light;
    original.language = Language::Chinese;
    Settings settings = original;
    std::string warning;
    if (decodeSettings(stored, settings, warning)) {
        Settings again = original;
        std::string againWarning;
        PAPERTIDE_FUZZ_CHECK(decodeSettings(encodeSettings(settings), again, againWarning) && again == settings,
                             "settings round trip");
    } else {
        PAPERTIDE_FUZZ_CHECK(settings == original, "refused settings changed the value");
        PAPERTIDE_FUZZ_CHECK(warning.rfind(std::string(kSettingsKey) + ": ", 0) == 0, warning);
    }

    // The same bytes as an imported reading-list file: a union into the marks, or nothing at all.
    ReaderMarks marks;
    marks.bookmarked = sentinel;
    marks.read = {"read-a"};
    ReaderMarks before = marks;
    MergeReport report;
    std::string error;
    if (mergeReadingList(stored, marks, report, error)) {
        for (const std::string& id : before.bookmarked)
            PAPERTIDE_FUZZ_CHECK(marks.bookmarked.count(id), "a bookmark was lost");
        for (const std::string& id : before.read) PAPERTIDE_FUZZ_CHECK(marks.read.count(id), "a read mark was lost");
        PAPERTIDE_FUZZ_CHECK(marks.bookmarked.size() == before.bookmarked.size() + report.bookmarksAdded,
                             describeMerge(report));
        PAPERTIDE_FUZZ_CHECK(marks.read.size() == before.read.size() + report.readAdded, describeMerge(report));
        ReaderMarks again;
        MergeReport againReport;
        std::string againError;
        PAPERTIDE_FUZZ_CHECK(mergeReadingList(encodeReadingList(marks), again, againReport, againError), againError);
        PAPERTIDE_FUZZ_CHECK(again.bookmarked == marks.bookmarked && again.read == marks.read,
                             "reading list round trip");
    } else {
        PAPERTIDE_FUZZ_CHECK(marks.bookmarked == before.bookmarked && marks.read == before.read,
                             "a refused file changed the marks");
        PAPERTIDE_FUZZ_CHECK(!error.empty(), "refused without a reason");
    }
    return 0;
}

}  // namespace papertide::fuzz
