// The snapshot harness's two helpers that the snapshot unit tests use on their own hostile files.
#pragma once
#include <string>
#include <string_view>

#include "core/snapshot.h"

namespace papertide::fuzz {

// Recomputes the checksums of a snapshot whose header and table are intact enough to find; else no change.
void resealSnapshot(std::string& bytes);

// An accepted snapshot answers queries, sorts and counts inside its arrays, and writes back to the same bytes.
void checkLoadedSnapshot(core::Snapshot& s, std::string_view input);

}  // namespace papertide::fuzz
