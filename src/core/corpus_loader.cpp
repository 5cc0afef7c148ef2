#include "core/corpus_loader.h"

#include <type_traits>

#include "core/corpus_merge.h"
#include "core/taxonomy.h"

namespace papertide::core {

Corpus buildCorpus(std::vector<Topic> topics, std::vector<std::pair<DigestRecord, Origin>> records,
                   std::vector<Diagnostic>& out) {
    Corpus corpus;
    corpus.topics = std::move(topics);
    for (TopicIndex t = 0; t < corpus.topics.size(); ++t) corpus.topicById[corpus.topics[t].id] = t;
    // Bundled digests first, then the reader's (core/corpus_merge.h): the same corpus as merging the reader's
    // digests later on top of the bundled ones.
    std::vector<DigestRecord> bundled, user;
    for (auto& [record, origin] : records) (origin == Origin::Bundled ? bundled : user).push_back(std::move(record));
    records.clear();
    mergeDigests(corpus, std::move(bundled), Origin::Bundled, out);
    if (!user.empty()) mergeDigests(corpus, std::move(user), Origin::User, out);
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
