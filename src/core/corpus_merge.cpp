// The merge rules of core/corpus_merge.h: one paper per id, the first title/links/author spelling kept with
// a warning on a conflict, complete author lists over abbreviated ones, topics inferred only when no entry
// tags a paper.
#include "core/corpus_merge.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "core/topic_inference.h"

namespace papertide::core {

namespace {

// Folded text -> index, for what a corpus already holds plus what a merge adds, without keeping a string per
// held entry: 64-bit hashes of the folded text, sorted, and a hit confirmed by folding the entry's own text
// again. Built over 100,000 titles or 300,000 author names, it costs one fold each and no allocation that stays.
class FoldedLookup {
public:
    template <typename TextOf>
    void build(size_t count, TextOf textOf) {
        held_.clear();
        held_.reserve(count);
        for (uint32_t i = 0; i < count; ++i) held_.push_back({hashOf(foldForSearch(textOf(i))), i});
        std::sort(held_.begin(), held_.end());
    }
    // The first entry (lowest index) whose folded text is `folded`, or nullptr.
    template <typename TextOf>
    const uint32_t* find(const std::string& folded, TextOf textOf) const {
        const uint64_t h = hashOf(folded);
        for (auto it = std::lower_bound(held_.begin(), held_.end(), std::make_pair(h, uint32_t(0)));
             it != held_.end() && it->first == h; ++it)
            if (foldForSearch(textOf(it->second)) == folded) return &it->second;
        auto added = added_.find(folded);
        return added == added_.end() ? nullptr : &added->second;
    }
    void add(std::string folded, uint32_t index) { added_.emplace(std::move(folded), index); }

private:
    static uint64_t hashOf(std::string_view s) { return std::hash<std::string_view>()(s); }
    std::vector<std::pair<uint64_t, uint32_t>> held_;
    std::unordered_map<std::string, uint32_t> added_;
};

Diagnostic warningAt(const Diagnostic& where, std::string message) {
    Diagnostic d = where;
    d.severity = Severity::Warning;
    d.message = std::move(message);
    return d;
}

class CorpusMerger {
    struct AuthorName {
        const Corpus* c;
        const std::string& operator()(uint32_t a) const { return c->authors[a].name; }
    };
    struct PaperTitle {
        const Corpus* c;
        const std::string& operator()(uint32_t p) const { return c->papers[p].title; }
    };

public:
    // Resumes over whatever the corpus already holds: the lookups the rules need are rebuilt from it.
    CorpusMerger(Corpus& corpus, std::vector<Diagnostic>& out)
        : c_(corpus), out_(out), firstNew_(static_cast<PaperIndex>(corpus.papers.size())) {
        authorByKey_.build(c_.authors.size(), AuthorName{&c_});
        paperByTitle_.build(c_.papers.size(), PaperTitle{&c_});
    }

    void addDigest(DigestRecord& record, Origin origin) {
        DigestIndex di = static_cast<DigestIndex>(c_.digests.size());
        Digest& digest = c_.digests.emplace_back(std::move(record.digest));
        digest.origin = origin;
        c_.digestById[digest.id] = di;
        change_.added.push_back(di);
        for (size_t rank = 0; rank < record.papers.size(); ++rank) {
            PaperEntry& entry = record.papers[rank];
            PaperIndex pi = mergePaper(entry, digest);
            AppearanceIndex ai = static_cast<AppearanceIndex>(c_.appearances.size());
            Appearance& a = c_.appearances.emplace_back();
            a.paper = pi;
            a.digest = di;
            a.month = digest.month;
            a.section = entry.section;
            a.rank = static_cast<uint32_t>(rank);
            a.titleZh = std::move(entry.titleZh);
            a.summary = std::move(entry.summary);
            a.why = std::move(entry.why);
            a.insight = std::move(entry.insight);
            digest.appearances.push_back(ai);
            c_.papers[pi].appearances.push_back(ai);
            if (pi < firstNew_) touched_.insert(pi);
        }
    }

