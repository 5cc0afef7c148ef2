#!/usr/bin/env bash
# papertide export-html: the corpus as one plain HTML page (build/web/papers.html). Every text from the data
# is escaped (a synthetic digest with markup in its title, authors, summary, news and references), the real
# corpus is complete, the output is deterministic, usage errors exit 2, and (when node and the npm
# dev-dependency html-validate are installed) both pages validate as HTML.
# usage: export_html.sh PAPERTIDE_BINARY REPO_ROOT
set -euo pipefail

source "$(dirname "$0")/lib.sh"
has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qiF -- "$2" "$1"; }
count() { grep -oF -- "$2" "$1" | wc -l; }


# --- a synthetic digest full of markup -----------------------------------------------------------------
mkdir -p "$TMP/evil/digests"
cp "$DATA/topics.json" "$TMP/evil/topics.json"
cat >"$TMP/evil/digests/2024-01-escape-test.json" <<'JSON'
{
  "format": 1,
  "id": "2024-01-escape-test",
  "month": "2024-01",
  "title": "<script>alert(\"x&y\")</script> 'quoted' 摘要",
  "source": "Source <b>bold</b>",
  "author": "Mallory \"M\" O'Hara",
  "language": "zh-Hans",
  "url": "https://example.org/digest?a=1&b=2",
  "intro": "first <i>paragraph</i>\nsecond & last",
  "news": [{"text": "news <iframe src=x></iframe>", "links": [{"label": "<em>label</em>", "url": "https://example.org/n?x=1&y=2"}]}],
  "sections": [{"id": "main", "title": "Section </h3><h1>"}],
  "papers": [
    {
      "id": "escaping-test-paper",
      "section": "main",
      "title": "A <b>bold</b> & \"quoted\" 'title'",
      "title_zh": "标题 <script>x</script>",
      "authors": ["Ada <Lovelace>", "Bob & Co"],
      "authors_truncated": true,
      "links": {"paper": "https://example.org/p?id=1&v=2"},
      "topics": ["language-models"],
      "summary": "summary <img src=x onerror=alert(1)>\nline 2",
      "why": "why <u>this</u>",
      "insight": "insight \"it\""
    }
  ],
  "references": [{"label": "[1]", "text": "ref <a href=\"javascript:alert(1)\">x</a>", "url": "https://example.org/ref"}]
}
JSON
run export-html --data "$TMP/evil" --out "$TMP/evil.html"
check "synthetic: exit 0, the digest is valid" bash -c '[ "$1" -eq 0 ] && [ ! -s "$2" ]' _ "$rc" "$TMP/err"
check "synthetic: the page has no script element at all" lacks "$TMP/evil.html" "<script"
check "synthetic: no injected elements" bash -c '! grep -qiE "<(b|i|u|em|iframe|img)[ >]|</h3><h1>|href=\"javascript" "$1"' _ "$TMP/evil.html"
check "synthetic: one h1, the page's own" test "$(count "$TMP/evil.html" "<h1")" -eq 1
check "synthetic: title escaped (& < > \" ')" has "$TMP/evil.html" "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; &#39;quoted&#39; 摘要"
check "synthetic: paper title escaped" has "$TMP/evil.html" "A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;title&#39;"
check "synthetic: authors escaped" has "$TMP/evil.html" "Ada &lt;Lovelace&gt;, Bob &amp; Co 等 (et al.)"
check "synthetic: summary paragraphs escaped" has "$TMP/evil.html" "<p>summary &lt;img src=x onerror=alert(1)&gt;</p>"
check "synthetic: second summary paragraph" has "$TMP/evil.html" "<p>line 2</p>"
check "synthetic: link attribute escaped" has "$TMP/evil.html" 'href="https://example.org/p?id=1&amp;v=2"'
check "synthetic: digest url escaped" has "$TMP/evil.html" 'href="https://example.org/digest?a=1&amp;b=2"'
check "synthetic: section title escaped" has "$TMP/evil.html" "Section &lt;/h3&gt;&lt;h1&gt;"
check "synthetic: author with quotes" has "$TMP/evil.html" "Mallory &quot;M&quot; O&#39;Hara"
check "synthetic: reference escaped" has "$TMP/evil.html" "ref &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"
check "synthetic: why and insight" bash -c 'grep -qF "why &lt;u&gt;this&lt;/u&gt;" "$1" && grep -qF "insight &quot;it&quot;" "$1"' _ "$TMP/evil.html"
check "synthetic: one paper, one digest" test "$(count "$TMP/evil.html" '<article class="paper"')" -eq 1

