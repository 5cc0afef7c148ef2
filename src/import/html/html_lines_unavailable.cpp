// htmlToLines for builds without gumbo-parser (its Debian source was not unpacked): HTML is refused clearly.
#include "import/html/html_lines.h"

namespace papertide::import {

bool htmlParserAvailable() { return false; }

bool htmlToLines(std::string_view, std::vector<ArticleLine>&, std::string& error) {
    error = "is HTML, and this build has no HTML parser (gumbo-parser): paste the page's text instead";
    return false;
}

}  // namespace papertide::import
