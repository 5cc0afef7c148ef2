// Shared by the view-state tests (test_view_state_*.cpp): a state with every field away from its default.
#pragma once
#include <string>
#include <vector>

#include "core/view_state.h"
#include "test_support.h"

namespace papertide::test::view_state {

using Ids = std::vector<std::string>;

// A state with every field away from its default.
ViewState fullState();

}  // namespace papertide::test::view_state
