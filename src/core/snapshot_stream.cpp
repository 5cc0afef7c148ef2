// Streaming snapshot sections in and out: buffering, alignment, checksums and bounds (snapshot_stream.h).
#include "core/snapshot_stream.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/text.h"

namespace papertide::core::snapshot_detail {

namespace {
constexpr size_t kBufferBytes = 1 << 16;
}

std::string hex(uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// --- writing ---------------------------------------------------------------------------------------------

SnapshotWriter::SnapshotWriter() = default;

SnapshotWriter::SnapshotWriter(const SnapshotSink& sink, const SnapshotWriter& measured)
    : sink_(&sink), entries_(measured.entries_), fileSize_(measured.fileSize_), error_(measured.error_) {
    buffer_.reserve(kBufferBytes);
    uint8_t header[kHeaderBytes] = {};
    const uint32_t version = kSnapshotFormatVersion, count = static_cast<uint32_t>(entries_.size());
    std::memcpy(header, kMagic, sizeof kMagic);
    std::memcpy(header + 8, &version, 4);
    std::memcpy(header + 12, &count, 4);
    std::memcpy(header + 16, &fileSize_, 8);
    std::vector<uint8_t> table(entries_.size() * kEntryBytes);
    for (size_t i = 0; i < entries_.size(); ++i) {
        uint8_t* row = table.data() + i * kEntryBytes;
        std::memcpy(row, &entries_[i].id, 4);
        std::memcpy(row + 8, &entries_[i].offset, 8);
        std::memcpy(row + 16, &entries_[i].size, 8);
        std::memcpy(row + 24, &entries_[i].hash, 8);
    }
    const uint64_t hash = tableChecksum(header, table.data(), table.size());
    std::memcpy(header + 24, &hash, 8);
    raw(header, sizeof header);
    raw(table.data(), table.size());
}

void SnapshotWriter::fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
}

void SnapshotWriter::flush() {
    if (buffer_.empty()) return;
    if (error_.empty() && !(*sink_)(buffer_.data(), buffer_.size())) fail("snapshot: cannot write the output");
    buffer_.clear();
}

void SnapshotWriter::raw(const void* data, size_t size) {
    written_ += size;
    if (!sink_) return;
    if (size >= kBufferBytes) {  // big arrays go to the sink as they are, without a copy
        flush();
        if (error_.empty() && !(*sink_)(data, size)) fail("snapshot: cannot write the output");
        return;
    }
    if (buffer_.size() + size > kBufferBytes) flush();
    const auto* p = static_cast<const uint8_t*>(data);
    buffer_.insert(buffer_.end(), p, p + size);
}

void SnapshotWriter::pad() {
    static const uint8_t zeros[kAlign] = {};
    if (written_ % kAlign) raw(zeros, kAlign - written_ % kAlign);
}

void SnapshotWriter::begin(uint32_t id) {
    pad();
    open_ = true;
    sectionStart_ = written_;
    if (!sink_) {
        entries_.push_back({id, written_, 0, 0});
        hash_ = Hash64{};
    } else if (next_ >= entries_.size() || entries_[next_].id != id || entries_[next_].offset != written_) {
        fail("snapshot: section '" + sectionName(id) + "' differs from the measuring pass (a writer bug)");
    }
}

void SnapshotWriter::bytes(const void* data, size_t size) {
    if (!open_) return fail("snapshot: data outside a section (a writer bug)");
    if (!sink_) hash_.update(data, size);
    raw(data, size);
}

void SnapshotWriter::end() {
    open_ = false;
    if (!sink_) {
        entries_.back().size = written_ - sectionStart_;
        entries_.back().hash = hash_.finish();
    } else if (next_ < entries_.size() && entries_[next_++].size != written_ - sectionStart_) {
        fail("snapshot: a section's size differs from the measuring pass (a writer bug)");
    }
}

bool SnapshotWriter::finish(std::string& error) {
    if (!sink_) {  // the table goes before the sections: every offset moves by the header and the table
        if (entries_.size() > kMaxSections) fail("snapshot: too many sections");
        for (const SectionEntry& e : entries_)
            if (e.size > UINT32_MAX && e.id != kText && e.id != kPostings && e.id != kPositions)
                fail("snapshot: section '" + sectionName(e.id) + "' exceeds 4 GB");
        pad();
        const uint64_t dataStart = kHeaderBytes + entries_.size() * kEntryBytes;
        for (SectionEntry& e : entries_) e.offset += dataStart;
        fileSize_ = dataStart + written_ + kTrailerBytes;
    } else {
        pad();
        raw(kEndMagic, sizeof kEndMagic);
        flush();
        if (error_.empty() && (next_ != entries_.size() || written_ != fileSize_))
            fail("snapshot: the sections differ from the measuring pass (a writer bug)");
    }
    error = error_;
    return error_.empty();
}

// --- reading ---------------------------------------------------------------------------------------------

SectionReader::SectionReader(const SnapshotSource& source, const SectionEntry& entry, std::string& error)
    : source_(&source), entry_(entry), available_(entry.size), error_(error) {}

void SectionReader::resume(const SnapshotSource& source) {
    source_ = &source;
    const uint64_t there = source.size > entry_.offset ? source.size - entry_.offset : 0;
    available_ = std::min(entry_.size, there);
}

bool SectionReader::fetch(void* dst, size_t size) {
    if (size > available_ - fetched_) return beyondArrived();
    if (!source_->read(entry_.offset + fetched_, dst, size)) {
        if (error_.empty())
            error_ = "snapshot: cannot read section '" + sectionName(entry_.id) + "' at offset " +
                     std::to_string(entry_.offset + fetched_);
        return false;
    }
    hash_.update(dst, size);
    fetched_ += size;
    return true;
}

bool SectionReader::bytes(void* dst, size_t size) {
    if (!ok()) return false;
    if (size > remaining())
        return fail("needs " + std::to_string(size) + " bytes, " + std::to_string(remaining()) + " left");
    auto* out = static_cast<uint8_t*>(dst);
    size_t fromWindow = std::min(size, window_.size() - windowPos_);
    if (fromWindow) std::memcpy(out, window_.data() + windowPos_, fromWindow);
    windowPos_ += fromWindow;
    consumed_ += fromWindow;
    out += fromWindow;
    size -= fromWindow;
    if (!size) return true;
    if (size >= kBufferBytes / 2) {  // large: straight into the destination, no window copy
        if (!fetch(out, size)) return false;
        consumed_ += size;
        return true;
    }
    if (!refill()) return false;
    std::memcpy(out, window_.data(), size);
    windowPos_ = size;
    consumed_ += size;
    return true;
}

bool SectionReader::beyondArrived() {
    if (error_.empty()) error_ = "snapshot: section '" + sectionName(entry_.id) + "' read beyond the bytes that have arrived (a reader bug)";
    return false;
}

bool SectionReader::refill() {
    if (available_ == fetched_) return beyondArrived();
    window_.resize(static_cast<size_t>(std::min<uint64_t>(kBufferBytes, available_ - fetched_)));
    windowPos_ = 0;
    return fetch(window_.data(), window_.size());
}

bool SectionReader::str(std::string& s) {
    uint32_t n = 0;
    if (!count(n, 1, "string length")) return false;
    s.clear();
    if (!append(s, n)) return false;
    if (utf8_ && findInvalidUtf8(s) != std::string::npos) return fail("a string is not valid UTF-8");
    return true;
}

bool SectionReader::strings(std::vector<std::string>& v) {
    uint32_t n = 0;
    if (!count(n, 4, "strings")) return false;
    v.resize(n);
    for (std::string& s : v)
        if (!str(s)) return false;
    return true;
}

bool SectionReader::count(uint32_t& n, size_t minBytes, const char* what) {
    if (!u32(n)) return false;
    if (uint64_t(n) * minBytes > remaining())
        return fail(std::string(what) + " count " + std::to_string(n) + " cannot fit in the " + std::to_string(remaining()) +
                    " bytes left");
    return true;
}

bool SectionReader::checksumMatches() {
    std::vector<uint8_t> rest;
    while (fetched_ < entry_.size) {
        rest.resize(static_cast<size_t>(std::min<uint64_t>(kBufferBytes, entry_.size - fetched_)));
        if (fetched_ + rest.size() > available_ || !source_->read(entry_.offset + fetched_, rest.data(), rest.size())) return false;
        hash_.update(rest.data(), rest.size());
        fetched_ += rest.size();
    }
    return hash_.finish() == entry_.hash;
}

bool SectionReader::fail(const std::string& message) {
    if (!error_.empty()) return false;
    const std::string where = "snapshot: section '" + sectionName(entry_.id) + "' (offset " + std::to_string(entry_.offset) +
                              ", " + std::to_string(entry_.size) + " bytes)";
    if (!checksumMatches()) {
        error_ = where + ": checksum mismatch (stored " + hex(entry_.hash) + ")";
        return false;
    }
    error_ = where + ", at byte " + std::to_string(consumed_) + ": " + message;
    return false;
}

bool SectionReader::finish() {
    if (!ok()) return false;
    if (consumed_ != entry_.size) return fail(std::to_string(remaining()) + " bytes left over after the last record");
    if (hash_.finish() != entry_.hash)
        return fail("checksum");  // fail() reports it as a checksum mismatch
    return true;
}

}  // namespace papertide::core::snapshot_detail
