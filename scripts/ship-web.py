#!/usr/bin/env python3
"""ship-web.py - the last step of the web build (cmake/PapertideShip.cmake), on the assembled site DIR:

  ship-web.py sw DIR --sw-template web/sw.js    DIR/sw.js: the service worker with its precache list
  ship-web.py single DIR                         DIR/papertide.html: the single-file build
  ship-web.py all DIR --sw-template web/sw.js    both
  ship-web.py shell DIR --entry web/shell/main.js
                                                 DIR/papertide-shell.js: the page's ES modules as one script
  ship-web.py data DIR --data data/               DIR/data/: the corpus's JSON files (topics.json, glossary.json,
                                                 digests/*.json) and files.json, the list the page fetches them by

data/: the source of truth beside data/corpus.snapshot (written by `papertide pack`, cmake/PackSnapshot.cmake):
the page reads the snapshot and fetches the JSON files only without a usable snapshot or to merge a reader's
digests with them (web/shell/corpus.js). Files no longer in the source are removed from DIR/data/.

papertide-shell.js: the entry module and every module it imports (relative './name.js' only, no cycles),
each in its own function scope, in dependency order, inside one strict-mode function: a classic script, so
that it runs before papertide.js in the single file and needs no module loading. The modules keep to what
this supports: `import { a, b as c } from './x.js';` or `import * as x from './x.js';` at the top, and
`export function|async function|const|class NAME` (no `export let`: a copied binding would not be live).
Whole-line // comments are left out (so no line of a multi-line string may start with //).

sw.js: every file of DIR (recursively; not sw.js, not papertide.html, no dot files) with its SHA-256, and a
version: the first 16 hex digits of a SHA-256 over the template and every (name, SHA-256) pair. Any change
to any file gives a new version, hence a new sw.js, which browsers pick up on their next visit.

papertide.html: DIR/index.html with the stylesheets and scripts inlined, papertide.js inline right after
papertide-shell.js, papertide.wasm and papertide.data as base64 in two <script type="application/
octet-stream"> blocks (the shell hands them to Emscripten as Module.wasmBinary and
Module.getPreloadedPackage), the corpus snapshot as base64 (#papertide-corpus) and the JSON files as one
{name: text} object (#papertide-files) for web/shell/corpus.js, the icon as a data: URL, the font licence in a <template>, and
`<!-- site-only -->...<!-- /site-only -->` parts (manifest, links to papers.html) left out. Its
Content-Security-Policy allows exactly its inline scripts and style by SHA-256 hash.
Standard library only (emcc itself runs on Python 3, so this is always available where the web builds).
"""
import argparse
import base64
import hashlib
import html
import json
import os
import re
import sys

SKIP = {"sw.js", "papertide.html"}
MARKER = "// @PAPERTIDE_PRECACHE@"


def fail(message):
    print(f"ship-web: {message}", file=sys.stderr)
    sys.exit(1)


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write_if_changed(path, data):
    if os.path.exists(path) and read_bytes(path) == data:
        return False
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return True


def site_assets(site):
    assets = []
    for root, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(root, name), site).replace(os.sep, "/")
            if name.startswith(".") or name.endswith(".tmp") or rel in SKIP:
                continue
            assets.append(rel)
    return sorted(assets)


def write_service_worker(site, template_path):
    template = read_bytes(template_path).decode("utf-8")
    if template.count(MARKER) != 1:
        fail(f"{template_path} must contain the line marker {MARKER} exactly once")
    version = hashlib.sha256(template.encode("utf-8"))
    entries = []
    for rel in site_assets(site):
        data = read_bytes(os.path.join(site, rel))
        digest = hashlib.sha256(data).hexdigest()
        version.update(f"{rel}\0{digest}\n".encode("utf-8"))
        entries.append({"url": rel, "sha256": digest, "size": len(data)})
    if "index.html" not in [e["url"] for e in entries]:
        fail(f"{site}/index.html missing: assemble the site first")
    precache = {"version": version.hexdigest()[:16], "assets": entries}
    text = json.dumps(precache, ensure_ascii=False, indent=1)
    lines = template.split("\n")
    for i, line in enumerate(lines):
        if MARKER in line:
            lines[i] = f"const PRECACHE = {text}; // written by scripts/ship-web.py"
    out = os.path.join(site, "sw.js")
    changed = write_if_changed(out, "\n".join(lines).encode("utf-8"))
    total = sum(e["size"] for e in entries)
    print(f"ship-web: sw.js version {precache['version']}: {len(entries)} files, {total / 1024:.1f} KB"
          + ("" if changed else " (unchanged)"))
    return precache


