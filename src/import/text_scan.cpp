// Scanners over UTF-8 text for the import steps (see text_scan.h).
#include "import/text_scan.h"

#include "core/text.h"

namespace papertide::import {

namespace {

bool isSpaceCp(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
           cp == 0x3000 || cp == 0x200B || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F;
}

bool isUrlChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '-': case '.': case '_': case '~': case ':': case '/': case '?': case '#': case '[': case ']':
        case '@': case '!': case '$': case '&': case '\'': case '(': case ')': case '*': case '+': case ',':
        case ';': case '=': case '%':
            return true;
        default:
            return false;
    }
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// "2205.06175" or "1501.0001" (4 or 5 digits after the dot) at `s`; returns its length or 0.
size_t arxivIdLength(std::string_view s) {
    if (s.size() < 9) return 0;
    for (int i = 0; i < 4; ++i)
        if (!isDigit(s[i])) return 0;
    if (s[4] != '.') return 0;
    size_t n = 5;
    while (n < s.size() && isDigit(s[n])) ++n;
    size_t digits = n - 5;
    if (digits != 4 && digits != 5) return 0;
    int month = (s[2] - '0') * 10 + (s[3] - '0');
    if (month < 1 || month > 12) return 0;
    return n;
}

}  // namespace

std::string trimSpace(std::string_view s) {
    size_t begin = 0, end = s.size();
    while (begin < end) {
        size_t pos = begin;
        if (!isSpaceCp(core::decodeUtf8(s, pos))) break;
        begin = pos;
    }
    while (end > begin) {
        size_t start = end - 1;
        while (start > begin && (uint8_t(s[start]) & 0xC0) == 0x80) --start;
        size_t pos = start;
        if (!isSpaceCp(core::decodeUtf8(s, pos))) break;
        end = start;
    }
    return std::string(s.substr(begin, end - begin));
}

std::string clip(std::string_view s, size_t maxBytes) {
    if (s.size() <= maxBytes) return std::string(s);
    size_t cut = maxBytes;
    while (cut > 0 && (uint8_t(s[cut]) & 0xC0) == 0x80) --cut;
    return std::string(s.substr(0, cut)) + "…";
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

ScriptCounts countScripts(std::string_view s) {
    ScriptCounts c;
    for (size_t pos = 0; pos < s.size();) {
        char32_t cp = core::decodeUtf8(s, pos);
        if (core::isCjk(cp)) ++c.cjk;
        else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7)) ++c.latin;
        else if (cp >= '0' && cp <= '9') ++c.digits;
        else if (!isSpaceCp(cp)) ++c.other;
    }
    return c;
}

bool hasCjk(std::string_view s) { return firstCjk(s) != std::string_view::npos; }

size_t firstCjk(std::string_view s) {
    for (size_t pos = 0; pos < s.size();) {
        size_t start = pos;
        if (core::isCjk(core::decodeUtf8(s, pos))) return start;
    }
    return std::string_view::npos;
}

bool findUrl(std::string_view s, size_t from, size_t& begin, size_t& end) {
    while (from < s.size()) {
        size_t h = s.find("http", from);
        if (h == std::string_view::npos) return false;
        size_t scheme = startsWith(s.substr(h), "https://") ? 8 : startsWith(s.substr(h), "http://") ? 7 : 0;
        if (scheme == 0 || (h > 0 && isUrlChar(s[h - 1]) && s[h - 1] != '(' && s[h - 1] != ':' && s[h - 1] != '[')) {
            from = h + 4;
            continue;
        }
        size_t e = h + scheme;
        while (e < s.size() && isUrlChar(s[e])) ++e;
        // Trailing punctuation belongs to the sentence; a closing bracket only when the URL opened one.
        while (e > h + scheme) {
            char last = s[e - 1];
            std::string_view url = s.substr(h, e - h);
            if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '\'') {
                --e;
            } else if (last == ')' || last == ']') {
                char open = last == ')' ? '(' : '[';
                size_t opens = 0, closes = 0;
                for (char c : url) opens += c == open, closes += c == last;
                if (closes > opens) --e;
                else break;
            } else {
                break;
            }
        }
        std::string_view host = s.substr(h + scheme, e - h - scheme);
        host = host.substr(0, host.find_first_of("/?#"));
        if (host.find('.') != std::string_view::npos && host.front() != '.' && host.back() != '.') {
            begin = h;
            end = e;
            return true;
        }
        from = e > h ? e : h + 4;
    }
    return false;
}

bool isBareUrl(std::string_view s) {
    std::string t = trimSpace(s);
    size_t b = 0, e = 0;
    return findUrl(t, 0, b, e) && b == 0 && e == t.size();
}

std::string arxivIdFromUrl(std::string_view url) {
    size_t at = url.find("arxiv.org/");
    if (at == std::string_view::npos) return "";
    std::string_view rest = url.substr(at + 10);
    for (std::string_view kind : {"abs/", "pdf/", "html/"}) {
        if (!startsWith(rest, kind)) continue;
        std::string_view id = rest.substr(kind.size());
        size_t n = arxivIdLength(id);
        if (n == 0) return "";
        // Only a version, ".pdf" or the end may follow: "2205.061751" is not 2205.06175.
        std::string_view tail = id.substr(n);
        if (!tail.empty() && tail[0] == 'v') {
            size_t v = 1;
            while (v < tail.size() && isDigit(tail[v])) ++v;
            tail = tail.substr(v);
        }
        if (startsWith(tail, ".pdf")) tail = tail.substr(4);
        if (!tail.empty() && tail[0] != '/' && tail[0] != '?' && tail[0] != '#') return "";
        return std::string(id.substr(0, n));
    }
    return "";
}

std::string arxivIdInText(std::string_view s) {
    for (size_t at = 0; (at = s.find_first_of("aA", at)) != std::string_view::npos; ++at) {
        std::string_view rest = s.substr(at);
        if (rest.size() < 6) return "";
        std::string lower;
        for (char c : rest.substr(0, 5)) lower += char(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (lower != "arxiv" || (at > 0 && isUrlChar(s[at - 1]) && s[at - 1] != '(' && s[at - 1] != '[')) continue;
        size_t p = 5;
        while (p < rest.size() && (rest[p] == ':' || rest[p] == ' ')) ++p;
        if (p == 5) continue;
        size_t n = arxivIdLength(rest.substr(p));
        if (n == 0 || (p + n < rest.size() && isDigit(rest[p + n]))) continue;
        return std::string(rest.substr(p, n));
    }
    return "";
}

std::string slugify(std::string_view title, size_t maxLength) {
    std::string out;
    bool pendingDash = false;
    for (size_t pos = 0; pos < title.size();) {
        char32_t cp = core::foldCodePoint(core::decodeUtf8(title, pos));
        if (cp == '\'' || cp == 0x2019 || cp == 0x2018) continue;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            if (pendingDash && !out.empty()) out += '-';
            pendingDash = false;
            out += char(cp);
        } else {
            pendingDash = true;
        }
    }
    if (out.size() > maxLength) out.resize(maxLength);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace papertide::import
