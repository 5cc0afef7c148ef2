// A named file's bytes: how corpus files travel from disk, MEMFS or the browser into the core.
#pragma once
#include <string>

namespace papertide::core {

struct SourceFile {
    std::string name;   // shown in messages, e.g. "data/digests/2022-06-zeta-alpha-trends.json"
    std::string bytes;  // raw contents, not yet validated
};

}  // namespace papertide::core
