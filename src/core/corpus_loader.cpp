#include "core/corpus_loader.h"

#include <algorithm>
#include <tuple>
#include <type_traits>

#include "core/taxonomy.h"
#include "core/text.h"
#include "core/topic_inference.h"

namespace papertide::core {

namespace {

Diagnostic warningAt(const Diagnostic& where, std::string message) {
    Diagnostic d = where;
    d.severity = Severity::Warning;
    d.message = std::move(message);
    return d;
}

class CorpusBuilder {
public:
    CorpusBuilder(Corpus& corpus, std::vector<Diagnostic>& out) : c_(corpus), out_(out) {}

    void addDigest(DigestRecord& record, Origin origin) {
        DigestIndex di = static_cast<DigestIndex>(c_.digests.size());
        Digest& digest = c_.digests.emplace_back(std::move(record.digest));
        digest.origin = origin;
        c_.digestById[digest.id] = di;
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
        }
    }

    void finish() {
        for (Paper& p : c_.papers) finishPaper(p);
        inferMissingTopics();
        for (AuthorIndex ai = 0; ai < c_.authors.size(); ++ai) {
            auto& papers = c_.authors[ai].papers;
            std::sort(papers.begin(), papers.end());
            papers.erase(std::unique(papers.begin(), papers.end()), papers.end());
        }
        dropAuthorsWithoutPapers();
        if (!c_.digests.empty()) {
            c_.firstMonth = c_.digests.front().month;
            c_.lastMonth = c_.digests.back().month;
        }
    }

private:
    AuthorIndex internAuthor(const std::string& name, PaperIndex paper) {
        std::string key = foldForSearch(name);
        auto [it, inserted] = authorByKey_.try_emplace(key, static_cast<AuthorIndex>(c_.authors.size()));
        if (inserted) c_.authors.push_back({name, {}});
        c_.authors[it->second].papers.push_back(paper);
        return it->second;
    }

    PaperIndex mergePaper(PaperEntry& entry, const Digest& digest) {
        auto found = c_.paperById.find(entry.id);
        if (found == c_.paperById.end()) return addPaper(entry, digest);
        PaperIndex pi = found->second;
        Paper& p = c_.papers[pi];
        const std::string& firstFile = firstFileOf_[pi];
        if (foldForSearch(entry.title) != foldForSearch(p.title))
            out_.push_back(warningAt(entry.where, "title differs from \"" + p.title + "\" given for paper \"" + p.id +
                                                      "\" in " + firstFile + "; keeping the first"));
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
                out_.push_back(warningAt(entry.where, "link \"" + link.name + "\" differs from the one given in " + firstFile +
                                                          "; keeping " + same->url));
        }
        p.topics |= entry.topics;
        return pi;
    }

    PaperIndex addPaper(PaperEntry& entry, const Digest& digest) {
        PaperIndex pi = static_cast<PaperIndex>(c_.papers.size());
        std::string foldedTitle = foldForSearch(entry.title);
        if (auto twin = paperByTitle_.find(foldedTitle); twin != paperByTitle_.end())
            out_.push_back(warningAt(entry.where, "same title as paper \"" + c_.papers[twin->second].id + "\" in " +
                                                      firstFileOf_[twin->second] + " but a different id \"" + entry.id +
                                                      "\"; they are kept apart"));
        else paperByTitle_.emplace(std::move(foldedTitle), pi);
        Paper& p = c_.papers.emplace_back();
        p.id = entry.id;
        p.title = std::move(entry.title);
        p.authorsTruncated = entry.authorsTruncated;
        p.links = std::move(entry.links);
        p.topics = entry.topics;
        c_.paperById.emplace(p.id, pi);
        firstFileOf_.push_back(digest.file);
        for (const std::string& name : entry.authors) {
            AuthorIndex ai = internAuthor(name, pi);
            c_.papers[pi].authors.push_back(ai);
        }
        return pi;
    }

    void finishPaper(Paper& p) {
        std::sort(p.appearances.begin(), p.appearances.end(), [&](AppearanceIndex a, AppearanceIndex b) {
            const Appearance &x = c_.appearances[a], &y = c_.appearances[b];
            return std::tie(x.month, x.digest, x.rank) < std::tie(y.month, y.digest, y.rank);
        });
        p.firstMonth = c_.appearances[p.appearances.front()].month;
        p.lastMonth = c_.appearances[p.appearances.back()].month;
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

    void inferMissingTopics() {
        std::string title, body;
        for (Paper& p : c_.papers) {
            if (p.topics != 0) continue;
            paperInferenceText(c_, p, title, body);
            p.topics = inferTopics(c_.topics, title, body);
            p.topicsInferred = true;
        }
    }

    Corpus& c_;
    std::vector<Diagnostic>& out_;
    std::unordered_map<std::string, AuthorIndex> authorByKey_;
    std::unordered_map<std::string, PaperIndex> paperByTitle_;
    std::vector<std::string> firstFileOf_;  // per paper: the file that introduced it
};

}  // namespace