    MergeChange finish() {
        sortDigests();
        change_.firstNewPaper = firstNew_;
        change_.touched.assign(touched_.begin(), touched_.end());
        std::sort(change_.touched.begin(), change_.touched.end());
        std::vector<PaperIndex> changed = change_.touched;
        for (PaperIndex p = firstNew_; p < c_.papers.size(); ++p) changed.push_back(p);
        for (PaperIndex p : changed) finishPaper(c_.papers[p]);
        inferMissingTopics(changed);
        for (AuthorIndex a : authorsTouched_) {
            auto& papers = c_.authors[a].papers;
            std::sort(papers.begin(), papers.end());
            papers.erase(std::unique(papers.begin(), papers.end()), papers.end());
        }
        dropAuthorsWithoutPapers();
        if (!c_.digests.empty()) {
            c_.firstMonth = c_.digests.front().month;
            c_.lastMonth = c_.digests.back().month;
        }
        std::sort(change_.added.begin(), change_.added.end());
        return std::move(change_);
    }

private:
    // The file whose entry a paper's title and links came from: for a paper merged earlier, its first bundled
    // digest, else its first one.
    std::string firstFileOf(PaperIndex pi) const {
        if (pi >= firstNew_) return firstFileOfNew_[pi - firstNew_];
        const Paper& p = c_.papers[pi];
        for (AppearanceIndex a : p.appearances) {
            const Digest& d = c_.digests[c_.appearances[a].digest];
            if (d.origin == Origin::Bundled) return d.file;
        }
        return p.appearances.empty() ? std::string() : c_.digests[c_.appearances[p.appearances.front()].digest].file;
    }

    AuthorIndex internAuthor(const std::string& name, PaperIndex paper) {
        std::string key = foldForSearch(name);
        AuthorIndex a;
        if (const uint32_t* found = authorByKey_.find(key, AuthorName{&c_})) {
            a = *found;
        } else {
            a = static_cast<AuthorIndex>(c_.authors.size());
            c_.authors.push_back({name, {}});
            authorByKey_.add(std::move(key), a);
        }
        c_.authors[a].papers.push_back(paper);
        authorsTouched_.insert(a);
        return a;
    }

    PaperIndex mergePaper(PaperEntry& entry, const Digest& digest) {
        auto found = c_.paperById.find(entry.id);
        if (found == c_.paperById.end()) return addPaper(entry, digest);
        PaperIndex pi = found->second;
        Paper& p = c_.papers[pi];
        if (foldForSearch(entry.title) != foldForSearch(p.title))
            out_.push_back(warningAt(entry.where, "title differs from \"" + p.title + "\" given for paper \"" + p.id +
                                                      "\" in " + firstFileOf(pi) + "; keeping the first"));
        // A complete author list replaces an abbreviated one ("et al."); otherwise the first list stays.
        if (p.authorsTruncated && !entry.authorsTruncated && !entry.authors.empty()) {
            for (AuthorIndex a : p.authors) {  // the abbreviated list's authors no longer list this paper
                auto& papers = c_.authors[a].papers;
                papers.erase(std::remove(papers.begin(), papers.end(), pi), papers.end());
            }
            p.authors.clear();
            for (const std::string& name : entry.authors) p.authors.push_back(internAuthor(name, pi));
            p.authorsTruncated = false;
        } else if (p.authors.empty() && !entry.authors.empty()) {
            for (const std::string& name : entry.authors) p.authors.push_back(internAuthor(name, pi));
            p.authorsTruncated = entry.authorsTruncated;
        }
        for (Link& link : entry.links) {
            auto same = std::find_if(p.links.begin(), p.links.end(), [&](const Link& l) { return l.name == link.name; });
            if (same == p.links.end()) p.links.push_back(std::move(link));
            else if (same->url != link.url)
                out_.push_back(warningAt(entry.where, "link \"" + link.name + "\" differs from the one given in " + firstFileOf(pi) +
                                                          "; keeping " + same->url));
        }
        if (p.topicsInferred) {  // inferred from less text than it now has: tagged now, or inferred again in finish()
            p.topics = 0;
            p.topicsInferred = false;
        }
        p.topics |= entry.topics;
        return pi;
    }