def csp_hash(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def checked_inline(text, what, kind):
    """Text that can go between <script> (or <style>) tags unchanged."""
    text = text.replace("\r\n", "\n")  # the HTML parser normalises newlines, and the CSP hash is of that text
    lowered = text.lower()
    for bad in (f"</{kind}", "<!--"):
        if bad in lowered:
            fail(f"{what} contains {bad!r}: it cannot be inlined as is")
    return text


def write_single_file(site):
    page = read_bytes(os.path.join(site, "index.html")).decode("utf-8").replace("\r\n", "\n")
    read_text = lambda name: read_bytes(os.path.join(site, name)).decode("utf-8")

    # Parts that only make sense next to the other files of the site.
    page, n = re.subn(r"[ \t]*<!-- site-only\b.*?-->.*?<!-- /site-only -->[ \t]*\n?", "", page, flags=re.S)
    page = re.sub(r"[ \t]*<!--(?!\s*/?site-only).*?-->[ \t]*\n?", "", page, flags=re.S)  # comments

    styles, scripts = [], []

    def inline_style(match):
        css = checked_inline(read_text(match.group(1)), match.group(1), "style")
        styles.append(css)
        return f"<style>{css}</style>"

    page, n = re.subn(r'<link rel="stylesheet" href="([^"]+)">', inline_style, page)

    def inline_icon(match):
        data = base64.b64encode(read_bytes(os.path.join(site, match.group(2)))).decode("ascii")
        return f'<link rel="icon" href="data:{match.group(3)};base64,{data}" type="{match.group(3)}">'

    page = re.sub(r'<link rel="icon" href="(([^"]+))" type="([^"]+)">', inline_icon, page)

    licence_name = "FONT-LICENSE.txt"
    licence = ""
    if f'href="{licence_name}"' in page:
        page = page.replace(f'href="{licence_name}"', 'href="#font-license"')
        licence = ('<template id="font-license"><pre>'
                   + html.escape(read_text(licence_name), quote=False) + "</pre></template>\n")

    def inline_script(match):
        name = match.group(2)
        js = checked_inline(read_text(name), name, "script")
        scripts.append(js)
        block = f"{match.group(1)}<script>{js}</script>"
        if name == "papertide-shell.js":
            indent = match.group(1)
            wasm = base64.b64encode(read_bytes(os.path.join(site, "papertide.wasm"))).decode("ascii")
            data = base64.b64encode(read_bytes(os.path.join(site, "papertide.data"))).decode("ascii")
            app = checked_inline(read_text("papertide.js"), "papertide.js", "script")
            scripts.append(app)
            block = (f'{indent}<script type="application/octet-stream" id="papertide-wasm">{wasm}</script>\n'
                     f'{indent}<script type="application/octet-stream" id="papertide-data">{data}</script>\n'
                     + corpus_blocks(site, indent)
                     + f"{block}\n{indent}<script>{app}</script>")
        return block

    page, n = re.subn(r'([ \t]*)<script src="([^"]+)"></script>', inline_script, page)
    if 'id="papertide-wasm"' not in page:
        fail("index.html does not load papertide-shell.js: nothing to inline")
    if "<script src=" in page or '<link rel="stylesheet"' in page:
        fail("index.html refers to a file in a form this script does not inline")

    policy = ("default-src 'none'; script-src " + " ".join(csp_hash(s) for s in scripts)
              + " 'wasm-unsafe-eval'; style-src " + " ".join(csp_hash(s) for s in styles)
              + "; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'")
    page, n = re.subn(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                      f'<meta http-equiv="Content-Security-Policy" content="{policy}">', page)
    if n != 1:
        fail("index.html needs exactly one Content-Security-Policy <meta>")
    page = page.replace("</body>", licence + "</body>", 1)
    out = os.path.join(site, "papertide.html")
    write_if_changed(out, page.encode("utf-8"))
    print(f"ship-web: papertide.html ({len(page.encode('utf-8')) / 1024:.1f} KB, single file)")


IMPORT_RE = re.compile(r"^import\s+(?:\{([^}]*)\}|\*\s+as\s+(\w+))\s+from\s+'(\./[\w.-]+\.js)';[ \t]*\n", re.M)
EXPORT_RE = re.compile(r"^export\s+((?:async\s+)?function\*?\s+|const\s+|class\s+)(\w+)", re.M)


def module_var(path):
    return "__" + re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])


