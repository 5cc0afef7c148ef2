// HTML article -> ArticleLines through a real HTML parser (gumbo-parser), never by stripping tags.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "import/article_text.h"

namespace papertide::import {

// False (with a message) when this build has no HTML parser or the document yields no text.
bool htmlToLines(std::string_view html, std::vector<ArticleLine>& lines, std::string& error);
// Whether htmlToLines can parse at all in this build.
bool htmlParserAvailable();

}  // namespace papertide::import
