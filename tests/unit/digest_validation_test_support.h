// Helpers of the validation tests (test_digest_validation_*.cpp, test_taxonomy_and_loader_validation.cpp): a test
// digest with every line known, edits of it, and its diagnostics as "FILE:LINE:COL: /pointer: message" lines.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/digest_parser.h"
#include "test_support.h"

namespace papertide::test::digest_validation {

// Lines 1-8 of the test digest; the papers list starts on line 9.
inline const std::string kHead = R"({
  "format": 1,
  "id": "2022-06-test",
  "month": "2022-06",
  "title": "测试摘要",
  "source": "Test",
  "language": "zh-Hans",
  "sections": [{"id": "main", "title": "本月论文"}],
)";

// Lines 10-18: one paper entry.
inline const std::string kPaper = R"(    {
      "id": "arxiv:2205.06175",
      "section": "main",
      "title": "A Generalist Agent",
      "authors": ["Scott Reed", "Konrad Żołna"],
      "links": {"arxiv": "https://arxiv.org/abs/2205.06175"},
      "topics": ["rl"],
      "summary": "加托是一个通用智能体。"
    })";

// The test digest: `head`, then a papers list holding `paper`.
std::string digestText(const std::string& head = kHead, const std::string& paper = kPaper);

// `text` with `from` (which must occur exactly once) replaced by `to`.
std::string replaced(std::string text, const std::string& from, const std::string& to);

struct Result {
    bool ok = false;
    std::optional<DigestRecord> record;
    std::vector<Diagnostic> diagnostics;
    std::vector<std::string> lines;
    size_t errors = 0;
};

// `text` parsed as digest `file` against the test taxonomy.
Result validate(const std::string& text, const std::string& file = "t.json");

// The paper entry with `from` replaced, inside an otherwise valid digest.
Result validatePaper(const std::string& from, const std::string& to);
// The head with `from` replaced, then the paper entry.
Result validateHead(const std::string& from, const std::string& to);

// Exactly one diagnostic, and it is `expected`.
void expectOnly(const Result& r, const std::string& expected);

}  // namespace papertide::test::digest_validation
