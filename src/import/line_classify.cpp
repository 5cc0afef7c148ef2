// Line classification for the import (see line_classify.h): labels in Chinese and English, markers, names.
#include "import/line_classify.h"

#include "core/text.h"
#include "import/text_scan.h"

namespace papertide::import {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string asciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (isUpper(c)) c = char(c + 32);
    return out;
}

bool oneOf(std::string_view s, std::initializer_list<std::string_view> list) {
    for (std::string_view x : list)
        if (s == x) return true;
    return false;
}

// "label: rest" with ':' or '：' within the first 24 bytes; false when there is no such colon.
bool splitLabel(std::string_view text, std::string& label, std::string& rest) {
    size_t ascii = text.find(':'), wide = text.find("：");
    size_t at = std::min(ascii, wide);
    if (at == std::string_view::npos || at > 24 || at == 0) return false;
    if (ascii == at && at + 2 < text.size() && text.substr(at, 3) == "://") return false;
    label = asciiLower(trimSpace(text.substr(0, at)));
    // "📄 论文", "▶ Code", "【论文】": decorations around the label word do not change it.
    while (!label.empty()) {
        size_t pos = 0;
        char32_t cp = core::decodeUtf8(label, pos);
        if (core::isCjk(cp) || (cp >= 'a' && cp <= 'z')) break;
        label = trimSpace(std::string_view(label).substr(pos));
    }
    for (std::string_view close : {"】", "]", "）", ")"})
        if (endsWith(label, close)) label = trimSpace(std::string_view(label).substr(0, label.size() - close.size()));
    rest = trimSpace(text.substr(at + (at == wide ? 3 : 1)));
    return true;
}

bool isLinkLabel(std::string_view l) {
    return oneOf(l, {"论文链接", "论文地址", "链接", "代码", "代码地址", "代码链接", "项目", "项目地址", "项目主页", "项目页面",
                     "主页", "code", "project", "project page", "pdf", "arxiv", "paper link", "link", "links", "来源",
                     "source", "github", "开源地址", "数据集", "dataset", "demo", "homepage", "blog", "openreview", "doi",
                     "论文", "paper", "url", "地址", "原文", "原文链接", "官网", "website", "colab"});
}

bool isTitleLabel(std::string_view l) {
    return oneOf(l, {"论文", "论文标题", "标题", "题目", "paper", "title", "论文名称", "论文题目", "paper title", "名称"});
}

bool isAuthorLabel(std::string_view l) {
    return oneOf(l, {"作者", "authors", "author", "论文作者", "作者们", "by"});
}

// "3、" "3." "3。" "3)" "3:" at the start (not "3.5B", not "2021.") -> number and the text after it.
bool leadingNumber(std::string_view t, int& number, std::string& rest) {
    size_t i = 0;
    bool paren = startsWith(t, "(") || startsWith(t, "（");
    if (paren) i = t[0] == '(' ? 1 : 3;
    size_t digitsStart = i;
    int n = 0;
    while (i < t.size() && isDigit(t[i]) && i - digitsStart < 3) n = n * 10 + (t[i++] - '0');
    if (i == digitsStart || n == 0 || (i < t.size() && isDigit(t[i]))) return false;
    std::string_view after = t.substr(i);
    // "01 Title": a zero-padded number and a space before a capital, the way WeChat digests number papers.
    if (!paren && i - digitsStart == 2 && t[digitsStart] == '0' && startsWith(after, " ")) {
        std::string title = trimSpace(after);
        if (!title.empty() && (isUpper(title[0]) || (uint8_t(title[0]) >= 0x80))) {
            rest = title;
            number = n;
            return true;
        }
    }
    size_t skip = 0;
    if (paren) skip = startsWith(after, ")") ? 1 : startsWith(after, "）") ? 3 : 0;
    else if (startsWith(after, "、") || startsWith(after, "。") || startsWith(after, "．") || startsWith(after, "：") ||
             startsWith(after, "）"))
        skip = 3;
    else if (!after.empty() && (after[0] == ')' || after[0] == ':')) skip = 1;
    else if (!after.empty() && after[0] == '.' && (after.size() == 1 || !isDigit(after[1]))) skip = 1;
    if (skip == 0) return false;
    rest = trimSpace(after.substr(skip));
    number = n;
    return !rest.empty();
}

