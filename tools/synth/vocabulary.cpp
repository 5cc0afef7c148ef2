// The Chinese vocabulary of the synthetic summaries (Vocabulary in synthetic_corpus.h): the built-in phrase
// list, or phrases cut from real digests so the synthetic text reads like theirs.
#include <algorithm>
#include <iterator>
#include <unordered_set>
#include <utility>

#include "core/text.h"
#include "synthetic_corpus.h"
#include "word_lists.h"

namespace papertide::synth {

Vocabulary Vocabulary::builtin() {
    Vocabulary v;
    v.zhPhrases = detail::asVector(detail::kZhBuiltin);
    return v;
}

Vocabulary Vocabulary::fromTexts(const std::vector<std::string>& texts) {
    Vocabulary v;
    std::unordered_set<std::string> seen;
    auto add = [&](std::string phrase) {
        if (seen.insert(phrase).second) v.zhPhrases.push_back(std::move(phrase));
    };
    // Phrase lengths cycle through this pattern across runs, so a recurring run is cut differently each time.
    static const size_t kCuts[] = {2, 3, 2, 4, 2, 3};
    size_t cut = 0;
    for (const std::string& text : texts) {
        std::vector<std::string> run;  // code points of the current CJK run
        auto flush = [&] {
            size_t i = 0;
            while (run.size() - i >= 2) {
                size_t n = std::min(kCuts[cut++ % std::size(kCuts)], run.size() - i);
                if (run.size() - i - n == 1) ++n;  // never leave a single character behind
                std::string phrase;
                for (size_t k = i; k < i + n; ++k) phrase += run[k];
                add(std::move(phrase));
                i += n;
            }
            run.clear();
        };
        size_t pos = 0;
        while (pos < text.size()) {
            size_t start = pos;
            char32_t cp = core::decodeUtf8(text, pos);
            if (cp >= 0x4E00 && cp <= 0x9FFF) run.emplace_back(text.substr(start, pos - start));
            else flush();
        }
        flush();
    }
    for (std::string& phrase : builtin().zhPhrases) add(std::move(phrase));
    return v;
}

}  // namespace papertide::synth
