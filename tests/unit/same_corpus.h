// checkSameCorpus: two corpora hold the same topics, digests, papers, appearances, authors and glossary, field by
// field (a snapshot read back, a corpus assembled file by file, against one loaded in one go).
#pragma once
#include <vector>

#include "core/glossary.h"
#include "test_support.h"

namespace papertide::test {

inline bool sameLinks(const std::vector<Link>& a, const std::vector<Link>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].url != b[i].url) return false;
    return true;
}

inline void checkSameCorpus(const Corpus& a, const Corpus& b) {
    CHECK(a.firstMonth == b.firstMonth);
    CHECK(a.lastMonth == b.lastMonth);
    REQUIRE(a.topics.size() == b.topics.size());
    for (size_t i = 0; i < a.topics.size(); ++i) {
        const Topic &x = a.topics[i], &y = b.topics[i];
        CHECK((x.id == y.id && x.labelEn == y.labelEn && x.labelZh == y.labelZh && x.color == y.color &&
               x.keywordsEn == y.keywordsEn && x.keywordsZh == y.keywordsZh));
    }
    REQUIRE(a.digests.size() == b.digests.size());
    for (size_t i = 0; i < a.digests.size(); ++i) {
        const Digest &x = a.digests[i], &y = b.digests[i];
        CAPTURE(x.id);
        CHECK((x.id == y.id && x.file == y.file && x.month == y.month && x.published == y.published && x.title == y.title &&
               x.source == y.source && x.author == y.author && x.editors == y.editors && x.language == y.language &&
               x.url == y.url && x.intro == y.intro && x.appearances == y.appearances && x.origin == y.origin));
        REQUIRE(x.news.size() == y.news.size());
        for (size_t n = 0; n < x.news.size(); ++n) CHECK((x.news[n].text == y.news[n].text && sameLinks(x.news[n].links, y.news[n].links)));
        REQUIRE(x.sections.size() == y.sections.size());
        for (size_t s = 0; s < x.sections.size(); ++s) CHECK((x.sections[s].id == y.sections[s].id && x.sections[s].title == y.sections[s].title));
        REQUIRE(x.references.size() == y.references.size());
        for (size_t r = 0; r < x.references.size(); ++r)
            CHECK((x.references[r].label == y.references[r].label && x.references[r].text == y.references[r].text &&
                   x.references[r].url == y.references[r].url));
    }
    REQUIRE(a.papers.size() == b.papers.size());
    for (size_t i = 0; i < a.papers.size(); ++i) {
        const Paper &x = a.papers[i], &y = b.papers[i];
        CAPTURE(x.id);
        CHECK((x.id == y.id && x.title == y.title && x.authors == y.authors && x.authorsTruncated == y.authorsTruncated &&
               sameLinks(x.links, y.links) && x.topics == y.topics && x.topicsInferred == y.topicsInferred &&
               x.appearances == y.appearances && x.firstMonth == y.firstMonth && x.lastMonth == y.lastMonth &&
               x.digestCount == y.digestCount));
    }
    REQUIRE(a.appearances.size() == b.appearances.size());
    for (size_t i = 0; i < a.appearances.size(); ++i) {
        const Appearance &x = a.appearances[i], &y = b.appearances[i];
        CHECK((x.paper == y.paper && x.digest == y.digest && x.month == y.month && x.section == y.section && x.rank == y.rank &&
               x.titleZh == y.titleZh && x.summary == y.summary && x.why == y.why && x.insight == y.insight));
    }
    REQUIRE(a.authors.size() == b.authors.size());
    for (size_t i = 0; i < a.authors.size(); ++i) CHECK((a.authors[i].name == b.authors[i].name && a.authors[i].papers == b.authors[i].papers));
    REQUIRE(a.glossary.size() == b.glossary.size());
    for (size_t i = 0; i < a.glossary.size(); ++i) {
        const GlossaryEntry &x = a.glossary.entries()[i], &y = b.glossary.entries()[i];
        CHECK((x.en == y.en && x.zh == y.zh && x.foldedEn == y.foldedEn && x.foldedZh == y.foldedZh));
    }
    // The id maps are rebuilt: every id finds its own entry.
    for (const Paper& p : b.papers) CHECK(b.findPaper(p.id) == &p);
    for (const Digest& d : b.digests) CHECK(b.findDigest(d.id) == &d);
    for (const Topic& t : b.topics) CHECK(b.findTopic(t.id) == &t);
}

}  // namespace papertide::test
