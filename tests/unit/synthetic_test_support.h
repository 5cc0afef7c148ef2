// Synthetic corpora on the test taxonomy (kTestTaxonomy, test_support.h), shared by the explorer, insights and
// recurrence tests: its topics by index, lists of ids, and batches of one-topic papers to fill a digest with.
#pragma once
#include <initializer_list>
#include <string>
#include <vector>

#include "test_support.h"

namespace papertide::test {

using Ids = std::vector<std::string>;

// Topics of the test taxonomy, by index.
constexpr TopicIndex kLm = 0, kDiffusion = 1, kRl = 2, kVision = 3, kGeneral = 4;

// `n` papers of one topic for a digest: ids "<tag>-<topic>-1".., each with a unique title.
std::vector<ojson> batch(const std::string& tag, const std::string& topic, int n, int first = 1);

// The papers of `parts`, one list after the other.
std::vector<ojson> concat(std::initializer_list<std::vector<ojson>> parts);

}  // namespace papertide::test