    PaperIndex addPaper(PaperEntry& entry, const Digest& digest) {
        PaperIndex pi = static_cast<PaperIndex>(c_.papers.size());
        std::string foldedTitle = foldForSearch(entry.title);
        if (const uint32_t* twin = paperByTitle_.find(foldedTitle, PaperTitle{&c_}))
            out_.push_back(warningAt(entry.where, "same title as paper \"" + c_.papers[*twin].id + "\" in " +
                                                      firstFileOf(*twin) + " but a different id \"" + entry.id +
                                                      "\"; they are kept apart"));
        else paperByTitle_.add(std::move(foldedTitle), pi);
        Paper& p = c_.papers.emplace_back();
        p.id = entry.id;
        p.title = std::move(entry.title);
        p.authorsTruncated = entry.authorsTruncated;
        p.links = std::move(entry.links);
        p.topics = entry.topics;
        c_.paperById.emplace(p.id, pi);
        firstFileOfNew_.push_back(digest.file);
        for (const std::string& name : entry.authors) {
            AuthorIndex ai = internAuthor(name, pi);
            c_.papers[pi].authors.push_back(ai);
        }
        return pi;
    }

    // Digests are kept in (month, id) order; merged ones land among the older ones, whose appearances follow.
    void sortDigests() {
        auto before = [&](DigestIndex a, DigestIndex b) {
            return std::tie(c_.digests[a].month, c_.digests[a].id) < std::tie(c_.digests[b].month, c_.digests[b].id);
        };
        std::vector<DigestIndex> order(c_.digests.size());
        std::iota(order.begin(), order.end(), DigestIndex(0));
        if (std::is_sorted(order.begin(), order.end(), before)) return;
        std::stable_sort(order.begin(), order.end(), before);
        std::vector<DigestIndex> place(order.size());
        std::vector<Digest> sorted;
        sorted.reserve(order.size());
        for (DigestIndex i = 0; i < order.size(); ++i) {
            place[order[i]] = i;
            sorted.push_back(std::move(c_.digests[order[i]]));
        }
        c_.digests = std::move(sorted);
        for (Appearance& a : c_.appearances) a.digest = place[a.digest];
        for (DigestIndex i = 0; i < c_.digests.size(); ++i) c_.digestById[c_.digests[i].id] = i;
        for (DigestIndex& d : change_.added) d = place[d];
    }

    void finishPaper(Paper& p) {
        std::sort(p.appearances.begin(), p.appearances.end(), [&](AppearanceIndex a, AppearanceIndex b) {
            const Appearance &x = c_.appearances[a], &y = c_.appearances[b];
            return std::tie(x.month, x.digest, x.rank) < std::tie(y.month, y.digest, y.rank);
        });
        p.firstMonth = c_.appearances[p.appearances.front()].month;
        p.lastMonth = c_.appearances[p.appearances.back()].month;
        p.digestCount = 0;
        DigestIndex last = UINT32_MAX;
        for (AppearanceIndex a : p.appearances) {
            // Appearances are grouped by digest within a month, so counting changes counts distinct digests.
            if (c_.appearances[a].digest != last) ++p.digestCount;
            last = c_.appearances[a].digest;
        }
    }

    // Names only an abbreviated author list gave (later replaced by a complete list) name no paper any more.
    void dropAuthorsWithoutPapers() {
        std::vector<AuthorIndex> remap(c_.authors.size());
        AuthorIndex kept = 0;
        for (AuthorIndex a = 0; a < c_.authors.size(); ++a) {
            remap[a] = kept;
            if (c_.authors[a].papers.empty()) continue;
            if (kept != a) c_.authors[kept] = std::move(c_.authors[a]);
            ++kept;
        }
        if (kept == c_.authors.size()) return;
        c_.authors.resize(kept);
        for (Paper& p : c_.papers)
            for (AuthorIndex& a : p.authors) a = remap[a];
    }

