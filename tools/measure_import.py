#!/usr/bin/env python3
"""measure_import.py - `papertide import` on the seed articles, side by side with the curated digests.

usage: tools/measure_import.py PAPERTIDE_BINARY SEEDS_DIR [--data DATA_DIR] [--with-corpus]

Each seed article is imported as an article the corpus has never seen: with a data directory that holds
only topics.json (no digest to reuse ids or titles from), unless --with-corpus. The draft is compared with
the curated digest of data/digests that shares most paper titles with it:
  recall     curated papers the draft found (matched by arXiv id, title, Chinese title, or verbatim text)
  precision  drafted entries that are curated papers
  arXiv      curated arxiv: ids that the page gives (all of them with --with-corpus) and the draft has
  verbatim   curated summary/why/insight paragraphs found word for word in the matched entry, and
             drafted text paragraphs found word for word in the article (nothing rewritten)
  urls       drafted URLs that the article does not contain (derived arXiv abs/pdf URLs excepted)
Prints a Markdown table (docs/IMPORT.md keeps the latest one).
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


def slug(text):
    text = re.sub(r"['\u2019\u2018]", "", (text or "").lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def paragraphs(text):
    return [p.strip() for p in (text or "").split("\n") if len(p.strip()) >= 8]


def arxiv_of(entry):
    pid = entry.get("id", "")
    if pid.startswith("arxiv:"):
        return pid[6:]
    for url in entry.get("links", {}).values():
        m = re.search(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})", url)
        if m:
            return m.group(1)
    return ""


def texts(entry):
    return "\n".join(entry.get(k, "") for k in ("summary", "why", "insight"))


def same_paper(c, d):
    ca, da = arxiv_of(c), arxiv_of(d)
    if ca and da:
        return ca == da
    cs, ds = slug(c.get("title")), slug(d.get("title"))
    if cs and ds and (cs == ds or (len(ds) >= 12 and cs.startswith(ds)) or (len(cs) >= 12 and ds.startswith(cs))):
        return True
    if c.get("title_zh") and c.get("title_zh") in (d.get("title_zh"), d.get("title")):
        return True
    # Entries without a usable title: the digest's own words identify them.
    for p in paragraphs(texts(c))[:3]:
        if p[:40] in texts(d):
            return True
    return False


def match(curated, drafted):
    pairs, used = [], set()
    for c in curated:
        for j, d in enumerate(drafted):
            if j not in used and same_paper(c, d):
                pairs.append((c, d))
                used.add(j)
                break
    return pairs


def normalize_space(s):
    return re.sub(r"\s+", " ", s)


def measure(binary, seed, data_dir, with_corpus, curated_digests):
    work = tempfile.mkdtemp()
    try:
        if with_corpus:
            data = data_dir
        else:
            data = os.path.join(work, "data")
            os.makedirs(os.path.join(data, "digests"))
            shutil.copy(os.path.join(data_dir, "topics.json"), data)
        run = subprocess.run([binary, "import", seed, "--data", data], capture_output=True, text=True)
    finally:
        shutil.rmtree(work)
    if run.returncode != 0:
        return {"seed": os.path.basename(seed), "error": run.stderr.strip().splitlines()[-1:]}
    draft = json.loads(run.stdout)
    warnings = sum(1 for line in run.stderr.splitlines() if ": warning: " in line)
    best = max(curated_digests, key=lambda d: len(match(d["papers"], draft["papers"])))
    curated, drafted = best["papers"], draft["papers"]
    pairs = match(curated, drafted)
    article = open(seed, encoding="utf-8", errors="replace").read()
    article = re.sub(r"\[外链图片转存[^\]]*\]", " ", article)  # placeholders the import removes
    # Only ids the page itself gives can be found without the corpus.
    on_page = [(c, d) for c, d in pairs if c["id"].startswith("arxiv:") and (with_corpus or c["id"][6:] in article)]
    arxiv_right = sum(1 for c, d in on_page if d["id"] == c["id"])
    arxiv_curated = len(on_page)
    arxiv_wrong = sum(1 for c, d in pairs if d["id"].startswith("arxiv:") and arxiv_of(c) and d["id"] != "arxiv:" + arxiv_of(c))
    cur_paras = found = 0
    for c, d in pairs:
        for p in paragraphs(texts(c)):
            cur_paras += 1
            found += p in texts(d)
    drafted_paras = verbatim = 0
    for d in drafted:
        for p in paragraphs(texts(d)) + ([d["title"]] if d.get("title") else []):
            drafted_paras += 1
            verbatim += normalize_space(p) in normalize_space(article) or p.startswith("arXiv:") or p.startswith("Untitled entry")
    invented = 0
    for d in drafted:
        for url in d.get("links", {}).values():
            derived = re.match(r"https://arxiv\.org/(abs/\d{4}\.\d{4,5}|pdf/\d{4}\.\d{4,5}\.pdf)$", url)
            if url not in article and not derived:
                invented += 1
    return {
        "seed": os.path.basename(seed), "digest": best["id"], "curated": len(curated), "drafted": len(drafted),
        "matched": len(pairs), "arxiv": f"{arxiv_right}/{arxiv_curated}", "arxiv_wrong": arxiv_wrong,
        "curated_text": f"{found}/{cur_paras}", "verbatim": f"{verbatim}/{drafted_paras}", "invented_urls": invented,
        "month": "yes" if draft["month"] == best["month"] else f"no ({draft['month']})", "warnings": warnings,
    }


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, seeds = args[0], args[1]
    data_dir = args[args.index("--data") + 1] if "--data" in args else os.path.join(os.path.dirname(__file__), "..", "data")
    with_corpus = "--with-corpus" in args
    curated_digests = [json.load(open(f, encoding="utf-8")) for f in sorted(glob.glob(os.path.join(data_dir, "digests", "*.json")))]
    rows = [measure(binary, s, data_dir, with_corpus, curated_digests) for s in sorted(glob.glob(os.path.join(seeds, "*.txt")))]
    print("| seed | curated digest | curated | drafted | found | recall | precision | arXiv ids right | wrong arXiv | "
          "curated text found | drafted text verbatim | invented URLs | month | warnings |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    total_c = total_d = total_m = 0
    for r in rows:
        if "error" in r:
            print(f"| {r['seed']} | import failed: {r['error']} |" + " |" * 12)
            continue
        total_c, total_d, total_m = total_c + r["curated"], total_d + r["drafted"], total_m + r["matched"]
        print(f"| {r['seed']} | {r['digest']} | {r['curated']} | {r['drafted']} | {r['matched']} | "
              f"{100 * r['matched'] / r['curated']:.0f} % | {100 * r['matched'] / max(r['drafted'], 1):.0f} % | {r['arxiv']} | "
              f"{r['arxiv_wrong']} | {r['curated_text']} | {r['verbatim']} | {r['invented_urls']} | {r['month']} | {r['warnings']} |")
    if total_c:
        print(f"| **all** | | {total_c} | {total_d} | {total_m} | **{100 * total_m / total_c:.0f} %** | "
              f"**{100 * total_m / max(total_d, 1):.0f} %** | | | | | | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
