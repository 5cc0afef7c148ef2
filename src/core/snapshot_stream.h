// Byte-level plumbing of snapshots: a writer that streams sections to a sink (buffered, checksummed,
// aligned, recording the section table) and a reader of one section that never reads past its end, checks
// every count against the bytes left, and verifies the section's checksum. Not part of the core's interface.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "core/snapshot.h"
#include "core/snapshot_format.h"

namespace papertide::core::snapshot_detail {

struct SectionEntry {
    uint32_t id = 0;
    uint64_t offset = 0, size = 0, hash = 0;
};

// Written in two passes over the same content, because the table (each section's size and checksum) comes
// before the sections: a measuring pass (no sink) records the table, and the writing pass puts it in front and
// then streams the sections, each checked against its row. The file is never held whole.
class SnapshotWriter {
public:
    SnapshotWriter();  // measuring: nothing is written
    SnapshotWriter(const SnapshotSink& sink, const SnapshotWriter& measured);
    void begin(uint32_t id);
    void end();
    void bytes(const void* data, size_t size);
    void u8(uint8_t v) { bytes(&v, 1); }
    void u32(uint32_t v) { bytes(&v, 4); }
    void i32(int32_t v) { bytes(&v, 4); }
    void u64(uint64_t v) { bytes(&v, 8); }
    void str(const std::string& s) {
        u32(static_cast<uint32_t>(s.size()));
        bytes(s.data(), s.size());
    }
    void strings(const std::vector<std::string>& v) {
        u32(static_cast<uint32_t>(v.size()));
        for (const std::string& s : v) str(s);
    }
    template <typename Container>  // a vector of a trivially copyable type, or a string
    void array(const Container& v) {
        static_assert(std::is_trivially_copyable_v<typename Container::value_type>);
        bytes(v.data(), v.size() * sizeof(typename Container::value_type));
    }
    template <typename T>
    void counted(const std::vector<T>& v) {
        u32(static_cast<uint32_t>(v.size()));
        array(v);
    }
    // Measuring: lays the table out. Writing: writes the end mark. False (with `error`) if the sink failed, a
    // limit was exceeded, or the content differed from the measuring pass.
    bool finish(std::string& error);
    void fail(std::string message);

private:
    void flush();
    void raw(const void* data, size_t size);  // to the file, outside any section
    void pad();

    const SnapshotSink* sink_ = nullptr;  // null while measuring
    std::vector<uint8_t> buffer_;
    uint64_t written_ = 0;  // bytes handed to the sink or buffered (measuring: since the first section)
    std::vector<SectionEntry> entries_;  // measuring: recorded; writing: the measured table
    size_t next_ = 0;                    // writing: the row of the next section
    uint64_t sectionStart_ = 0, fileSize_ = 0;
    bool open_ = false;
    Hash64 hash_;
    std::string error_;
};

class SectionReader {
public:
    // `error` receives the first failure's message (the reader then stays failed).
    SectionReader(const SnapshotSource& source, const SectionEntry& entry, std::string& error);
    bool ok() const { return error_.empty(); }
    // A section read in parts while it arrives: `source` holds the bytes that have arrived so far (the reader
    // never fetches beyond them), and arrived() is how many of the section's bytes are there and not yet read.
    void resume(const SnapshotSource& source);
    uint64_t arrived() const { return available_ - consumed_; }
    // Strings read from now on must be valid UTF-8 (corpus text: the views and the page's JSON rely on it).
    void requireUtf8() { utf8_ = true; }
    uint64_t remaining() const { return entry_.size - consumed_; }
    bool bytes(void* dst, size_t size);
    bool u8(uint8_t& v) { return bytes(&v, 1); }
    bool u32(uint32_t& v) { return bytes(&v, 4); }
    bool i32(int32_t& v) { return bytes(&v, 4); }
    bool u64(uint64_t& v) { return bytes(&v, 8); }
    bool str(std::string& s);
    bool strings(std::vector<std::string>& v);
    // A count of items that take at least `minBytes` each: refused when they cannot fit in what is left.
    bool count(uint32_t& n, size_t minBytes, const char* what);
    template <typename T>
    bool counted(std::vector<T>& v, const char* what) {
        uint32_t n = 0;
        if (!count(n, sizeof(T), what)) return false;
        v.resize(n);
        return bytes(v.data(), size_t(n) * sizeof(T));
    }
    // The whole section as one array, a vector or a string (its size must be a multiple of the element size).
    template <typename Container>
    bool array(Container& v) {
        constexpr size_t kElement = sizeof(typename Container::value_type);
        if (entry_.size % kElement != 0)
            return fail("size " + std::to_string(entry_.size) + " is not a multiple of " + std::to_string(kElement));
        v.clear();
        return append(v, entry_.size);
    }
    // Appends the next `size` bytes to `out` (a std::string, or a vector of a trivially copyable type whose
    // size divides `size`) through the window. Unlike resize-then-copy, the destination is never zero-filled
    // first: in wasm that filling was a quarter of reading a 100k-paper snapshot.
    template <typename Container>
    bool append(Container& out, uint64_t size) {
        using T = typename Container::value_type;
        static_assert(std::is_trivially_copyable_v<T>);
        if (size > remaining())
            return fail("needs " + std::to_string(size) + " bytes, " + std::to_string(remaining()) + " left");
        // Only ever up: libc++'s string::reserve below the capacity shrinks it (a section read in parts reserves
        // its whole size first, then appends piece by piece).
        const size_t wanted = out.size() + static_cast<size_t>(size / sizeof(T));
        if (out.capacity() < wanted) out.reserve(wanted);
        while (size >= sizeof(T)) {
            if (windowPos_ == window_.size() && !refill()) return false;
            const uint8_t* at = window_.data() + windowPos_;
            size_t whole = static_cast<size_t>(std::min<uint64_t>(size, window_.size() - windowPos_)) / sizeof(T);
            if (reinterpret_cast<uintptr_t>(at) % alignof(T) != 0) whole = 0;
            if (whole == 0) {  // an element across the window's end, or out of line: one at a time
                T item;
                if (!bytes(&item, sizeof item)) return false;
                out.push_back(item);
                size -= sizeof(T);
                continue;
            }
            const T* first = reinterpret_cast<const T*>(at);
            if constexpr (std::is_same_v<Container, std::string>) out.append(first, whole);
            else out.insert(out.end(), first, first + whole);
            windowPos_ += whole * sizeof(T);
            consumed_ += whole * sizeof(T);
            size -= whole * sizeof(T);
        }
        return size == 0 || fail("a partial element of " + std::to_string(size) + " bytes");
    }
    // Every byte read and the checksum right; else false with the reason.
    bool finish();
    // Records the failure (naming the section and where in it); a wrong checksum is reported instead when
    // the rest of the section does not match its checksum (the likelier cause).
    bool fail(const std::string& message);

private:
    bool fetch(void* dst, size_t size);
    bool refill();  // the window takes the section's next bytes (the current ones are all consumed)
    bool beyondArrived();
    bool checksumMatches();

    const SnapshotSource* source_;
    SectionEntry entry_;
    uint64_t available_;  // of the section's bytes, how many the source holds
    std::string& error_;
    uint64_t consumed_ = 0;  // by the decoder
    uint64_t fetched_ = 0;   // from the source (into the window or straight into the decoder's memory)
    std::vector<uint8_t> window_;
    size_t windowPos_ = 0;
    bool utf8_ = false;
    Hash64 hash_;
};

std::string hex(uint64_t v);

}  // namespace papertide::core::snapshot_detail
