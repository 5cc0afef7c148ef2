// Shared by the snapshot tests: the seed corpus's snapshot, a section's place in a snapshot, and the fuzz
// harness's resealSnapshot (every checksum recomputed, as a hostile file would have them).
#pragma once
#include <string>
#include <vector>

#include "core/search_index.h"
#include "core/snapshot.h"
#include "test_support.h"

#include "../fuzz/harness_snapshot.h"

namespace papertide::test {

inline const std::string& seedSnapshot() {
    static const std::string bytes = [] {
        core::SearchIndex index(seed().corpus);
        return core::writeSnapshot(seed().corpus, index, seed().diagnostics);
    }();
    return bytes;
}

inline core::SnapshotSectionInfo snapshotSection(const std::string& bytes, const std::string& name) {
    std::vector<core::SnapshotSectionInfo> sections;
    std::string error;
    REQUIRE_MESSAGE(core::describeSnapshot(core::memorySnapshotSource(bytes), sections, error), error);
    for (const core::SnapshotSectionInfo& s : sections)
        if (s.name == name) return s;
    FAIL("no section " << name);
    return {};
}

}  // namespace papertide::test
