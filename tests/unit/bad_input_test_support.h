// The bad-input matrix for digest files (docs/ROBUSTNESS.md), shared by test_bad_input_*.cpp. Every case is loaded
// together with the real seed corpus through core::loadCorpus and must
//   - report a clear, located problem: "bad/<case>.json:LINE:COL: /pointer: message" with the expected words,
//   - not crash, and stay bounded (diagnostic lines are short, whatever the input),
//   - leave everything else loaded: all seed digests and papers (5 and 75 today), no problem reported in them.
#pragma once
#include <string>
#include <vector>

#include "test_support.h"

namespace papertide::test::bad_input {

// A valid digest whose every field is on a known line (line numbers are 1-based).
inline const std::string kTemplate = R"({
  "format": 1,
  "id": "2099-01-bad",
  "month": "2099-01",
  "published": "2099-01-15",
  "title": "坏的摘要",
  "source": "Test",
  "author": "作者",
  "editors": ["编辑"],
  "language": "zh-Hans",
  "url": "https://example.com/digest",
  "intro": "介绍",
  "news": [{"text": "新闻", "links": [{"label": "链接", "url": "https://example.com/news"}]}],
  "sections": [{"id": "main", "title": "本月论文"}],
  "papers": [
    {
      "id": "bad-input-matrix-paper",
      "section": "main",
      "title": "A Paper Only The Bad Input Matrix Has",
      "title_zh": "只有坏输入矩阵才有的论文",
      "authors": ["Ada Lovelace"],
      "authors_truncated": false,
      "links": {"arxiv": "https://arxiv.org/abs/2205.06175"},
      "topics": ["language-models"],
      "summary": "摘要",
      "why": "原因",
      "insight": "见解"
    }
  ],
  "references": [{"label": "[1]", "text": "参考", "url": "https://example.com/ref"}]
}
)";

// `text` with `from` (which must occur exactly once) replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to);

// The template with one member removed, via the JSON tree (`path` = parent pointer, `key` = member).
std::string without(const std::string& parent, const std::string& key);

// The template with `from` replaced by `to`.
std::string t(const std::string& from, const std::string& to);

// The seed corpus files, read once.
const std::vector<SourceFile>& seedFiles();

struct Baseline {
    size_t digests = 0;
    size_t papers = 0;
    std::vector<std::string> digestIds;
};

// The seed corpus alone, loaded once.
const Baseline& baseline();

struct Outcome {
    Corpus corpus;
    std::vector<Diagnostic> diagnostics;
    std::vector<Diagnostic> mine;  // the bad file's diagnostics
};

// Loads the seed corpus plus `bytes` as bad/<name>.json (a bundled digest, or a reader's file).
Outcome loadWithSeed(const std::string& name, const std::string& bytes, bool asUserDigest = false);

// Everything but the bad files is there, untouched; every diagnostic is short and readable.
void checkSeedIntact(const Outcome& o, size_t badDigestsLoaded);

struct Expect {
    std::string pointer;                // RFC 6901 pointer as printed ("/" for the root)
    std::vector<std::string> keywords;  // all must occur in the message
    int line = 0, column = 0;           // 0: any (but always >= 1)
    Severity severity = Severity::Error;
};

struct Case {
    std::string name;
    std::string text;
    Expect expect;
};

// One bad file beside the seed (as a bundled digest, or as a reader's own file).
void checkCase(const std::string& name, const std::string& bytes, const Expect& e, bool asUserDigest = false);

// Many bad files at once beside the seed (one load: fast, and the bad files must not disturb each other either).
// All of them must be rejected.
void checkCases(const std::vector<Case>& cases);

}  // namespace papertide::test::bad_input
