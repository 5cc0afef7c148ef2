#!/usr/bin/env python3
"""Regenerates the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the real data.

usage: python3 tests/fuzz/make-seed-corpus.py   (from the repository root)

Seeds are small (a few KB) so that libFuzzer mutates quickly: each real digest is cut down to its first
papers with shortened texts, topics.json to a few topics. Hand-written seeds (hashes, queries, stored
values) sit beside them. Files are named after their content's origin; re-running is idempotent.
"""
import json
import os
import glob

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")


def short(value, n=60):
    if isinstance(value, str):
        return value[:n]
    if isinstance(value, list):
        return [short(v, n) for v in value[:3]]
    if isinstance(value, dict):
        return {k: short(v, n) for k, v in value.items()}
    return value


def write(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def digest_seeds():
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "digests", "*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        base = os.path.basename(path)[:-5]
        small = {k: v for k, v in d.items() if k not in ("papers", "news", "references", "intro")}
        small["intro"] = short(d.get("intro", ""), 40)
        if d.get("news"):
            small["news"] = short(d["news"][:2])
        papers = d["papers"][:2]
        used = {p["section"] for p in papers}
        small["sections"] = [s for s in d["sections"] if s["id"] in used]
        small["papers"] = [short(p) for p in papers]
        if d.get("references"):
            small["references"] = short(d["references"][:2])
        write("digest", base + ".json", json.dumps(small, ensure_ascii=False, indent=2) + "\n")
        # The same in compact form: other whitespace, other offsets.
        write("digest", base + ".min.json", json.dumps(small, ensure_ascii=False, separators=(",", ":")))
    t = json.load(open(os.path.join(ROOT, "data", "topics.json"), encoding="utf-8"))
    small = {"format": t["format"], "topics": [short(x, 40) for x in t["topics"][:4]]}
    write("digest", "topics.json", json.dumps(small, ensure_ascii=False, indent=2) + "\n")
    write("digest", "bom.json", "\ufeff" + json.dumps({"format": 1, "id": "2024-01-bom", "month": "2024-01",
          "title": "BOM", "source": "s", "language": "zh-Hans", "sections": [{"id": "main", "title": "t"}],
          "papers": [{"id": "arxiv:2401.00001", "section": "main", "title": "T", "authors": [],
                      "links": {"arxiv": "https://arxiv.org/abs/2401.00001", "code": "http://example.com:8080/x?y#z"},
                      "topics": ["general"], "why": "为什么", "insight": "见解"}]}, ensure_ascii=False))
    write("digest", "escapes.json", '{"format":1,"id":"a","month":"2022-02","title":"\\u6d4b\\ud83d\\ude00\\n\\t",'
          '"source":"\\"q\\"","language":"en","published":"2022-02-28","sections":[{"id":"m","title":"x"}],'
          '"papers":[{"id":"p-1","section":"m","title":"t","authors":["A"],"authors_truncated":false,"summery":1}]}')
    write("digest", "scalars.json", '[null,true,false,0,-1,1.5e300,18446744073709551615,-9223372036854775809,"",{},[]]')


def view_state_seeds():
    hashes = [
        "#v=papers&q=%E6%89%A9%E6%95%A3&t=vision,diffusion-generation&from=2022-01&to=2022-06&p=arxiv:2205.06175",
        "#v=papers&q=language&t=language-models&from=2021-11&to=2022-06",
        "#p=arxiv:2205.06175",
        "#q=%E6%89%A9%E6%95%A3",
        "#v=digests&page=2023-03-ten-papers&d=2022-06-zeta-alpha-trends&sort=recurrence&order=first&collapse=1",
        "#a=Jos%C3%A9+%C3%81ngel&bm=1&unread=true&sort=title&order=label",
        "#v=timeline&t=,,rl,&from=2022-13&to=1899-12&x=1&&=&q",
        "#q=%ZZ%4%&q=%00%7F%E6%89&v=PAPERS",
        "papertide-smoke",
    ]
    for i, h in enumerate(hashes):
        write("view_state", "hash-%02d" % i, h)
    states = [
        {"query": "扩散 模型", "topics": ["vision", "rl"], "from": "2022-01", "to": None, "view": "papers",
         "sort": "newest", "topicOrder": "label", "bookmarkedOnly": True, "collapseEmptyMonths": False},
        {"selectedPaperId": "arxiv:2205.06175", "digestPage": "", "author": "Żołna", "unreadOnly": True},
        {"topics": "vision"},
        {"from": "2022-6"},
    ]
    for i, s in enumerate(states):
        write("view_state", "json-%02d" % i, json.dumps(s, ensure_ascii=False))


def search_seeds():
    queries = ["扩散", "扩散 模型", "language models", "\"language models\" -diffusion", "-gpt", "Żołna",
               "ＧＰＴ-3", "rl", "arxiv:2205.06175", "\"one model\"", "图像 image", "C++/CUDA", "100%",
               "Русский ΒΑΣΗ", "- -- \"", "加托（Gato）", "world model"]
    for i, q in enumerate(queries):
        write("search", "query-%02d" % i, q)


def reader_data_seeds():
    values = [
        '{"papers":["arxiv:2205.06175","denoising-diffusion-probabilistic-models"],"version":1}',
        '{"papers":[],"version":1}',
        '{"version":1,"papers":["a",1,null,{"id":"b"},["c"],true,"\\u00e9t\\u00e9"]}',
        '{"version":2,"papers":["a"]}',
        '{"language":"zh","theme":"dark","version":1}',
        '{"version":1,"theme":"light"}',
        '{"version":1,"papers":"a"}',
        '["a","b"]',
    ]
    for i, v in enumerate(values):
        write("reader_data", "stored-%02d" % i, v)


if __name__ == "__main__":
    digest_seeds()
    view_state_seeds()
    search_seeds()
    reader_data_seeds()