// "论文 3:X", "Paper 3: X", "Paper #3 - X", "第 3 篇:X", "#3 X", "No. 3: X".
bool labelledNumber(std::string_view t, int& number, std::string& rest) {
    std::string lower = asciiLower(t.substr(0, 12));
    size_t i = 0;
    for (std::string_view p : {"论文", "paper", "第", "no.", "#"}) {
        if (startsWith(lower, p)) {
            i = p.size();
            break;
        }
    }
    if (i == 0) return false;
    while (i < t.size() && (t[i] == ' ' || t[i] == '#')) ++i;
    size_t digitsStart = i;
    int n = 0;
    while (i < t.size() && isDigit(t[i]) && i - digitsStart < 3) n = n * 10 + (t[i++] - '0');
    if (i == digitsStart || n == 0 || (i < t.size() && isDigit(t[i]))) return false;
    std::string_view after = t.substr(i);
    if (startsWith(after, "篇")) after.remove_prefix(3);
    std::string trimmed = trimSpace(after);
    after = trimmed;
    for (std::string_view sep : {"：", "、", ":", ".", "-", "–", "—", "|"})
        if (startsWith(after, sep)) {
            after.remove_prefix(sep.size());
            break;
        }
    rest = trimSpace(after);
    number = n;
    return !rest.empty();
}

bool isChrome(std::string_view t) {
    for (std::string_view marker : {"点击上方", "关注公众号", "长按二维码", "扫描二维码", "扫码关注", "微信扫码", "转载请",
                                    "投稿或寻求报道", "未经授权", "设为星标", "分享到", "喜欢就关注", "点个在看", "点个 在看"})
        if (t.find(marker) != std::string_view::npos) return true;
    ScriptCounts c = countScripts(t);
    if (c.cjk + c.latin == 0) return true;  // "0", "| |", "***", page counters
    if (t.size() < 60 && (startsWith(t, "图片由") || startsWith(t, "图片来源") || startsWith(t, "Image credit") ||
                          startsWith(t, "Image by") || startsWith(t, "图源")))
        return true;
    return oneOf(t, {"Top", "登录", "分享", "收藏", "点赞", "在看", "赞", "阅读原文", "VIP会员", "Share", "Tweet"});
}

bool isEndMarker(std::string_view t) {
    std::string l = asciiLower(t);
    for (size_t at = l.find("\xC2\xA0"); at != std::string::npos; at = l.find("\xC2\xA0")) l.replace(at, 2, " ");
    if (oneOf(l, {"© the end", "the end", "—end—", "- end -", "-end-", "end", "(完)", "（完）", "相关内容", "相关阅读",
                  "推荐阅读", "往期推荐", "往期回顾", "相关文章", "相关推荐", "热门文章", "related articles", "related posts",
                  "you may also like", "comments", "评论", "还没有评论", "登录查看更多", "上一篇", "下一篇", "标签:", "标签："}))
        return true;
    return startsWith(l, "上一篇文章") || startsWith(l, "上一篇:") || startsWith(l, "上一篇：") || startsWith(l, "© the end");
}

std::string stripMarker(std::string_view t, std::initializer_list<std::string_view> markers) {
    std::string s = trimSpace(t);
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::string_view m : markers) {
            if (s.size() >= m.size() && asciiLower(s.substr(0, m.size())) == asciiLower(m)) {
                s = trimSpace(std::string_view(s).substr(m.size()));
                changed = true;
            }
        }
    }
    return s;
}

}  // namespace

bool endsWithColon(std::string_view t) { return endsWith(t, ":") || endsWith(t, "："); }