Corpus buildCorpus(std::vector<Topic> topics, std::vector<std::pair<DigestRecord, Origin>> records,
                   std::vector<Diagnostic>& out) {
    Corpus corpus;
    corpus.topics = std::move(topics);
    for (TopicIndex t = 0; t < corpus.topics.size(); ++t) corpus.topicById[corpus.topics[t].id] = t;
    // Digest ids are unique: bundled digests claim theirs first, so a reader's file can never shadow one.
    std::stable_sort(records.begin(), records.end(),
                     [](const auto& a, const auto& b) { return a.second == Origin::Bundled && b.second == Origin::User; });
    std::unordered_map<std::string, std::string> fileOfDigest;
    std::vector<std::pair<DigestRecord, Origin>*> accepted;
    for (auto& entry : records) {
        const Digest& d = entry.first.digest;
        auto [it, inserted] = fileOfDigest.emplace(d.id, d.file);
        if (inserted) {
            accepted.push_back(&entry);
            continue;
        }
        Diagnostic diag = entry.first.where;  // located at "/id" when the record came from parseDigest
        diag.file = d.file;
        diag.pointer = "/id";
        diag.message = "duplicate digest id \"" + d.id + "\" (already used by " + it->second + "); this digest is skipped";
        out.push_back(std::move(diag));
    }
    // Month order, so "first recommended in" and the digest list read naturally.
    std::stable_sort(accepted.begin(), accepted.end(), [](const auto* a, const auto* b) {
        return std::tie(a->first.digest.month, a->first.digest.id) < std::tie(b->first.digest.month, b->first.digest.id);
    });
    CorpusBuilder builder(corpus, out);
    for (auto* entry : accepted) builder.addDigest(entry->first, entry->second);
    builder.finish();
    return corpus;
}

namespace {

// Parses every file; with `release`, each file's bytes are freed as soon as it is parsed, so loading never
// holds the raw files and the parsed corpus at the same time (the peak stays near the larger of the two).
template <typename Input>
Corpus loadFiles(Input& input, std::vector<Diagnostic>& out, bool release) {
    std::vector<Topic> topics = parseTaxonomy(input.taxonomy.name, input.taxonomy.bytes, out);
    TopicLookup lookup;
    for (TopicIndex t = 0; t < topics.size(); ++t) lookup[topics[t].id] = t;
    std::vector<std::pair<DigestRecord, Origin>> records;
    for (auto* list : {&input.digests, &input.userDigests}) {
        Origin origin = list == &input.digests ? Origin::Bundled : Origin::User;
        for (auto& f : *list) {
            if (auto record = parseDigest(f.name, f.bytes, lookup, out)) records.emplace_back(std::move(*record), origin);
            if constexpr (!std::is_const_v<Input>)
                if (release) std::string().swap(f.bytes);
        }
    }
    Corpus corpus = buildCorpus(std::move(topics), std::move(records), out);
    if (!input.glossary.name.empty()) corpus.glossary = parseGlossary(input.glossary.name, input.glossary.bytes, out);
    return corpus;
}

}  // namespace

Corpus loadCorpus(const CorpusInput& input, std::vector<Diagnostic>& out) { return loadFiles(input, out, false); }

Corpus loadCorpus(CorpusInput&& input, std::vector<Diagnostic>& out) { return loadFiles(input, out, true); }

CorpusInput splitCorpusFiles(std::vector<SourceFile> files) {
    CorpusInput input;
    input.taxonomy.name = "topics.json";  // reported as unreadable/empty if no such file was given
    for (SourceFile& f : files) {
        std::string_view name = f.name;
        size_t slash = name.find_last_of('/');
        std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
        if (base == "topics.json") input.taxonomy = std::move(f);
        else if (base == "glossary.json") input.glossary = std::move(f);
        else input.digests.push_back(std::move(f));
    }
    return input;
}

const Topic* Corpus::findTopic(std::string_view id) const {
    auto it = topicById.find(std::string(id));
    return it == topicById.end() ? nullptr : &topics[it->second];
}
const Digest* Corpus::findDigest(std::string_view id) const {
    auto it = digestById.find(std::string(id));
    return it == digestById.end() ? nullptr : &digests[it->second];
}
const Paper* Corpus::findPaper(std::string_view id) const {
    auto it = paperById.find(std::string(id));
    return it == paperById.end() ? nullptr : &papers[it->second];
}

}  // namespace papertide::core