# --- the real corpus ---------------------------------------------------------------------------------------
run stats --json --data "$DATA"
appearances=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["appearances"])' "$TMP/out")
digests=$(ls "$DATA"/digests/*.json | wc -l)
run export-html --data "$DATA" --out "$TMP/papers.html"
check "corpus: exit 0" test "$rc" -eq 0
check "corpus: nothing on stderr" test ! -s "$TMP/err"
check "corpus: one article per paper appearance ($appearances)" test "$(count "$TMP/papers.html" '<article class="paper"')" -eq "$appearances"
check "corpus: one article per digest ($digests)" test "$(count "$TMP/papers.html" '<article class="digest"')" -eq "$digests"
check "corpus: title searches on every appearance of a paper without a paper link, labelled as searches" python3 - "$DATA" "$TMP/papers.html" <<'PY'
import glob, json, re, sys
page = open(sys.argv[2], encoding="utf-8").read()
paper_keys = {"arxiv", "paper", "pdf", "openreview", "doi"}
want = sum(1 for f in glob.glob(sys.argv[1] + "/digests/*.json") for p in json.load(open(f, encoding="utf-8"))["papers"]
           if not p["id"].startswith("arxiv:") and not set(p.get("links", {})) & paper_keys)
blocks = re.findall(r'<p class="links lookup">(.*?)</p>', page)
ok = len(blocks) == want and all(b.count(">Search ") == 3 and "https://arxiv.org/search/?query=" in b for b in blocks)
print(len(blocks), want)
sys.exit(0 if ok else 1)
PY
check "corpus: every digest title and intro, every paper title, link and author list" python3 - "$DATA" "$TMP/papers.html" <<'PY'
import glob, html, json, sys
page = open(sys.argv[2], encoding="utf-8").read()
missing, authors = [], {}
for f in sorted(glob.glob(sys.argv[1] + "/digests/*.json")):
    d = json.load(open(f, encoding="utf-8"))
    for text in [d["title"], d.get("intro", "").split("\n")[0]] + [p["title"] for p in d["papers"]] \
            + [u for p in d["papers"] for u in p.get("links", {}).values()]:
        if html.escape(text) not in page:
            missing.append(text)
    for p in d["papers"]:  # a paper picked twice shows one of its digests' author lists
        authors.setdefault(p["id"], []).append(p["authors"])
for pid, lists in authors.items():
    if not any(all(html.escape(a) in page for a in names) for names in lists):
        missing.append(pid + " authors")
if missing:
    print("missing:", missing[:5])
sys.exit(1 if missing else 0)
PY
check "corpus: links back to the app" has "$TMP/papers.html" '<a href="index.html">'
check "corpus: CSP allows no scripts" has "$TMP/papers.html" "default-src 'none'; style-src 'unsafe-inline'"
run export-html --data "$DATA" --out -
check "--out -: the same page on stdout" cmp -s "$TMP/out" "$TMP/papers.html"

# --- usage ---------------------------------------------------------------------------------------------------
run export-html --data "$DATA"
check "no --out: exit 2" test "$rc" -eq 2
check "no --out: says so" has "$TMP/err" "--out FILE is required"
run export-html --bogus --out "$TMP/x.html"
check "unknown option: exit 2" test "$rc" -eq 2
run export-html --data "$TMP/does-not-exist" --out "$TMP/x.html"
check "unreadable data: exit 2, no file" bash -c '[ "$1" -eq 2 ] && [ ! -e "$2" ]' _ "$rc" "$TMP/x.html"
run export-html --data "$DATA" --out "$TMP/no-such-dir/x.html"
check "unwritable output: exit 2" test "$rc" -eq 2
run help
check "help: lists export-html" has "$TMP/out" "papertide export-html"

# --- HTML validity (html-validate, an npm dev-dependency) -------------------------------------------------
if command -v node >/dev/null 2>&1 && [ -f "$ROOT/node_modules/html-validate/package.json" ]; then
  validate() { (cd "$ROOT" && node node_modules/html-validate/bin/html-validate.mjs -c tests/web/htmlvalidate.json "$@") >"$TMP/out" 2>&1; }
  check "html-validate: the synthetic page" validate "$TMP/evil.html"
  check "html-validate: the corpus page" validate "$TMP/papers.html"
else
  echo "# html-validate skipped (needs node and npm ci)"
  [ "${PAPERTIDE_REQUIRE_ALL_TESTS:-0}" = 1 ] && { echo "FAIL - html-validate missing"; failed=$((failed + 1)); }
fi

finish
