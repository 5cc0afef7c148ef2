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
    std::vector<std::pair<DigestRecord, Origin>>().swap(records);
    mergeDigests(corpus, std::move(bundled), Origin::Bundled, out);
    if (!user.empty()) mergeDigests(corpus, std::move(user), Origin::User, out);
    return corpus;
}

namespace {

// A file's role in the bundled list goes by its base name (topics.json, glossary.json, else a digest).
std::string_view baseNameOf(std::string_view path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

void CorpusAssembly::addTaxonomy(const SourceFile& file) {
    if (haveTaxonomy_) return;
    topics_ = parseTaxonomy(file.name, file.bytes, found_);
    for (TopicIndex t = 0; t < topics_.size(); ++t) lookup_[topics_[t].id] = t;
    haveTaxonomy_ = true;
    std::vector<std::pair<SourceFile, Origin>> waiting;
    waiting.swap(waiting_);
    for (auto& [f, origin] : waiting) {
        parse(f, origin);
        std::string().swap(f.bytes);
    }
}

void CorpusAssembly::parse(const SourceFile& file, Origin origin) {
    if (auto record = parseDigest(file.name, file.bytes, lookup_, found_)) records_.emplace_back(std::move(*record), origin);
}

void CorpusAssembly::addDigest(const SourceFile& file, Origin origin) {
    if (haveTaxonomy_) parse(file, origin);
    else waiting_.emplace_back(file, origin);
}

void CorpusAssembly::addGlossary(SourceFile file) { glossary_ = std::move(file); }

void CorpusAssembly::add(SourceFile&& file) {
    const std::string_view base = baseNameOf(file.name);
    if (base == "glossary.json") {
        addGlossary(std::move(file));
    } else if (base != "topics.json" && !haveTaxonomy_) {
        waiting_.emplace_back(std::move(file), Origin::Bundled);  // parsed once the taxonomy is in
    } else {
        if (base == "topics.json") addTaxonomy(file);
        else parse(file, Origin::Bundled);
        std::string().swap(file.bytes);
    }
}

Corpus CorpusAssembly::finish(std::vector<Diagnostic>& out) {
    addTaxonomy(SourceFile{"topics.json", {}});  // none came: reported as unreadable/empty
    out.insert(out.end(), std::make_move_iterator(found_.begin()), std::make_move_iterator(found_.end()));
    Corpus corpus = buildCorpus(std::move(topics_), std::move(records_), out);
    if (!glossary_.name.empty()) corpus.glossary = parseGlossary(glossary_.name, glossary_.bytes, out);
    *this = CorpusAssembly();
    return corpus;
}

namespace {

// Each file's bytes are let go as soon as it is parsed when the input is passed over (`Input` not const).
template <typename Input>
Corpus loadFiles(Input& input, std::vector<Diagnostic>& out) {
    CorpusAssembly assembly;
    auto letGo = [](auto& file) {
        if constexpr (!std::is_const_v<Input>) std::string().swap(file.bytes);
    };
    assembly.addTaxonomy(input.taxonomy);
    letGo(input.taxonomy);
    for (auto* list : {&input.digests, &input.userDigests})
        for (auto& f : *list) {
            assembly.addDigest(f, list == &input.digests ? Origin::Bundled : Origin::User);
            letGo(f);
        }
    if (!input.glossary.name.empty()) assembly.addGlossary(input.glossary);
    return assembly.finish(out);
}

}  // namespace

Corpus loadCorpus(const CorpusInput& input, std::vector<Diagnostic>& out) { return loadFiles(input, out); }

Corpus loadCorpus(CorpusInput&& input, std::vector<Diagnostic>& out) { return loadFiles(input, out); }

CorpusInput splitCorpusFiles(std::vector<SourceFile> files) {
    CorpusInput input;
    input.taxonomy.name = "topics.json";  // reported as unreadable/empty if no such file was given
    for (SourceFile& f : files) {
        const std::string_view base = baseNameOf(f.name);
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
