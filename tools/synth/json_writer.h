// A minimal streaming JSON writer for the synthetic digests: 2-space indentation like the seed files, so a
// generated digest looks like a hand-written one and diffs against it line by line.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace papertide::synth::detail {

// Appends to `out`. The caller nests open/close and puts item() or key() before every value.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}
    void open(char bracket);
    void close(char bracket);
    void key(std::string_view k);
    void item();
    void string(std::string_view s);
    void raw(std::string_view s) { out_ += s; }
    void member(std::string_view k, std::string_view v);
    void stringArray(std::string_view k, const std::vector<std::string>& values);

private:
    void newline();
    std::string& out_;
    int depth_ = 0;
    bool first_ = true;
};

}  // namespace papertide::synth::detail