LineInfo classifyLine(const ArticleLine& line) {
    LineInfo info;
    std::string_view t = line.text;
    info.rest = line.text;
    if (isEndMarker(t)) return info.kind = LineKind::EndMarker, info;
    std::string bare = asciiLower(trimSpace(endsWithColon(t) ? t.substr(0, t.size() - (endsWith(t, ":") ? 1 : 3)) : t));
    if (oneOf(bare, {"参考文献", "参考", "引用", "论文引用", "参考资料", "参考链接", "references", "reference", "citations",
                     "bibliography", "文献"}))
        return info.kind = LineKind::ReferencesMarker, info;
    if (oneOf(bare, {"目录", "本文目录", "contents", "table of contents", "本期目录"})) return info.kind = LineKind::TocMarker, info;
    if (isChrome(t)) return info.kind = LineKind::Chrome, info;
    if (startsWith(t, "❓") || startsWith(asciiLower(t), "why →") || startsWith(asciiLower(t), "why:") ||
        startsWith(asciiLower(t), "why：") || startsWith(asciiLower(t), "why->")) {
        info.rest = stripMarker(t, {"❓", "Why", "→", "->", ":", "：", "-"});
        return info.kind = LineKind::Why, info;
    }
    if (startsWith(t, "💡") || startsWith(t, "关键见解") || startsWith(asciiLower(t), "key insight")) {
        info.rest = stripMarker(t, {"💡", "关键见解", "Key insights", "Key insight", "→", "->", ":", "："});
        return info.kind = LineKind::Insight, info;
    }
    for (std::string_view open : {"[", "【"}) {
        if (!startsWith(t, open)) continue;
        size_t i = open.size(), n = 0, start = i;
        while (i < t.size() && isDigit(t[i]) && i - start < 4) n = n * 10 + size_t(t[i++] - '0');
        std::string_view close = open == "[" ? "]" : "】";
        if (i > start && startsWith(t.substr(i), close)) {
            info.label = "[" + std::to_string(n) + "]";
            info.number = int(n);
            info.rest = trimSpace(t.substr(i + close.size()));
            return info.kind = LineKind::Reference, info;
        }
    }
    if (line.listNumber > 0) {
        info.number = line.listNumber;
        return info.kind = LineKind::Number, info;
    }
    if (leadingNumber(t, info.number, info.rest) || labelledNumber(t, info.number, info.rest)) return info.kind = LineKind::Number, info;
    info.rest = line.text;
    std::string label, rest;
    if (splitLabel(t, label, rest)) {
        if (isAuthorLabel(label) && !rest.empty()) return info.rest = rest, info.kind = LineKind::AuthorLabel, info;
        if (isLinkLabel(label) && (isBareUrl(rest) || !line.links.empty() || startsWith(rest, "http"))) {
            info.label = label;
            info.rest = rest;
            return info.kind = LineKind::LinkLabel, info;
        }
        if (isTitleLabel(label) && !rest.empty()) return info.rest = rest, info.kind = LineKind::TitleLabel, info;
    }
    if (startsWith(t, "By ") && isAuthorLike(t.substr(3))) return info.rest = t.substr(3), info.kind = LineKind::AuthorLabel, info;
    if (isBareUrl(t)) return info.kind = LineKind::BareUrl, info;
    for (std::string_view b : {"- ", "• ", "* ", "· ", "● ", "▪ ", "◆ ", "•", "●"}) {
        if (!startsWith(t, b)) continue;
        // "• 作者:…" / "• 论文地址:…": the bullet only decorates a label line.
        ArticleLine inner{trimSpace(t.substr(b.size())), line.heading, 0, line.links};
        LineInfo labelled = inner.text.empty() ? info : classifyLine(inner);
        if (labelled.kind == LineKind::AuthorLabel || labelled.kind == LineKind::LinkLabel ||
            labelled.kind == LineKind::TitleLabel || labelled.kind == LineKind::Why || labelled.kind == LineKind::Insight)
            return labelled;
        return info.kind = LineKind::Bullet, info;
    }
    return info;
}

bool isTitleLike(std::string_view text, bool allowFinalPeriod) {
    std::string t = trimSpace(text);
    if (t.size() < 4 || t.size() > 300 || startsWith(t, "http")) return false;
    ScriptCounts c = countScripts(t);
    if (c.cjk > 0 || c.latin < 4) return false;
    if (!(isUpper(t[0]) || isDigit(t[0]) || t[0] == '"' || startsWith(t, "“") || (t[0] >= 'a' && t[0] <= 'z' && t.find(' ') != std::string::npos && isUpper(t[t.find(' ') + 1]))))
        return false;
    if (t.find_first_of("={};<>") != std::string::npos || t.find("()") != std::string::npos) return false;
    size_t words = 1;
    for (char ch : t) words += ch == ' ';
    if (words > 30) return false;
    // A sentence inside ("… word. Next …") or at the end means prose, not a title.
    for (size_t i = 1; i + 2 < t.size(); ++i)
        if (t[i] == '.' && t[i + 1] == ' ' && isUpper(t[i + 2]) && !(i >= 2 && t[i - 2] == ' ') &&
            !(i >= 3 && t.substr(i - 2, 2) == "al"))
            return false;
    if (!allowFinalPeriod && t.back() == '.' && words > 6 && t.substr(t.size() - 4) != "al.") return false;
    return words >= 2 || c.latin >= 4;
}

