// Parses and validates one digest file into a DigestRecord: the digest plus its paper entries, unmerged.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"

namespace papertide::core {

// One entry of a digest's "papers" list, as written (papers are merged across digests later).
struct PaperEntry {
    std::string id;
    uint32_t section = 0;
    std::string title;
    std::string titleZh;
    std::vector<std::string> authors;
    bool authorsTruncated = false;
    std::vector<Link> links;
    TopicMask topics = 0;  // 0 when the digest gave no topics
    std::string summary;
    std::string why;
    std::string insight;
    Diagnostic where;  // file/line/column/pointer of the entry, for messages raised while merging
};

struct DigestRecord {
    Digest digest;  // appearances are filled in when the corpus is built
    std::vector<PaperEntry> papers;
    Diagnostic where;  // file/line/column of "/id", for messages raised while merging (duplicate digest ids)
};

struct DigestLimits {
    size_t maxPapers = 100'000;
    size_t maxTextBytes = 256 * 1024;
};

using TopicLookup = std::unordered_map<std::string, TopicIndex>;

// Returns the digest when it has no errors; otherwise reports every problem found and returns nothing.
std::optional<DigestRecord> parseDigest(std::string_view file, std::string_view bytes, const TopicLookup& topics,
                                        std::vector<Diagnostic>& out, const DigestLimits& limits = {});

}  // namespace papertide::core