def parse_module(path):
    """(imports, body, exported names) of one module; imports are (bindings or None, alias or None, path)."""
    text = read_bytes(path).decode("utf-8").replace("\r\n", "\n")
    imports = []

    def take_import(match):
        names, alias, rel = match.groups()
        target = os.path.normpath(os.path.join(os.path.dirname(path), rel))
        bindings = None
        if names is not None:
            bindings = []
            for part in names.split(","):
                words = part.split()
                if not words:
                    continue
                if len(words) == 1:
                    bindings.append(words[0])
                elif len(words) == 3 and words[1] == "as":
                    bindings.append(f"{words[0]}: {words[2]}")
                else:
                    fail(f"{path}: cannot bundle the import {{{names.strip()}}}")
        imports.append((bindings, alias, target))
        return ""

    body = IMPORT_RE.sub(take_import, text)
    exported = [m.group(2) for m in EXPORT_RE.finditer(body)]
    body = EXPORT_RE.sub(lambda m: m.group(1) + m.group(2), body)
    kept = []
    for line_no, line in enumerate(body.split("\n"), 1):
        if re.match(r"\s*(import|export)\b", line) or "import(" in line or "import.meta" in line:
            fail(f"{path}:{line_no}: a form of import/export this bundler does not support: {line.strip()}")
        if line.strip() and not line.lstrip().startswith("//"):  # whole-line comments stay in the sources
            kept.append(line)
    return imports, "\n".join(kept), exported


def bundle_shell(entry):
    """The modules reachable from `entry` as one classic script (see the module docstring)."""
    order, parsed, visiting = [], {}, []

    def visit(path):
        if path in parsed:
            return
        if path in visiting:
            fail("import cycle: " + " -> ".join(visiting[visiting.index(path):] + [path]))
        if not os.path.isfile(path):
            fail(f"{path}: no such module (imported by {visiting[-1] if visiting else 'the command line'})")
        visiting.append(path)
        module = parse_module(path)
        for _, _, target in module[0]:
            visit(target)
        visiting.pop()
        parsed[path] = module
        order.append(path)

    visit(os.path.normpath(entry))
    names = {}
    for path in order:
        var = module_var(path)
        if names.setdefault(var, path) != path:
            fail(f"{path} and {names[var]} have the same name")
    parts = [f"// papertide-shell.js - written by scripts/ship-web.py from {', '.join(os.path.basename(p) for p in order)}"
             f" ({os.path.dirname(order[-1])}): edit those.\n(function () {{\n'use strict';\n"]
    for path in order:
        imports, body, exported = parsed[path]
        lines = [f"const {module_var(path)} = (function () {{  // {os.path.basename(path)}"]
        for bindings, alias, target in imports:
            if alias:
                lines.append(f"const {alias} = {module_var(target)};")
            else:
                missing = [b.split(":")[0] for b in bindings if b.split(":")[0] not in parsed[target][2]]
                if missing:
                    fail(f"{path}: {os.path.basename(target)} does not export {', '.join(missing)}")
                lines.append(f"const {{ {', '.join(bindings)} }} = {module_var(target)};")
        lines.append(body.rstrip("\n"))
        lines.append(f"return Object.freeze({{ {', '.join(exported)} }});")
        lines.append("})();\n")
        parts.append("\n".join(lines))
    parts.append("})();\n")
    return "".join(parts)