bool isAuthorLike(std::string_view text) {
    std::string t = trimSpace(text);
    if (t.empty() || t.size() > 1200 || t.find("http") != std::string::npos) return false;
    ParsedAuthors a = parseAuthors(t);
    if (a.names.empty()) return false;
    if (hasCjk(t)) {  // transliterated names: "斯科特·里德、康拉德·żołna 等人"
        bool separators = t.find("·") != std::string::npos || t.find("、") != std::string::npos;
        for (const std::string& name : a.names)
            if (name.size() > 40) return false;  // transliterated names are a few characters each
        return separators && t.size() < 400 && t.find("，") == std::string::npos && t.find(',') == std::string::npos;
    }
    size_t good = 0;
    for (const std::string& name : a.names) {
        size_t words = 1;
        for (char ch : name) words += ch == ' ';
        bool capital = (isUpper(name[0]) || (uint8_t(name[0]) >= 0xC0)) && name.find_first_of("0123456789") == std::string::npos;
        if (capital && words <= 6 && name.size() <= 60 && name.find_first_of(".:;!?") == std::string::npos) ++good;
        else if (capital && words <= 6 && name.size() <= 60 && name.find(". ") != std::string::npos) ++good;  // "Jack W. Rae"
    }
    return good * 10 >= a.names.size() * 8 && (a.names.size() >= 2 || a.truncated);
}

bool isOthersHeading(std::string_view text) {
    std::string l = asciiLower(trimSpace(text));
    while (endsWithColon(l)) l = trimSpace(std::string_view(l).substr(0, l.size() - (endsWith(l, ":") ? 1 : 3)));
    return oneOf(l, {"其他", "其它", "其他论文", "其它论文", "其他值得关注的论文", "更多论文", "other papers", "others", "other",
                     "more papers", "honorable mentions", "honourable mentions", "also worth reading", "其他推荐"});
}

ParsedAuthors parseAuthors(std::string_view text) {
    ParsedAuthors out;
    std::string t = trimSpace(text);
    for (std::string_view prefix : {"(from ", "（from ", "By ", "by ", "作者:", "作者：", "作者", "Authors:", "Authors：", "Author:"})
        if (startsWith(t, prefix)) t = trimSpace(std::string_view(t).substr(prefix.size()));
    if (endsWith(t, ")") || endsWith(t, "）")) t.resize(t.size() - (endsWith(t, ")") ? 1 : 3));
    bool changed = true;
    while (changed && !t.empty()) {
        changed = false;
        for (std::string_view suffix : {"et al.", "et al", "等人", "等", "...", "…", ".", "。", ",", "，"}) {
            if (endsWith(t, suffix) && !(suffix == "." && t.size() >= 2 && isUpper(t[t.size() - 2]) &&
                                          (t.size() < 3 || t[t.size() - 3] == ' '))) {
                if (suffix != "." && suffix != "。" && suffix != "," && suffix != "，") out.truncated = true;
                t = trimSpace(std::string_view(t).substr(0, t.size() - suffix.size()));
                changed = true;
            }
        }
    }
    std::string current;
    auto push = [&] {
        std::string name = trimSpace(current);
        current.clear();
        if (!name.empty() && name.size() <= 100) out.names.push_back(name);
    };
    for (size_t i = 0; i < t.size();) {
        std::string_view rest = std::string_view(t).substr(i);
        size_t sep = 0;
        for (std::string_view s : {", and ", " and ", ", ", ",", "、", "，", "; ", ";", "；", " & ", "&", "和"})
            if (startsWith(rest, s)) {
                sep = s.size();
                break;
            }
        if (sep) {
            push();
            i += sep;
        } else {
            current += t[i++];
        }
    }
    push();
    return out;
}

bool isImageUrl(std::string_view url) {
    std::string l = asciiLower(url.substr(0, url.find_first_of("?#")));
    for (std::string_view ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp"})
        if (endsWith(l, ext)) return true;
    return l.find("mmbiz.qpic.cn") != std::string::npos;
}

std::string linkKeyFor(std::string_view url, std::string_view label) {
    std::string u = asciiLower(url), l = asciiLower(trimSpace(label));
    if (!arxivIdFromUrl(url).empty()) return u.find("/pdf/") != std::string::npos ? "pdf" : "arxiv";
    if (u.find("openreview.net") != std::string::npos) return "openreview";
    if (u.find("github.com") != std::string::npos || u.find("gitlab.com") != std::string::npos) return "code";
    if (u.find("doi.org/") != std::string::npos) return "doi";
    if (l.find("代码") != std::string::npos || l == "code" || l == "github" || l == "开源地址") return "code";
    if (l.find("项目") != std::string::npos || l == "project" || l == "project page" || l == "主页" || l == "homepage" ||
        l == "官网" || l == "website")
        return "project";
    if (l == "demo" || l == "colab" || l == "blog" || l == "dataset") return l;
    if (l == "数据集") return "dataset";
    if (endsWith(u.substr(0, u.find_first_of("?#")), ".pdf")) return "pdf";
    if (l.empty()) return "";
    return "paper";
}

}  // namespace papertide::import
