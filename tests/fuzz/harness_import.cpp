// Fuzz harness: arbitrary bytes as a text, Markdown and HTML article through import::draftDigest. Beyond "no crash":
// a refusal has a message and no JSON; a draft validates, its warnings point at real entries, and (for plain text)
// every URL and title word it contains is in the article: nothing is invented.
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/corpus_loader.h"
#include "core/digest_parser.h"
#include "core/text.h"
#include "harness_support.h"
#include "harnesses.h"
#include "import/article_import.h"
#include "import/article_text.h"

namespace papertide::fuzz {

namespace {

// The real taxonomy and no digests: topics are inferred, and no title can come from the corpus.
const core::Corpus& importCorpus() {
    static const core::Corpus corpus = [] {
        core::CorpusInput input;
        input.taxonomy = {"topics.json", readDataFile("topics.json")};
        std::vector<core::Diagnostic> diagnostics;
        core::Corpus c = core::loadCorpus(input, diagnostics);
        if (c.topics.empty()) {
            std::fprintf(stderr, "fuzz: cannot load %s/topics.json\n", dataDir().c_str());
            std::abort();
        }
        return c;
    }();
    return corpus;
}

bool inArticleOrDerived(const std::string& url, const std::string& text) {
    if (text.find(url) != std::string::npos) return true;
    for (std::string_view prefix : {"https://arxiv.org/abs/", "https://arxiv.org/pdf/"}) {
        if (url.rfind(prefix, 0) != 0) continue;
        std::string id = url.substr(prefix.size());
        if (id.size() > 4 && id.compare(id.size() - 4, 4, ".pdf") == 0) id.resize(id.size() - 4);
        return text.find(id) != std::string::npos;
    }
    return false;
}

void checkDraftAgainstText(const nlohmann::json& digest, const std::string& text) {
    for (const auto& paper : digest["papers"]) {
        if (paper.contains("links"))
            for (const auto& [key, url] : paper["links"].items())
                PAPERTIDE_FUZZ_CHECK(inArticleOrDerived(url.get<std::string>(), text),
                                     "invented URL " + url.get<std::string>());
        std::string title = paper["title"];
        if (title.rfind("Untitled entry ", 0) == 0 || title.rfind("arXiv:", 0) == 0) continue;  // marked placeholders
        for (size_t at = 0; at < title.size();) {
            size_t space = title.find(' ', at);
            std::string word = title.substr(at, space == std::string::npos ? std::string::npos : space - at);
            PAPERTIDE_FUZZ_CHECK(word.empty() || text.find(word) != std::string::npos,
                                 "invented title word \"" + word + "\" in " + title);
            at = space == std::string::npos ? title.size() : space + 1;
        }
    }
}

}  // namespace

int importArticle(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (import::ArticleKind kind :
         {import::ArticleKind::Text, import::ArticleKind::Markdown, import::ArticleKind::Html}) {
        import::ImportOptions options;
        options.today = "2024-01";
        import::ImportDraft draft = import::draftDigest(bytes, "fuzz-article", kind, options, importCorpus());
        if (!draft.ok) {
            PAPERTIDE_FUZZ_CHECK(!draft.error.empty(), "refused without a reason");
            PAPERTIDE_FUZZ_CHECK(core::findInvalidUtf8(draft.error) == std::string::npos, "error is not UTF-8");
            PAPERTIDE_FUZZ_CHECK(draft.json.empty(), "a refused draft has JSON");
            continue;
        }
        PAPERTIDE_FUZZ_CHECK(draft.paperCount > 0 && draft.uncertain.size() == draft.paperCount,
                             "uncertain flags per entry");
        for (const import::ImportWarning& w : draft.warnings) {
            PAPERTIDE_FUZZ_CHECK(w.entry >= -1 && w.entry < int(draft.paperCount),
                                 "warning index " + std::to_string(w.entry));
            PAPERTIDE_FUZZ_CHECK(!w.message.empty() && core::findInvalidUtf8(w.message) == std::string::npos,
                                 "warning text");
        }
        std::vector<core::Diagnostic> diagnostics;
        PAPERTIDE_FUZZ_CHECK(
            core::parseDigest(draft.digestId + ".json", draft.json, importCorpus().topicById, diagnostics).has_value(),
            "the draft does not validate:\n" + draft.json);
        nlohmann::json digest = nlohmann::json::parse(draft.json, nullptr, false);
        PAPERTIDE_FUZZ_CHECK(!digest.is_discarded() && digest["papers"].size() == draft.paperCount,
                             "papers in the JSON");
        if (kind == import::ArticleKind::Text) {
            std::string text, error;
            PAPERTIDE_FUZZ_CHECK(import::decodeArticle(bytes, text, error), "drafted from bytes that do not decode");
            checkDraftAgainstText(digest, text);
        }
    }
    return 0;
}

}  // namespace papertide::fuzz
