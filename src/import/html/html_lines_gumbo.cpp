// htmlToLines with gumbo-parser: the DOM's text in reading order, one ArticleLine per block element.
#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "import/html/html_lines.h"
#include "import/text_scan.h"

namespace papertide::import {

namespace {

class LineBuilder {
public:
    explicit LineBuilder(std::vector<ArticleLine>& lines) : lines_(lines) {}

    void walk(const GumboNode* node, int depth) {
        if (depth > 400) return;  // gumbo caps nesting too; a bound keeps the recursion's stack small
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
            appendText(node->v.text.text);
            return;
        }
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
        const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                                                         : &node->v.element.children;
        if (node->type == GUMBO_NODE_DOCUMENT) {
            for (unsigned i = 0; i < children->length; ++i) walk(static_cast<const GumboNode*>(children->data[i]), depth + 1);
            flush();
            return;
        }
        GumboTag tag = node->v.element.tag;
        switch (tag) {
            case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
            case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
            case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SELECT:
            case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_IMG:
                return;
            case GUMBO_TAG_BR:
                flush();
                return;
            default:
                break;
        }
        bool block = isBlock(tag);
        if (block) flush();
        int savedHeading = heading_;
        if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) heading_ = int(tag - GUMBO_TAG_H1) + 1;
        if (tag == GUMBO_TAG_TITLE) heading_ = 1;
        if (tag == GUMBO_TAG_PRE) ++pre_;
        int savedOl = olCounter_;
        bool savedInOl = inOl_;
        if (tag == GUMBO_TAG_OL) {
            const GumboAttribute* start = gumbo_get_attribute(&node->v.element.attributes, "start");
            olCounter_ = start ? std::max(0, std::atoi(start->value) - 1) : 0;
            inOl_ = true;
        } else if (tag == GUMBO_TAG_UL) {
            inOl_ = false;
        }
        if (tag == GUMBO_TAG_LI && inOl_) listNumber_ = ++olCounter_;
        size_t linkStart = current_.size();
        for (unsigned i = 0; i < children->length; ++i) walk(static_cast<const GumboNode*>(children->data[i]), depth + 1);
        if (tag == GUMBO_TAG_A) {
            const GumboAttribute* href = gumbo_get_attribute(&node->v.element.attributes, "href");
            if (href && isBareUrl(href->value)) {
                std::string label = trimSpace(std::string_view(current_).substr(std::min(linkStart, current_.size())));
                links_.push_back({label, trimSpace(href->value)});
            }
        }
        if (tag == GUMBO_TAG_PRE) --pre_;
        if (block) flush();
        heading_ = savedHeading;
        if (tag == GUMBO_TAG_OL || tag == GUMBO_TAG_UL) olCounter_ = savedOl, inOl_ = savedInOl;
    }

private:
    static bool isBlock(GumboTag t) {
        switch (t) {
            case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_LI:
            case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
            case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
            case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL:
            case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HR:
            case GUMBO_TAG_HEADER: case GUMBO_TAG_TITLE: case GUMBO_TAG_BODY: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
                return true;
            default:
                return false;
        }
    }

    void appendText(const char* text) {
        if (pre_ > 0) {  // preformatted: keep its line breaks
            for (const char* p = text; *p; ++p) {
                if (*p == '\n') flush();
                else current_ += *p;
            }
            return;
        }
        for (const char* p = text; *p; ++p) {
            bool space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f';
            if (space) {
                if (!current_.empty() && current_.back() != ' ') current_ += ' ';
            } else {
                current_ += *p;
            }
        }
    }

    void flush() {
        ArticleLine line;
        line.text = trimSpace(stripImagePlaceholders(current_));
        line.heading = heading_;
        line.listNumber = listNumber_;
        line.links = std::move(links_);
        current_.clear();
        links_.clear();
        listNumber_ = 0;
        if (!line.text.empty()) lines_.push_back(std::move(line));
    }

    std::vector<ArticleLine>& lines_;
    std::string current_;
    std::vector<ArticleLink> links_;
    int heading_ = 0;
    int pre_ = 0;
    int olCounter_ = 0;
    bool inOl_ = false;
    int listNumber_ = 0;
};

}  // namespace

bool htmlParserAvailable() { return true; }

bool htmlToLines(std::string_view html, std::vector<ArticleLine>& lines, std::string& error) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 1000;  // parse errors are normal on real pages; only the tree matters
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    if (!output) {
        error = "could not be parsed as HTML";
        return false;
    }
    LineBuilder builder(lines);
    builder.walk(output->document, 0);
    gumbo_destroy_output(&options, output);
    if (lines.empty()) {
        error = "is an HTML document without text";
        return false;
    }
    return true;
}

}  // namespace papertide::import
