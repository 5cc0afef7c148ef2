// The bilingual glossary: parsing and validating glossary.json, look-up by variant, query expansion.
#include "core/glossary.h"

#include <algorithm>
#include <climits>
#include <unordered_set>

#include "core/json_reader.h"
#include "core/search_index.h"
#include "core/text.h"

namespace papertide::core {

namespace {

size_t wordCount(std::string_view folded) {
    return folded.empty() ? 0 : 1 + static_cast<size_t>(std::count(folded.begin(), folded.end(), ' '));
}

bool hasCjk(std::string_view s) {
    for (size_t pos = 0; pos < s.size();)
        if (isCjk(decodeUtf8(s, pos))) return true;
    return false;
}

bool allCjk(std::string_view s) {
    for (size_t pos = 0; pos < s.size();)
        if (!isCjk(decodeUtf8(s, pos))) return false;
    return !s.empty();
}

// A Chinese compound that the glossary does not list whole ("视频理解") but spells from two or more of its
// variants ("视频" + "理解"), as few as possible: its pieces, so that each is expanded the way the words of an
// English phrase are ("video understanding" -> video, understanding). Empty when it is not spelled that way.
std::vector<std::string> glossaryPieces(const std::string& token, const Glossary& glossary) {
    std::vector<size_t> cuts;
    for (size_t pos = 0; pos < token.size(); decodeUtf8(token, pos)) cuts.push_back(pos);
    cuts.push_back(token.size());
    const size_t n = cuts.size() - 1;
    if (n < 2 || n > 40) return {};
    std::vector<int> pieces(n + 1, INT_MAX), from(n + 1, -1);
    pieces[0] = 0;
    for (size_t i = 0; i < n; ++i) {
        if (pieces[i] == INT_MAX) continue;
        for (size_t j = i + 1; j <= n; ++j)
            if (pieces[i] + 1 < pieces[j] && !glossary.lookup(token.substr(cuts[i], cuts[j] - cuts[i])).empty()) {
                pieces[j] = pieces[i] + 1;
                from[j] = static_cast<int>(i);
            }
    }
    if (pieces[n] == INT_MAX || pieces[n] < 2) return {};
    std::vector<std::string> out;
    for (size_t j = n; j > 0; j = static_cast<size_t>(from[j])) out.push_back(token.substr(cuts[from[j]], cuts[j] - cuts[from[j]]));
    std::reverse(out.begin(), out.end());
    return out;
}

bool hasWordChar(std::string_view s) {
    for (size_t pos = 0; pos < s.size();) {
        char32_t cp = decodeUtf8(s, pos);
        if (isWordChar(cp) || isCjk(cp)) return true;
    }
    return false;
}

bool precededByWordChar(std::string_view text, size_t pos) {
    if (pos == 0) return false;
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return isWordChar(decodeUtf8(text, start));
}

// One language's variants of an entry: each a non-empty phrase in its own script, folded for matching.
bool parseVariants(JsonReader& r, const JsonNode& node, const std::string& ptr, std::string_view key, bool chinese,
                   std::vector<std::string>& shown, std::vector<std::string>& folded) {
    auto list = r.textList(node, ptr, key, true, TextRule::Any, {400, false}, 50);
    if (!list) return false;
    const std::string listPtr = appendPointer(ptr, std::string(key));
    const JsonNode* array = node.kind == JsonKind::Object ? r.required(node, ptr, key) : nullptr;
    if (list->empty() && array) {
        r.error(*array, listPtr, "expected at least one variant");
        return false;
    }
    bool ok = true;
    std::vector<const JsonNode*> items;
    if (array) for (const JsonNode& item : r.doc().children(*array)) items.push_back(&item);
    for (size_t i = 0; i < list->size(); ++i) {
        const std::string& v = (*list)[i];
        std::string f = trim(foldForSearch(v));
        const JsonNode& at = i < items.size() ? *items[i] : node;
        const std::string itemPtr = appendPointer(listPtr, i);
        if (f.empty() || !hasWordChar(f)) {
            r.error(at, itemPtr, "expected a term with letters, digits or Chinese characters");
            ok = false;
        } else if (chinese != hasCjk(f)) {
            r.error(at, itemPtr, chinese ? "expected a Chinese term (\"zh\" lists Chinese variants)"
                                         : "expected a term without Chinese characters (\"en\" lists English variants)");
            ok = false;
        } else if (std::find(folded.begin(), folded.end(), f) != folded.end()) {
            r.warning(at, itemPtr, "duplicate variant \"" + v + "\" is ignored");
        } else {
            shown.push_back(v);
            folded.push_back(std::move(f));
        }
    }
    return ok;
}

}  // namespace

Glossary::Glossary(std::vector<GlossaryEntry> entries) : entries_(std::move(entries)) {
    for (uint32_t e = 0; e < entries_.size(); ++e)
        for (const auto* list : {&entries_[e].foldedEn, &entries_[e].foldedZh})
            for (const std::string& v : *list) {
                std::vector<uint32_t>& ids = byVariant_[v];
                if (ids.empty() || ids.back() != e) ids.push_back(e);
                maxWords_ = std::max(maxWords_, wordCount(v));
            }
}

std::vector<uint32_t> Glossary::lookup(std::string_view folded) const {
    if (auto it = byVariant_.find(std::string(folded)); it != byVariant_.end()) return it->second;
    // "diffusion models" -> "diffusion model", "transformers" -> "transformer"
    if (folded.size() > 3 && folded.back() == 's' && folded[folded.size() - 2] != 's')
        if (auto it = byVariant_.find(std::string(folded.substr(0, folded.size() - 1))); it != byVariant_.end())
            return it->second;
    return {};
}

Glossary parseGlossary(std::string_view file, std::string_view bytes, std::vector<Diagnostic>& out) {
    JsonDocument doc;
    JsonParseError parseError;
    if (!doc.parse(bytes, parseError)) {
        out.push_back(describeParseError(file, bytes, parseError));
        return {};
    }
    JsonReader r(doc, bytes, std::string(file), out);
    const JsonNode& root = doc.root();
    if (!r.expectKind(root, "", JsonKind::Object)) return {};
    r.checkMembers(root, "", {"format", "entries"});
    if (const JsonNode* format = r.required(root, "", "format");
        format && r.expectKind(*format, "/format", JsonKind::Integer) && format->integer != 1)
        r.error(*format, "/format", "unsupported format " + std::to_string(format->integer) + "; this version reads format 1");
    const JsonNode* list = r.required(root, "", "entries");
    std::vector<GlossaryEntry> entries;
    if (list && r.expectKind(*list, "/entries", JsonKind::Array)) {
        size_t i = 0;
        for (const JsonNode& item : doc.children(*list)) {
            std::string ptr = appendPointer("/entries", i++);
            if (!r.expectKind(item, ptr, JsonKind::Object)) continue;
            r.checkMembers(item, ptr, {"en", "zh", "note"});
            GlossaryEntry e;
            bool ok = parseVariants(r, item, ptr, "en", false, e.en, e.foldedEn);
            ok = parseVariants(r, item, ptr, "zh", true, e.zh, e.foldedZh) && ok;
            r.text(item, ptr, "note", false, TextRule::Any, {1000, true});
            if (ok && !e.en.empty() && !e.zh.empty()) entries.push_back(std::move(e));
        }
    }
    r.finish();
    return Glossary(std::move(entries));
}

bool termImplies(std::string_view longer, std::string_view shorter) {
    if (shorter.empty()) return true;
    size_t probe = 0;
    const bool wordStart = isWordChar(decodeUtf8(shorter, probe));
    for (size_t pos = longer.find(shorter); pos != std::string_view::npos; pos = longer.find(shorter, pos + 1))
        if (!wordStart || !precededByWordChar(longer, pos)) return true;
    return false;
}

SearchQuery expandSearchQuery(std::string_view text, const Glossary& glossary) {
    std::vector<QueryToken> tokens;
    for (QueryToken& t : tokenizeSearchQuery(text)) {
        // An unknown Chinese compound made of known terms becomes those terms (never a quoted or excluded one:
        // "-视频理解" must not exclude every paper that says 视频).
        if (!t.quoted && !t.negated && !glossary.empty() && allCjk(t.text) && glossary.lookup(t.text).empty()) {
            std::vector<std::string> pieces = glossaryPieces(t.text, glossary);
            for (std::string& piece : pieces) tokens.push_back({std::move(piece), false, false});
            if (!pieces.empty()) continue;
        }
        tokens.push_back(std::move(t));
    }
    SearchQuery q;
    for (const QueryToken& t : tokens) (t.negated ? q.exclude : q.include).push_back(t.text);
    if (glossary.empty()) return q;
    size_t included = 0, excluded = 0;
    for (size_t i = 0; i < tokens.size();) {
        const QueryToken& t = tokens[i];
        if (t.quoted) {
            ++(t.negated ? excluded : included);
            ++i;
            continue;
        }
        // The longest run of plain included words that spells a glossary variant (exclusions: one term).
        size_t run = 0;
        std::string joined;
        std::vector<uint32_t> entries;
        const size_t most = t.negated ? 1 : glossary.maxWords();
        std::string candidate;
        for (size_t n = 1; n <= most && i + n <= tokens.size(); ++n) {
            const QueryToken& next = tokens[i + n - 1];
            if (next.quoted || next.negated != t.negated) break;
            candidate += (n > 1 ? " " : "") + next.text;
            if (std::vector<uint32_t> found = glossary.lookup(candidate); !found.empty()) {
                run = n;
                joined = candidate;
                entries = std::move(found);
            }
        }
        if (run == 0) {
            ++(t.negated ? excluded : included);
            ++i;
            continue;
        }
        SearchQuery::Expansion x;
        x.excluded = t.negated;
        x.first = t.negated ? excluded : included;
        x.count = run;
        x.term = joined;
        // Alternatives already kept (the typed terms first); a variant implied by one of them adds nothing.
        std::vector<std::vector<std::string>> kept(1);
        for (size_t k = 0; k < run; ++k) kept[0].push_back(tokens[i + k].text);
        std::vector<std::pair<std::string, std::string>> candidates;  // folded, shown
        std::unordered_set<std::string> seen;
        for (uint32_t e : entries) {
            const GlossaryEntry& g = glossary.entries()[e];
            for (size_t v = 0; v < g.foldedEn.size(); ++v)
                if (seen.insert(g.foldedEn[v]).second) candidates.push_back({g.foldedEn[v], g.en[v]});
            for (size_t v = 0; v < g.foldedZh.size(); ++v)
                if (seen.insert(g.foldedZh[v]).second) candidates.push_back({g.foldedZh[v], g.zh[v]});
        }
        // Shortest first, so the broadest variant is kept and the ones it implies are dropped.
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const auto& a, const auto& b) { return a.first.size() < b.first.size(); });
        for (const auto& variant : candidates) {
            // Named copies, not structured bindings: clang 14 (Emscripten 3.1.6) cannot capture those in a lambda.
            const std::string& folded = variant.first;
            const std::string& shown = variant.second;
            bool redundant = std::any_of(kept.begin(), kept.end(), [&](const std::vector<std::string>& alt) {
                return std::all_of(alt.begin(), alt.end(), [&](const std::string& term) { return termImplies(folded, term); });
            });
            if (redundant) continue;
            kept.push_back({folded});
            x.variants.push_back(folded);
            x.shown.push_back(shown);
        }
        if (!x.variants.empty()) q.expansions.push_back(std::move(x));
        (t.negated ? excluded : included) += run;
        i += run;
    }
    return q;
}

}  // namespace papertide::core
