// The JSON writer of the synthetic digests (json_writer.h).
#include "json_writer.h"

#include <cstdio>

namespace papertide::synth::detail {

void JsonWriter::open(char bracket) {
    out_ += bracket;
    ++depth_;
    first_ = true;
}

void JsonWriter::close(char bracket) {
    --depth_;
    if (!first_) newline();
    out_ += bracket;
    first_ = false;
}

void JsonWriter::key(std::string_view k) {
    item();
    string(k);
    out_ += ": ";
}

void JsonWriter::item() {
    if (!first_) out_ += ',';
    newline();
    first_ = false;
}

void JsonWriter::string(std::string_view s) {
    out_ += '"';
    for (char c : s) {
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\t': out_ += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out_ += buf;
                } else {
                    out_ += c;
                }
        }
    }
    out_ += '"';
}

void JsonWriter::member(std::string_view k, std::string_view v) {
    key(k);
    string(v);
}

void JsonWriter::stringArray(std::string_view k, const std::vector<std::string>& values) {
    key(k);
    if (values.empty()) {
        out_ += "[]";
        return;
    }
    open('[');
    for (const std::string& v : values) {
        item();
        string(v);
    }
    close(']');
}

void JsonWriter::newline() {
    out_ += '\n';
    out_.append(static_cast<size_t>(depth_) * 2, ' ');
}

}  // namespace papertide::synth::detail