def corpus_data_files(data_dir):
    """The corpus's JSON files, relative to data_dir, in the order files.json lists them."""
    names = [n for n in ("topics.json", "glossary.json") if os.path.isfile(os.path.join(data_dir, n))]
    digests = os.path.join(data_dir, "digests")
    if os.path.isdir(digests):
        names += sorted("digests/" + n for n in os.listdir(digests) if n.endswith(".json") and not n.startswith("."))
    return names


def write_data(site, data_dir):
    names = corpus_data_files(data_dir)
    out_dir = os.path.join(site, "data")
    for name in names:
        os.makedirs(os.path.dirname(os.path.join(out_dir, name)), exist_ok=True)
        write_if_changed(os.path.join(out_dir, name), read_bytes(os.path.join(data_dir, name)))
    for stale in corpus_data_files(out_dir):
        if stale not in names:
            os.remove(os.path.join(out_dir, stale))
    listing = json.dumps({"files": names}, ensure_ascii=False, indent=1) + "\n"
    write_if_changed(os.path.join(out_dir, "files.json"), listing.encode("utf-8"))
    total = sum(os.path.getsize(os.path.join(out_dir, n)) for n in names)
    print(f"ship-web: data/: {len(names)} JSON files, {total / 1024:.1f} KB, and files.json")


def corpus_blocks(site, indent):
    """The single file's copies of data/corpus.snapshot and the JSON files (web/shell/corpus.js reads them)."""
    blocks = ""
    snapshot = os.path.join(site, "data", "corpus.snapshot")
    if os.path.isfile(snapshot):
        encoded = base64.b64encode(read_bytes(snapshot)).decode("ascii")
        blocks += f'{indent}<script type="application/octet-stream" id="papertide-corpus">{encoded}</script>\n'
    listing = os.path.join(site, "data", "files.json")
    if os.path.isfile(listing):
        names = json.loads(read_bytes(listing).decode("utf-8"))["files"]
        files = {n: read_bytes(os.path.join(site, "data", n)).decode("utf-8") for n in names}
        # "<" escaped, so no text in it can end the element (</script>) or open a comment.
        text = json.dumps(files, ensure_ascii=False).replace("<", "\\u003c")
        blocks += f'{indent}<script type="application/json" id="papertide-files">{text}</script>\n'
    return blocks


def write_shell(site, entry):
    text = checked_inline(bundle_shell(entry), "the shell bundle", "script")
    out = os.path.join(site, "papertide-shell.js")
    changed = write_if_changed(out, text.encode("utf-8"))
    print(f"ship-web: papertide-shell.js ({len(text.encode('utf-8')) / 1024:.1f} KB)" + ("" if changed else " (unchanged)"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["sw", "single", "all", "shell", "data"])
    parser.add_argument("site", help="the assembled site (build/web)")
    parser.add_argument("--sw-template", help="web/sw.js")
    parser.add_argument("--entry", help="web/shell/main.js (for shell)")
    parser.add_argument("--data", help="the corpus directory (for data)")
    args = parser.parse_args()
    if args.what == "data":
        if not args.data:
            fail("--data DIR is required")
        write_data(args.site, args.data)
        return
    if args.what == "shell":
        if not args.entry:
            fail("--entry web/shell/main.js is required")
        os.makedirs(args.site, exist_ok=True)
        write_shell(args.site, args.entry)
        return
    if not os.path.isfile(os.path.join(args.site, "index.html")):
        fail(f"{args.site}/index.html missing")
    if args.what in ("single", "all"):
        write_single_file(args.site)
    if args.what in ("sw", "all"):
        if not args.sw_template:
            fail("--sw-template web/sw.js is required")
        write_service_worker(args.site, args.sw_template)


if __name__ == "__main__":
    main()
