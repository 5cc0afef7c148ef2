// A full view state for the view-state tests (view_state_test_support.h).
#include "view_state_test_support.h"

namespace papertide::test::view_state {

ViewState fullState() {
    ViewState s;
    s.filter.query = "扩散 模型";
    s.filter.topics = {"vision", "diffusion-generation", "language-models"};
    s.filter.from = month("2022-01");
    s.filter.to = month("2022-06");
    s.filter.digest = "2022-06-zeta-alpha-trends";
    s.filter.author = "José Ángel García-Pérez";
    s.filter.bookmarkedOnly = true;
    s.filter.unreadOnly = true;
    s.sort = SortOrder::Recurrence;
    s.view = View::Papers;
    s.paper = "arxiv:2205.06175";
    s.digest = "2023-03-ten-papers";
    s.topicOrder = TopicOrder::Label;
    s.collapseEmptyMonths = true;
    return s;
}

}  // namespace papertide::test::view_state
