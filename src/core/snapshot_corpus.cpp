// The corpus sections of a snapshot: topics, digests, papers, appearances, authors, the packed corpus's
// warnings and the glossary, each a count followed by records of fixed fields and length-prefixed strings.
#include <utility>

#include "core/snapshot_codec.h"

namespace papertide::core::snapshot_detail {

namespace {

void writeLinks(SnapshotWriter& w, const std::vector<Link>& links) {
    w.u32(static_cast<uint32_t>(links.size()));
    for (const Link& l : links) {
        w.str(l.name);
        w.str(l.url);
    }
}

bool readLinks(SectionReader& r, std::vector<Link>& links) {
    uint32_t n = 0;
    if (!r.count(n, 8, "links")) return false;
    links.resize(n);
    for (Link& l : links)
        if (!r.str(l.name) || !r.str(l.url)) return false;
    return true;
}

// Each section: u32 count, then the records.
template <typename T, typename WriteOne>
void writeRecords(SnapshotWriter& w, uint32_t id, const std::vector<T>& items, WriteOne one) {
    w.begin(id);
    w.u32(static_cast<uint32_t>(items.size()));
    for (const T& item : items) one(item);
    w.end();
}

// `roomToGrow`: for the corpus's own arrays (digests, papers, appearances, authors), room for what a reader's
// digests add later (core/corpus_merge.h), so that they grow in place instead of moving to a larger array.
template <typename T, typename ReadOne>
bool readRecords(SectionReader& r, std::vector<T>& items, size_t minBytes, const char* what, ReadOne one,
                 bool roomToGrow = false) {
    uint32_t n = 0;
    if (!r.count(n, minBytes, what)) return false;
    if (roomToGrow) items.reserve(size_t(n) + n / 128 + 64);
    items.resize(n);
    for (T& item : items)
        if (!one(item)) return false;
    return true;
}

}  // namespace

void writeCorpusSections(SnapshotWriter& w, const Corpus& c, const std::vector<Diagnostic>& diagnostics) {
    w.begin(kMeta);
    w.i32(c.firstMonth);
    w.i32(c.lastMonth);
    w.end();
    writeRecords(w, kTopics, c.topics, [&](const Topic& t) {
        w.str(t.id);
        w.str(t.labelEn);
        w.str(t.labelZh);
        w.u32(t.color);
        w.strings(t.keywordsEn);
        w.strings(t.keywordsZh);
    });
    writeRecords(w, kDigests, c.digests, [&](const Digest& d) {
        for (const std::string* s : {&d.id, &d.file}) w.str(*s);
        w.i32(d.month);
        for (const std::string* s : {&d.published, &d.title, &d.source, &d.author}) w.str(*s);
        w.strings(d.editors);
        for (const std::string* s : {&d.language, &d.url, &d.intro}) w.str(*s);
        w.u32(static_cast<uint32_t>(d.news.size()));
        for (const NewsItem& n : d.news) {
            w.str(n.text);
            writeLinks(w, n.links);
        }
        w.u32(static_cast<uint32_t>(d.sections.size()));
        for (const Section& s : d.sections) {
            w.str(s.id);
            w.str(s.title);
        }
        w.u32(static_cast<uint32_t>(d.references.size()));
        for (const Reference& ref : d.references) {
            w.str(ref.label);
            w.str(ref.text);
            w.str(ref.url);
        }
        w.counted(d.appearances);
        w.u8(static_cast<uint8_t>(d.origin));
    });
    writeRecords(w, kPapers, c.papers, [&](const Paper& p) {
        w.str(p.id);
        w.str(p.title);
        w.counted(p.authors);
        w.u8(p.authorsTruncated);
        writeLinks(w, p.links);
        w.u64(p.topics);
        w.u8(p.topicsInferred);
        w.counted(p.appearances);
        w.i32(p.firstMonth);
        w.i32(p.lastMonth);
        w.u32(p.digestCount);
    });
    writeRecords(w, kAppearances, c.appearances, [&](const Appearance& a) {
        w.u32(a.paper);
        w.u32(a.digest);
        w.i32(a.month);
        w.u32(a.section);
        w.u32(a.rank);
        for (const std::string* s : {&a.titleZh, &a.summary, &a.why, &a.insight}) w.str(*s);
    });
    writeRecords(w, kAuthors, c.authors, [&](const Author& a) {
        w.str(a.name);
        w.counted(a.papers);
    });
    writeRecords(w, kDiagnostics, diagnostics, [&](const Diagnostic& d) {
        w.u8(static_cast<uint8_t>(d.severity));
        w.str(d.file);
        w.i32(d.line);
        w.i32(d.column);
        w.str(d.pointer);
        w.str(d.message);
    });
    writeRecords(w, kGlossary, c.glossary.entries(), [&](const GlossaryEntry& e) {
        for (const auto* list : {&e.en, &e.zh, &e.foldedEn, &e.foldedZh}) w.strings(*list);
    });
}

bool readCorpusSection(SectionReader& r, uint32_t id, Snapshot& out) {
    Corpus& c = out.corpus;
    r.requireUtf8();
    switch (id) {
        case kMeta:
            r.i32(c.firstMonth) && r.i32(c.lastMonth);
            return true;
        case kTopics:
            readRecords(r, c.topics, 4 * 5 + 4, "topics", [&](Topic& t) {
                return r.str(t.id) && r.str(t.labelEn) && r.str(t.labelZh) && r.u32(t.color) && r.strings(t.keywordsEn) &&
                       r.strings(t.keywordsZh);
            });
            return true;
        case kDigests:
            readRecords(r, c.digests, 4 * 14 + 1, "digests", [&](Digest& d) {
                if (!r.str(d.id) || !r.str(d.file) || !r.i32(d.month)) return false;
                for (std::string* s : {&d.published, &d.title, &d.source, &d.author})
                    if (!r.str(*s)) return false;
                if (!r.strings(d.editors)) return false;
                for (std::string* s : {&d.language, &d.url, &d.intro})
                    if (!r.str(*s)) return false;
                bool ok = readRecords(r, d.news, 8, "news items", [&](NewsItem& n) { return r.str(n.text) && readLinks(r, n.links); }) &&
                          readRecords(r, d.sections, 8, "sections", [&](Section& s) { return r.str(s.id) && r.str(s.title); }) &&
                          readRecords(r, d.references, 12, "references",
                                      [&](Reference& ref) { return r.str(ref.label) && r.str(ref.text) && r.str(ref.url); }) &&
                          r.counted(d.appearances, "digest appearances");
                uint8_t origin = 0;
                if (!ok || !r.u8(origin)) return false;
                if (origin > 1) return r.fail("digest " + d.id + ": origin " + std::to_string(origin) + " is neither 0 nor 1");
                d.origin = static_cast<Origin>(origin);
                return true;
            }, true);
            return true;
        case kPapers:
            readRecords(r, c.papers, 4 * 5 + 8 + 2 + 12, "papers", [&](Paper& p) {
                uint8_t truncated = 0, inferred = 0;
                bool ok = r.str(p.id) && r.str(p.title) && r.counted(p.authors, "paper authors") && r.u8(truncated) &&
                          readLinks(r, p.links) && r.u64(p.topics) && r.u8(inferred) && r.counted(p.appearances, "paper appearances") &&
                          r.i32(p.firstMonth) && r.i32(p.lastMonth) && r.u32(p.digestCount);
                p.authorsTruncated = truncated != 0;
                p.topicsInferred = inferred != 0;
                return ok;
            }, true);
            return true;
        case kAppearances:
            readRecords(r, c.appearances, 4 * 9, "appearances", [&](Appearance& a) {
                return r.u32(a.paper) && r.u32(a.digest) && r.i32(a.month) && r.u32(a.section) && r.u32(a.rank) &&
                       r.str(a.titleZh) && r.str(a.summary) && r.str(a.why) && r.str(a.insight);
            }, true);
            return true;
        case kAuthors:
            readRecords(r, c.authors, 8, "authors", [&](Author& a) { return r.str(a.name) && r.counted(a.papers, "author papers"); }, true);
            return true;
        case kDiagnostics:
            readRecords(r, out.diagnostics, 1 + 4 * 5, "diagnostics", [&](Diagnostic& d) {
                uint8_t severity = 0;
                bool ok = r.u8(severity) && r.str(d.file) && r.i32(d.line) && r.i32(d.column) && r.str(d.pointer) && r.str(d.message);
                if (ok && severity > 1) return r.fail("diagnostic severity " + std::to_string(severity));
                d.severity = static_cast<Severity>(severity);
                return ok;
            });
            return true;
        case kGlossary: {
            std::vector<GlossaryEntry> entries;
            bool ok = readRecords(r, entries, 16, "glossary entries", [&](GlossaryEntry& e) {
                return r.strings(e.en) && r.strings(e.zh) && r.strings(e.foldedEn) && r.strings(e.foldedZh);
            });
            if (ok) c.glossary = Glossary(std::move(entries));
            return true;
        }
        default:
            return false;
    }
}

}  // namespace papertide::core::snapshot_detail
