// Reading lists without an account: bookmarks and read marks exported to a file and merged back in, and a
// list shared as a link (the ids travel in the URL fragment; nothing leaves the browser).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/paper_filter.h"

namespace papertide::core {

// {"format":"papertide-reading-list","version":1,"bookmarks":[...],"read":[...]}
std::string encodeReadingList(const ReaderMarks& marks);

struct MergeReport {
    size_t bookmarksAdded = 0, readAdded = 0;
    size_t alreadyPresent = 0;
    size_t skipped = 0;  // entries that were not paper ids
};
// Merges a reading-list file into `marks` (union: nothing the reader has is removed or overwritten).
// False with `error` when the file is not a reading list; `marks` is then untouched.
bool mergeReadingList(std::string_view file, ReaderMarks& marks, MergeReport& report, std::string& error);
std::string describeMerge(const MergeReport& report);

}  // namespace papertide::core
