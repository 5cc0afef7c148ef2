#include "core/json_document.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/diagnostics.h"

namespace papertide::core {

const char* describeKind(JsonKind kind) {
    switch (kind) {
        case JsonKind::Null: return "null";
        case JsonKind::Bool: return "a boolean";
        case JsonKind::Integer:
        case JsonKind::Float: return "a number";
        case JsonKind::String: return "a string";
        case JsonKind::Array: return "an array";
        case JsonKind::Object: return "an object";
    }
    return "a value";
}

const JsonNode* JsonDocument::member(const JsonNode& object, std::string_view key) const {
    if (object.kind != JsonKind::Object) return nullptr;
    for (uint32_t i = object.firstChild; i != kNoNode; i = nodes_[i].nextSibling)
        if (nodes_[i].key == key) return &nodes_[i];
    return nullptr;
}

namespace {

// An input iterator that publishes how far nlohmann's lexer has read, so SAX events can be located.
struct TrackingIterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* p = nullptr;
    const char** consumed = nullptr;

    reference operator*() const { return *p; }
    TrackingIterator& operator++() { ++p; *consumed = p; return *this; }
    TrackingIterator operator++(int) { TrackingIterator t = *this; ++*this; return t; }
    bool operator==(const TrackingIterator& o) const { return p == o.p; }
    bool operator!=(const TrackingIterator& o) const { return p != o.p; }
};

// nlohmann's messages carry a prefix and an excerpt of the input (which may be invalid UTF-8); keep the reason.
// `lastToken` is that excerpt: removed verbatim, since the input may itself contain "; expected" or "; last read:".
std::string cleanParseMessage(const std::string& what, const std::string& lastToken) {
    std::string msg = what;
    size_t dash = msg.find(" - ");
    if (dash != std::string::npos) msg = msg.substr(dash + 3);
    // Errors without the " - " part (e.g. out_of_range.406 "number overflow") still carry nlohmann's tag.
    if (msg.rfind("[json.exception.", 0) == 0 && msg.find("] ") != std::string::npos) msg = msg.substr(msg.find("] ") + 2);
    std::string excerpt = "; last read: '" + lastToken + "'";
    if (size_t at = msg.find(excerpt); at != std::string::npos) msg.erase(at, excerpt.size());
    else if (size_t lastRead = msg.find("; last read:"); lastRead != std::string::npos) msg.erase(lastRead);
    if (msg.find("unexpected end of input") != std::string::npos) msg = "unexpected end of input (truncated file?)";
    return "invalid JSON: " + msg;
}

}  // namespace

class JsonTreeBuilder {
public:
    using json = nlohmann::json;

    JsonTreeBuilder(JsonDocument& doc, std::string_view bytes, const char* const* consumed, const JsonLimits& limits)
        : doc_(doc), bytes_(bytes), consumed_(consumed), limits_(limits) {
        if (bytes.substr(0, 3) == "\xEF\xBB\xBF") cursor_ = 3;
    }

    bool null() { return addValue(JsonKind::Null) != kNoNode; }
    bool boolean(bool v) {
        uint32_t n = addValue(JsonKind::Bool);
        if (n != kNoNode) doc_.nodes_[n].boolean = v;
        return n != kNoNode;
    }
    bool number_integer(json::number_integer_t v) { return setInteger(static_cast<int64_t>(v)); }
    bool number_unsigned(json::number_unsigned_t v) {
        if (v > static_cast<json::number_unsigned_t>(INT64_MAX)) return number_float(static_cast<double>(v), "");
        return setInteger(static_cast<int64_t>(v));
    }
    bool number_float(json::number_float_t v, const std::string&) {
        uint32_t n = addValue(JsonKind::Float);
        if (n != kNoNode) doc_.nodes_[n].number = v;
        return n != kNoNode;
    }
    bool string(std::string& v) {
        uint32_t n = addValue(JsonKind::String);
        if (n != kNoNode) doc_.nodes_[n].text = std::move(v);
        return n != kNoNode;
    }
    bool binary(json::binary_t&) { return fail(here(), "binary values are not JSON"); }
    bool key(std::string& k) {
        pendingKeyOffset_ = static_cast<uint32_t>(startOfToken());
        pendingKey_ = std::move(k);
        cursor_ = consumedOffset();
        return true;
    }
    bool start_object(std::size_t) { return open(JsonKind::Object); }
    bool start_array(std::size_t) { return open(JsonKind::Array); }
    bool end_object() {
        cursor_ = consumedOffset();
        uint32_t obj = stack_.back().node;
        stack_.pop_back();
        return checkDuplicateKeys(obj);
    }
    bool end_array() {
        cursor_ = consumedOffset();
        stack_.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string& lastToken, const nlohmann::detail::exception& ex) {
        return fail(position > 0 ? position - 1 : 0, cleanParseMessage(ex.what(), lastToken));
    }

    bool failed() const { return failed_; }
    JsonParseError takeError() { return std::move(error_); }

private:
    struct Frame {
        uint32_t node;
        uint32_t lastChild = kNoNode;
    };

    size_t consumedOffset() const { return static_cast<size_t>(*consumed_ - bytes_.data()); }
    size_t here() const { return consumedOffset(); }

