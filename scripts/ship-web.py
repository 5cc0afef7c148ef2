#!/usr/bin/env python3
"""ship-web.py - the last step of the web build (cmake/PapertideShip.cmake), on the assembled site DIR:

  ship-web.py sw DIR --sw-template web/sw.js    DIR/sw.js: the service worker with its precache list
  ship-web.py single DIR                         DIR/papertide.html: the single-file build
  ship-web.py all DIR --sw-template web/sw.js    both

sw.js: every file of DIR (recursively; not sw.js, not papertide.html, no dot files) with its SHA-256, and a
version: the first 16 hex digits of a SHA-256 over the template and every (name, SHA-256) pair. Any change
to any file gives a new version, hence a new sw.js, which browsers pick up on their next visit.

papertide.html: DIR/index.html with the stylesheets and scripts inlined, papertide.js inline right after
papertide-shell.js, papertide.wasm and papertide.data as base64 in two <script type="application/
octet-stream"> blocks (the shell hands them to Emscripten as Module.wasmBinary and
Module.getPreloadedPackage), the icon as a data: URL, the font licence in a <template>, and
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
                     f"{block}\n{indent}<script>{app}</script>")
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["sw", "single", "all"])
    parser.add_argument("site", help="the assembled site (build/web)")
    parser.add_argument("--sw-template", help="web/sw.js")
    args = parser.parse_args()
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
