// engines.mjs - how FlexSearch and MiniSearch are set up for a Chinese + English corpus, and the plain
// (exact) definition of a match used to check every engine's result counts. Shared by the browser
// benchmark (bench.mjs) and usable from node for quick checks.

// CJK ranges as Papertide's isCjk (kana, CJK ideographs and extensions, compatibility ideographs, Hangul).
const CJK = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af';
const RUNS = new RegExp(`([${CJK}]+)|((?:(?![${CJK}])[\\p{L}\\p{N}])+)`, 'gu');
const EXTRA = { 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ß': 's', 'æ': 'a', 'þ': 't', 'ð': 'd', 'œ': 'o', 'ı': 'i' };

// Approximates Papertide's foldForSearch: compatibility forms (full-width) to ASCII, accents dropped,
// lower case, whitespace runs to one space.
export function fold(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[łøđßæþðœı]/g, (c) => EXTRA[c]).replace(/\s+/g, ' ').trim();
}

// Latin words and CJK runs of a folded text: [[isCjk, text], ...].
export function runs(folded) {
  const out = [];
  for (const m of folded.matchAll(RUNS)) out.push(m[1] ? [true, m[1]] : [false, m[2]]);
  return out;
}

// FlexSearch: its documented CJK approach (every ideograph a term) plus whole Latin words, with the
// "forward" tokenizer for word prefixes; letter deduplication off (it would merge "ll" and "l").
export function flexEncode(text) {
  const terms = [];
  for (const [cjk, run] of runs(fold(text))) {
    if (cjk) for (const ch of run) terms.push(ch);
    else terms.push(run);
  }
  return terms;
}

// MiniSearch: CJK bigrams (and unigrams, so single characters can be searched) plus Latin words.
export function miniTokenizeDocument(text) {
  const terms = [];
  for (const [cjk, run] of runs(fold(text))) {
    if (!cjk) { terms.push(run); continue; }
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      terms.push(chars[i]);
      if (i > 0) terms.push(chars[i - 1] + chars[i]);
    }
  }
  return terms;
}

// Queries: one character alone, otherwise its bigrams; Latin words are searched as prefixes.
export function miniTokenizeQuery(text) {
  const terms = [];
  for (const [cjk, run] of runs(fold(text))) {
    if (!cjk) { terms.push(run); continue; }
    const chars = [...run];
    if (chars.length === 1) terms.push(chars[0]);
    for (let i = 1; i < chars.length; i++) terms.push(chars[i - 1] + chars[i]);
  }
  return terms;
}

export function createFlex(FlexSearch) {
  return new FlexSearch.Index({ tokenize: 'forward', encoder: new FlexSearch.Encoder({ dedupe: false }), encode: flexEncode, cache: false });
}

export function createMini(MiniSearch) {
  return new MiniSearch({
    fields: ['text'],
    idField: 'id',
    tokenize: miniTokenizeDocument,
    processTerm: (term) => term,
    searchOptions: {
      tokenize: miniTokenizeQuery,
      processTerm: (term) => term,
      combineWith: 'AND',
      prefix: (term) => !/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/.test(term),
    },
  });
}

// Papertide's query syntax, simplified: terms separated by spaces, "quoted phrases"; '-term' excludes.
export function parseQuery(text) {
  const include = [], exclude = [];
  const folded = fold(text);
  const re = /(-?)(?:"([^"]*)"?|(\S+))/g;
  for (const m of folded.matchAll(re)) {
    const term = (m[2] ?? m[3] ?? '').trim();
    if (!term) continue;
    (m[1] === '-' ? exclude : include).push(term);
  }
  return { include, exclude };
}

function isWordChar(ch) {
  if (!ch) return false;
  const cp = ch.codePointAt(0);
  if (cp < 0x80) return /[0-9a-z]/i.test(ch);
  return cp >= 0xc0 && cp < 0x2000 && cp !== 0xd7 && cp !== 0xf7;
}

// A term that starts with a letter or digit must start a word; anything else is a plain substring.
export function findTerm(text, term, from = 0) {
  let pos = text.indexOf(term, from);
  const wordStart = isWordChar(term[0]);
  while (wordStart && pos > 0 && isWordChar(text[pos - 1])) pos = text.indexOf(term, pos + 1);
  return pos;
}

export function exactMatch(text, query) {
  return query.include.every((t) => findTerm(text, t) >= 0) && !query.exclude.some((t) => findTerm(text, t) >= 0);
}

// One document per paper, as Papertide indexes it: title (+ Chinese titles), authors and id, every summary.
export function collectDocuments(parsedDigests) {
  const byId = new Map();
  const docs = [];
  parsedDigests.sort((a, b) => (a.month + a.id < b.month + b.id ? -1 : 1));
  for (const d of parsedDigests) {
    for (const p of d.papers) {
      let doc = byId.get(p.id);
      if (!doc) {
        doc = { id: docs.length, key: p.id, title: p.title, titleZh: [], authors: p.authors.join('; '), body: [] };
        byId.set(p.id, doc);
        docs.push(doc);
      }
      if (p.title_zh) doc.titleZh.push(p.title_zh);
      for (const k of ['summary', 'why', 'insight']) if (p[k]) doc.body.push(p[k]);
    }
  }
  return docs.map((d) => ({ id: d.id, text: [d.title, ...d.titleZh, d.authors, d.key, ...d.body].join(' \u001f ') }));
}