    // The current value begins at the first byte after the previous event that is not a separator.
    size_t startOfToken() const {
        size_t p = cursor_;
        while (p < bytes_.size() && (bytes_[p] == ' ' || bytes_[p] == '\t' || bytes_[p] == '\n' ||
                                     bytes_[p] == '\r' || bytes_[p] == ',' || bytes_[p] == ':'))
            ++p;
        return p;
    }

    std::string currentPointer() const {
        std::string ptr;
        for (size_t i = 0; i < stack_.size(); ++i) {
            const JsonNode& container = doc_.nodes_[stack_[i].node];
            bool innermost = i + 1 == stack_.size();
            if (container.kind == JsonKind::Object) {
                if (!innermost) ptr = appendPointer(ptr, doc_.nodes_[stack_[i + 1].node].key);
                else if (!pendingKey_.empty() || pendingKeyOffset_) ptr = appendPointer(ptr, pendingKey_);
            } else {
                ptr = appendPointer(ptr, innermost ? container.childCount : container.childCount - 1);
            }
        }
        return ptr;
    }

    bool fail(size_t offset, std::string message) {
        if (!failed_) {
            failed_ = true;
            error_.offset = std::min(offset, bytes_.size());
            error_.pointer = currentPointer();
            error_.message = std::move(message);
        }
        return false;
    }

    uint32_t addValue(JsonKind kind) {
        size_t start = startOfToken();
        if (doc_.nodes_.size() >= limits_.maxNodes) {
            fail(start, "too many values (more than " + std::to_string(limits_.maxNodes) + ")");
            return kNoNode;
        }
        uint32_t index = static_cast<uint32_t>(doc_.nodes_.size());
        doc_.nodes_.emplace_back();
        JsonNode& n = doc_.nodes_.back();
        n.kind = kind;
        n.offset = static_cast<uint32_t>(start);
        if (!stack_.empty()) {
            Frame& parent = stack_.back();
            JsonNode& p = doc_.nodes_[parent.node];
            if (p.kind == JsonKind::Object) {
                n.key = std::move(pendingKey_);
                n.keyOffset = pendingKeyOffset_;
                pendingKey_.clear();
                pendingKeyOffset_ = 0;
            }
            if (parent.lastChild == kNoNode) p.firstChild = index;
            else doc_.nodes_[parent.lastChild].nextSibling = index;
            parent.lastChild = index;
            ++p.childCount;
        }
        cursor_ = consumedOffset();
        return index;
    }

    bool setInteger(int64_t v) {
        uint32_t n = addValue(JsonKind::Integer);
        if (n == kNoNode) return false;
        doc_.nodes_[n].integer = v;
        doc_.nodes_[n].number = static_cast<double>(v);
        return true;
    }

    bool open(JsonKind kind) {
        if (stack_.size() >= limits_.maxDepth)
            return fail(startOfToken(), "nesting deeper than " + std::to_string(limits_.maxDepth) + " levels");
        uint32_t n = addValue(kind);
        if (n == kNoNode) return false;
        stack_.push_back({n});
        return true;
    }

    bool checkDuplicateKeys(uint32_t obj) {
        const JsonNode& o = doc_.nodes_[obj];
        if (o.childCount < 2) return true;
        std::vector<uint32_t> members;
        members.reserve(o.childCount);
        for (uint32_t i = o.firstChild; i != kNoNode; i = doc_.nodes_[i].nextSibling) members.push_back(i);
        std::stable_sort(members.begin(), members.end(),
                         [&](uint32_t a, uint32_t b) { return doc_.nodes_[a].key < doc_.nodes_[b].key; });
        for (size_t i = 1; i < members.size(); ++i) {
            const JsonNode& a = doc_.nodes_[members[i - 1]];
            const JsonNode& b = doc_.nodes_[members[i]];
            if (a.key == b.key) {
                const JsonNode& later = a.keyOffset > b.keyOffset ? a : b;
                stack_.push_back({obj});  // so the pointer names the object holding the duplicate
                pendingKey_ = later.key;
                pendingKeyOffset_ = later.keyOffset;
                return fail(later.keyOffset, "duplicate key \"" + shortenForMessage(later.key, 60) +
                                                 "\" (a later value would silently replace an earlier one)");
            }
        }
        return true;
    }

    JsonDocument& doc_;
    std::string_view bytes_;
    const char* const* consumed_;
    JsonLimits limits_;
    std::vector<Frame> stack_;
    std::string pendingKey_;
    uint32_t pendingKeyOffset_ = 0;
    size_t cursor_ = 0;
    bool failed_ = false;
    JsonParseError error_;
};

bool JsonDocument::parse(std::string_view bytes, JsonParseError& error, const JsonLimits& limits) {
    nodes_.clear();
    if (bytes.size() > limits.maxBytes) {
        error = {0, "", "file is larger than " + std::to_string(limits.maxBytes >> 20) + " MiB"};
        return false;
    }
    const char* consumed = bytes.data();
    JsonTreeBuilder builder(*this, bytes, &consumed, limits);
    TrackingIterator first{bytes.data(), &consumed};
    TrackingIterator last{bytes.data() + bytes.size(), &consumed};
    bool ok = nlohmann::json::sax_parse(first, last, &builder, nlohmann::json::input_format_t::json, true, false);
    if (!ok || builder.failed() || nodes_.empty()) {
        error = builder.failed() ? builder.takeError() : JsonParseError{bytes.size(), "", "invalid JSON: empty document"};
        nodes_.clear();
        return false;
    }
    return true;
}

}  // namespace papertide::core
