// Old paper ids: links and marks saved while a paper was known by its title slug still reach it after its
// arXiv id became certain (docs/corpus-format.md: the id changes in every digest at once).
#include "core/explorer.h"
#include "core/paper_aliases.h"
#include "test_support.h"

namespace papertide::test {

TEST_CASE("titleSlug follows the format's rule") {
    CHECK(titleSlug("Exploring the Limits of Large Scale Pre-training") == "exploring-the-limits-of-large-scale-pre-training");
    CHECK(titleSlug("  Don't Stop: Pretraining!! ") == "dont-stop-pretraining");
    CHECK(titleSlug("扩散") == "");
    CHECK(titleSlug(std::string(300, 'a')).size() == 120);
}

TEST_CASE("links and marks that name a paper's old slug reach the paper under its arXiv id") {
    core::Explorer ex;
    Corpus c = seed().corpus;
    REQUIRE(c.findPaper("arxiv:2303.01469") != nullptr);  // Consistency Models, once `consistency-models`
    ex.setCorpus(std::move(c), {});
    ReaderMarks marks;
    marks.bookmarked = {"consistency-models", "arxiv:2205.06175"};
    marks.read = {"exploring-the-limits-of-large-scale-pre-training", "no-such-paper"};
    ex.setMarks(marks);
    CHECK(ex.isBookmarked("arxiv:2303.01469"));
    CHECK(ex.isBookmarked("arxiv:2205.06175"));
    CHECK(ex.isRead("arxiv:2110.02095"));
    CHECK(ex.isRead("no-such-paper"));  // unknown ids are kept as they are, never dropped

    ViewState s = decodeViewState("#v=papers&p=consistency-models&list=consistency-models,arxiv:2205.06175");
    ex.setState(s);
    REQUIRE(ex.selectedPaper() != nullptr);
    CHECK(ex.selectedPaper()->id == "arxiv:2303.01469");
    CHECK(ex.state().filter.paperIds == std::vector<std::string>{"arxiv:2205.06175", "arxiv:2303.01469"});
    ex.closePaper();
    ex.openPaper("consistency-models");
    CHECK(ex.state().paper == "arxiv:2303.01469");
}

TEST_CASE("the alias table is made only when an id the corpus does not know is asked for") {
    const Corpus& c = seed().corpus;
    PaperAliases aliases;
    aliases.reset(c);
    CHECK(aliases.canonical("arxiv:2303.01469") == "arxiv:2303.01469");
    CHECK(aliases.canonical("") == "");
    ReaderMarks marks;
    marks.bookmarked = {"arxiv:2205.06175"};
    aliases.canonicalize(marks);
    ViewState state = decodeViewState("#v=papers&p=arxiv:2205.06175");
    aliases.canonicalize(state);
    CHECK_FALSE(aliases.tableMade());  // current ids only: nothing made
    CHECK(aliases.canonical("consistency-models") == "arxiv:2303.01469");
    CHECK(aliases.tableMade());
    CHECK(aliases.canonical("no-such-paper") == "no-such-paper");
    aliases.reset(c);  // a new corpus: the table is made again when needed
    CHECK_FALSE(aliases.tableMade());
    CHECK(aliases.canonical("consistency-models") == "arxiv:2303.01469");
}

}  // namespace papertide::test
