// Batches of one-topic papers for synthetic digests (synthetic_test_support.h).
#include "synthetic_test_support.h"

namespace papertide::test {

std::vector<ojson> batch(const std::string& tag, const std::string& topic, int n, int first) {
    std::vector<ojson> out;
    for (int i = first; i < first + n; ++i) {
        std::string id = tag + "-" + topic + "-" + std::to_string(i);
        out.push_back(paperJson(id, "Synthetic paper " + id, {"Ann Author"}, {topic}));
    }
    return out;
}

std::vector<ojson> concat(std::initializer_list<std::vector<ojson>> parts) {
    std::vector<ojson> out;
    for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

}  // namespace papertide::test