    void inferMissingTopics(const std::vector<PaperIndex>& papers) {
        std::string title, body;
        for (PaperIndex pi : papers) {
            Paper& p = c_.papers[pi];
            if (p.topics != 0) continue;
            paperInferenceText(c_, p, title, body);
            p.topics = inferTopics(c_.topics, title, body);
            p.topicsInferred = true;
        }
    }

    Corpus& c_;
    std::vector<Diagnostic>& out_;
    const PaperIndex firstNew_;
    MergeChange change_;
    std::unordered_set<PaperIndex> touched_;
    std::unordered_set<AuthorIndex> authorsTouched_;
    FoldedLookup authorByKey_;   // folded name -> author
    FoldedLookup paperByTitle_;  // folded title -> the first paper with it
    std::vector<std::string> firstFileOfNew_;  // per new paper: the file that introduced it
};

}  // namespace

MergeChange mergeDigests(Corpus& corpus, std::vector<DigestRecord> records, Origin origin,
                         std::vector<Diagnostic>& out) {
    // Digest ids are unique: ids already in the corpus (bundled digests are merged first) and, within `records`,
    // the first record keep theirs, so a reader's file can never shadow a bundled digest.
    std::unordered_map<std::string, std::string> fileOfDigest;
    std::vector<DigestRecord*> accepted;
    size_t skipped = 0;
    for (DigestRecord& r : records) {
        const Digest& d = r.digest;
        std::string taken;
        if (const Digest* old = corpus.findDigest(d.id)) taken = old->file;
        else if (auto [it, inserted] = fileOfDigest.emplace(d.id, d.file); !inserted) taken = it->second;
        else {
            accepted.push_back(&r);
            continue;
        }
        ++skipped;
        Diagnostic diag = r.where;  // located at "/id" when the record came from parseDigest
        diag.file = d.file;
        diag.pointer = "/id";
        diag.message = "duplicate digest id \"" + d.id + "\" (already used by " + taken + "); this digest is skipped";
        out.push_back(std::move(diag));
    }
    // Month order, so "first recommended in" and the digest list read naturally.
    std::stable_sort(accepted.begin(), accepted.end(), [](const DigestRecord* a, const DigestRecord* b) {
        return std::tie(a->digest.month, a->digest.id) < std::tie(b->digest.month, b->digest.id);
    });
    // Sized once for what the records can add: growing by doubling would copy the arrays several times on a
    // build and, on top of a 100k corpus, leave up to half of each array's capacity unused for good (wasm
    // memory never shrinks).
    size_t entries = 0, newPapers = 0;
    {
        std::unordered_set<std::string_view> newIds;  // papers are one per id: this is how many the merge adds
        for (const DigestRecord* r : accepted)
            for (const PaperEntry& e : r->papers) {
                ++entries;
                if (!corpus.paperById.count(e.id)) newIds.insert(e.id);
            }
        newPapers = newIds.size();
    }
    corpus.digests.reserve(corpus.digests.size() + accepted.size());
    corpus.appearances.reserve(corpus.appearances.size() + entries);
    corpus.papers.reserve(corpus.papers.size() + newPapers);
    CorpusMerger merger(corpus, out);
    // Each record is let go once merged: what the corpus did not take (its entries, the author names interned as
    // copies) is freed while the merge still allocates, which can then reuse the space (wasm memory never shrinks).
    for (DigestRecord* r : accepted) {
        merger.addDigest(*r, origin);
        *r = DigestRecord{};
    }
    MergeChange change = merger.finish();
    change.skipped = skipped;
    return change;
}

}  // namespace papertide::core
