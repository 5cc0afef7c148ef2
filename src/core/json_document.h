// A read-only JSON tree that remembers where every value starts in the source bytes, so validation
// can point at FILE:LINE:COL. Parsing never throws and never recurses (deep nesting is an error, not a crash).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace papertide::core {

enum class JsonKind : uint8_t { Null, Bool, Integer, Float, String, Array, Object };

// "a string", "a number", ... for messages like "expected a string, got a number".
const char* describeKind(JsonKind kind);

constexpr uint32_t kNoNode = UINT32_MAX;

struct JsonNode {
    JsonKind kind = JsonKind::Null;
    bool boolean = false;
    uint32_t offset = 0;        // byte offset where the value starts
    uint32_t keyOffset = 0;     // for object members: where the key starts
    uint32_t firstChild = kNoNode;
    uint32_t nextSibling = kNoNode;
    uint32_t childCount = 0;
    int64_t integer = 0;
    double number = 0;
    std::string text;           // string value
    std::string key;            // for object members: the member name
};

struct JsonLimits {
    size_t maxBytes = 64u << 20;
    size_t maxDepth = 64;
    size_t maxNodes = 8'000'000;
};

struct JsonParseError {
    size_t offset = 0;
    std::string pointer;  // where in the document the parser was
    std::string message;
};

class JsonDocument {
public:
    // Returns false and fills `error` on malformed input, over-deep nesting, duplicate keys or size limits.
    bool parse(std::string_view bytes, JsonParseError& error, const JsonLimits& limits = {});

    const JsonNode& root() const { return nodes_.front(); }
    const JsonNode& node(uint32_t index) const { return nodes_[index]; }
    const JsonNode* member(const JsonNode& object, std::string_view key) const;
    size_t nodeCount() const { return nodes_.size(); }

    // Iterates the children of an array or object: for (const JsonNode& c : doc.children(n)).
    class ChildRange {
    public:
        struct Iterator {
            const std::vector<JsonNode>* nodes;
            uint32_t index;
            const JsonNode& operator*() const { return (*nodes)[index]; }
            Iterator& operator++() { index = (*nodes)[index].nextSibling; return *this; }
            bool operator!=(const Iterator& o) const { return index != o.index; }
        };
        ChildRange(const std::vector<JsonNode>* nodes, uint32_t first) : nodes_(nodes), first_(first) {}
        Iterator begin() const { return {nodes_, first_}; }
        Iterator end() const { return {nodes_, kNoNode}; }

    private:
        const std::vector<JsonNode>* nodes_;
        uint32_t first_;
    };
    ChildRange children(const JsonNode& n) const { return ChildRange(&nodes_, n.firstChild); }

private:
    friend class JsonTreeBuilder;
    std::vector<JsonNode> nodes_;
};

}  // namespace papertide::core
