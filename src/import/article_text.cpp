// Plain text and Markdown -> ArticleLines, broken-image placeholders removed, flattened pages re-split.
#include "import/article_text.h"

#include <algorithm>

#include "import/text_scan.h"

namespace papertide::import {

namespace {

void addLine(std::vector<ArticleLine>& lines, ArticleLine line) {
    line.text = trimSpace(stripImagePlaceholders(line.text));
    if (!line.text.empty()) lines.push_back(std::move(line));
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Markdown inline markup -> plain text; [label](url) keeps the label and records the link, ![alt](url) goes.
std::string markdownInline(std::string_view s, std::vector<ArticleLink>& links) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        bool image = s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
        if (s[i] == '[' || image) {
            size_t open = image ? i + 1 : i;
            size_t close = s.find("](", open);
            size_t nextOpen = s.find('[', open + 1);
            if (close != std::string_view::npos && (nextOpen == std::string_view::npos || nextOpen > close)) {
                size_t end = s.find(')', close + 2);
                std::string_view url = end == std::string_view::npos ? "" : s.substr(close + 2, end - close - 2);
                if (!url.empty() && url.find(' ') == std::string_view::npos) {
                    std::string label = trimSpace(s.substr(open + 1, close - open - 1));
                    if (!image) {
                        out += label;
                        if (isBareUrl(url)) links.push_back({label, std::string(url)});
                    }
                    i = end + 1;
                    continue;
                }
            }
        }
        if (s[i] == '<' && startsWith(s.substr(i + 1), "http")) {  // <https://autolink>
            size_t end = s.find('>', i);
            if (end != std::string_view::npos && s.substr(i + 1, end - i - 1).find(' ') == std::string_view::npos) {
                out += s.substr(i + 1, end - i - 1);
                i = end + 1;
                continue;
            }
        }
        if ((s[i] == '*' || s[i] == '_') && i + 1 < s.size() && s[i + 1] == s[i]) {  // **bold**, __bold__
            i += 2;
            continue;
        }
        out += s[i++];
    }
    return out;
}

// Ascending "N、" / "N." items: a flattened list's split points (numbers in prose rarely ascend 1, 2, 3).
void numberedSplits(std::string_view s, std::vector<size_t>& at) {
    int expected = 1;
    for (size_t i = 0; i + 2 < s.size(); ++i) {
        if (!isDigit(s[i]) || (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t' && (uint8_t(s[i - 1]) < 0x80)))
            continue;
        if (i > 0 && isDigit(s[i - 1])) continue;
        size_t j = i;
        int n = 0;
        while (j < s.size() && isDigit(s[j]) && j - i < 3) n = n * 10 + (s[j++] - '0');
        bool marker = startsWith(s.substr(j), "、") || (s[j] == '.' && j + 1 < s.size() && s[j + 1] == ' ');
        if (!marker) continue;
        if (n == expected || (n == 1 && expected > 2)) {
            if (i > 0) at.push_back(i);
            expected = n + 1;
        }
    }
}

void referenceSplits(std::string_view s, std::vector<size_t>& at) {
    int expected = 1;
    for (size_t i = s.find('['); i != std::string_view::npos; i = s.find('[', i + 1)) {
        std::string label = "[" + std::to_string(expected) + "]";
        if (s.substr(i, label.size()) == label && i > 0 && s[i - 1] == ' ') {
            at.push_back(i);
            ++expected;
        }
    }
}

}  // namespace

std::string stripImagePlaceholders(std::string_view line) {
    std::string out(line);
    for (std::string_view marker : {"[外链图片转存失败", "[外链图片转存中", "[图片上传失败"}) {
        for (size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at)) {
            size_t end = out.find(")]", at);
            end = end == std::string::npos ? out.find(']', at) : end + 1;
            if (end == std::string::npos) end = out.size() - 1;
            out.erase(at, end + 1 - at);
        }
    }
    return out;
}

std::vector<ArticleLine> linesFromText(std::string_view text) {
    std::vector<ArticleLine> lines;
    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        addLine(lines, ArticleLine{std::string(text.substr(start, end - start)), 0, 0, {}});
        start = end + 1;
    }
    return lines;
}

std::vector<ArticleLine> linesFromMarkdown(std::string_view text) {
    std::vector<ArticleLine> lines;
    bool fence = false;
    for (size_t start = 0; start <= text.size();) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string raw = trimSpace(text.substr(start, end - start));
        start = end + 1;
        if (startsWith(raw, "```")) {
            fence = !fence;
            continue;
        }
        ArticleLine line;
        std::string_view body = raw;
        if (!fence) {
            size_t hashes = 0;
            while (hashes < body.size() && body[hashes] == '#') ++hashes;
            if (hashes >= 1 && hashes <= 6 && hashes < body.size() && body[hashes] == ' ') {
                line.heading = int(hashes);
                body.remove_prefix(hashes + 1);
                while (!body.empty() && (body.back() == '#' || body.back() == ' ')) body.remove_suffix(1);
            }
            while (startsWith(body, ">")) body = trimSpace(body.substr(1)).empty() ? "" : body.substr(1);
            if (body == "---" || body == "***" || body == "___") continue;
        }
        line.text = fence ? std::string(body) : markdownInline(body, line.links);
        addLine(lines, std::move(line));
    }
    return lines;
}

std::vector<ArticleLine> unflattenLines(std::vector<ArticleLine> lines) {
    constexpr size_t kFlattened = 1500;
    std::vector<ArticleLine> out;
    for (ArticleLine& line : lines) {
        if (line.text.size() < kFlattened) {
            out.push_back(std::move(line));
            continue;
        }
        std::string_view s = line.text;
        std::vector<size_t> at;
        numberedSplits(s, at);
        referenceSplits(s, at);
        size_t b = 0, e = 0;
        for (size_t from = 0; findUrl(s, from, b, e); from = e) {
            if (b > 0 && s[b - 1] == ' ') at.push_back(b);
            if (e < s.size() && s[e] == ' ') at.push_back(e);
        }
        std::sort(at.begin(), at.end());
        size_t previous = 0;
        at.push_back(s.size());
        for (size_t cut : at) {
            if (cut <= previous) continue;
            ArticleLine piece{std::string(s.substr(previous, cut - previous)), 0, 0, {}};
            piece.text = trimSpace(piece.text);
            if (previous == 0) piece.links = line.links, piece.heading = line.heading;
            if (!piece.text.empty()) out.push_back(std::move(piece));
            previous = cut;
        }
    }
    return out;
}

}  // namespace papertide::import
