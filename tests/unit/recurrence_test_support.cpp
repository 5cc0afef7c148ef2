// The recurrence tests' corpus (recurrence_test_support.h).
#include "recurrence_test_support.h"

namespace papertide::test::recurrence {

const Loaded& picksCorpus() {
    static const Loaded loaded = [] {
        ojson p1 = paperJson("p1", "Vision Transformers at Scale", {"Alice Zak"}, {"vision"});
        ojson p2 = paperJson("p2", "Large Language Model Survey", {"Carol King"}, {"language-models"});
        ojson p3 = paperJson("p3", "Reward Shaping", {"Dan Brown"}, {"rl"});
        ojson p4 = paperJson("p4", "Denoising Diffusion Models", {"Eve Adams"}, {"diffusion"});
        ojson p5 = paperJson("p5", "Image Segmentation Again", {"José García"}, {"vision"});
        Loaded l = loadSynthetic({digestJson("2022-04-a", "2022-04", {p1, p2, p5}), digestJson("2022-01-a", "2022-01", {p1, p2, p3}),
                                  digestJson("2022-02-a", "2022-02", {p1, p4})});
        REQUIRE_MESSAGE(l.diagnostics.empty(), dump(l.diagnostics));
        REQUIRE(l.corpus.papers.size() == 5);
        return l;
    }();
    return loaded;
}

}  // namespace papertide::test::recurrence
