// Paper data as text.
#include "app/paper_text.h"

namespace papertide::app {

const char* topicLabel(Lang lang, const core::Topic& topic) {
    return lang == Lang::Chinese ? topic.labelZh.c_str() : topic.labelEn.c_str();
}

std::string authorSummary(Lang lang, const core::Corpus& corpus, const core::Paper& paper, size_t maxAuthors) {
    std::string out;
    for (size_t i = 0; i < paper.authors.size() && i < maxAuthors; ++i)
        out += (i ? ", " : "") + corpus.authors[paper.authors[i]].name;
    if (paper.authors.size() > maxAuthors || paper.authorsTruncated) out += std::string(out.empty() ? "" : " ") + tr(lang, Str::EtAl);
    return out;
}

std::string paperMonths(const core::Corpus& corpus, const core::Paper& paper) {
    std::string out;
    core::MonthNumber last = -1;
    for (core::AppearanceIndex a : paper.appearances) {
        core::MonthNumber m = corpus.appearances[a].month;
        if (m == last) continue;
        out += (out.empty() ? "" : " · ") + core::formatMonth(m);
        last = m;
    }
    return out;
}

const char* lookupLabel(Lang lang, const core::LookupLink& link) {
    if (link.key == "search-arxiv") return tr(lang, Str::SearchArxiv);
    if (link.key == "search-semantic-scholar") return tr(lang, Str::SearchSemanticScholar);
    if (link.key == "search-google-scholar") return tr(lang, Str::SearchGoogleScholar);
    return link.label.c_str();
}

std::string relatedReasons(Lang lang, const core::Corpus& corpus, const core::RelatedPaper& related) {
    std::string terms, rest;
    for (const core::RelatedReason& why : related.why) {
        switch (why.kind) {
            case core::RelatedReason::Kind::Term: terms += (terms.empty() ? "" : ", ") + why.text; break;
            case core::RelatedReason::Kind::Topic:
                if (why.index < corpus.topics.size()) rest += std::string(" · ") + topicLabel(lang, corpus.topics[why.index]);
                break;
            case core::RelatedReason::Kind::Digest: rest += std::string(" · ") + tr(lang, Str::SameDigest); break;
        }
    }
    std::string out = terms.empty() ? "" : std::string(tr(lang, Str::SharedTerms)) + ": " + terms;
    if (out.empty() && rest.size() > 3) return rest.substr(3);  // no " · " before the first part
    return out + rest;
}

}  // namespace papertide::app
