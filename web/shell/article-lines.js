// article-lines.js - an HTML article turned into lines by the browser's own parser (DOMParser), for "New digest
// from article…". The web build has no HTML parser of its own (gumbo-parser is native only), so the page does
// this step and hands the lines to the app as JSON, which drafts them with the same extractor as everything else
// (import::linesFromJson → draftDigestFromLines). The walk mirrors src/import/html/html_lines_gumbo.cpp: one
// line per block element, <h1>-<h6> (and <title>) headings, <ol> item numbers, <a href> links with their label;
// scripts, styles, navigation, footers, asides, forms and images are skipped. Never tag stripping by pattern.

// Articles larger than this are not parsed here: the app refuses them by size with its own message.
const MAX_ARTICLE_CHARS = 4 * 1024 * 1024;

const SKIPPED = new Set(['script', 'style', 'noscript', 'nav', 'footer', 'aside', 'form', 'button', 'svg', 'iframe',
  'template', 'select', 'meta', 'link', 'img']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr',
  'table', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'figcaption', 'figure', 'main', 'hr', 'header', 'title', 'body',
  'td', 'th']);
const SPACES = new Set([' ', '\n', '\t', '\r', '\f']);

function extension(name) {
  const base = String(name || '').split(/[\\/]/).pop();
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

// Whether the app should get this article as DOM lines: .html/.htm/.xhtml by name, or text that starts like an
// HTML document (the same sniffing as import::draftDigest's, so both builds read the same files as HTML).
export function looksLikeHtml(name, text) {
  const ext = extension(name);
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return true;
  if (ext === 'md' || ext === 'markdown' || ext === 'json') return false;
  const head = String(text).slice(0, 2048).trim().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml') ||
    (head.startsWith('<') && (head.includes('<body') || head.includes('<p>') || head.includes('<div')));
}

class LineBuilder {
  constructor() {
    this.lines = [];
    this.current = '';
    this.links = [];
    this.heading = 0;
    this.pre = 0;
    this.olCounter = 0;
    this.inOl = false;
    this.listNumber = 0;
  }

  walk(node, depth) {
    if (depth > 400) return;  // as the native walk: a bound on nesting keeps the recursion small
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
      this.appendText(node.data);
      return;
    }
    if (node.nodeType === Node.DOCUMENT_NODE) {
      for (const child of node.childNodes) this.walk(child, depth + 1);
      this.flush();
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const tag = node.localName;
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') { this.flush(); return; }
    const block = BLOCKS.has(tag);
    if (block) this.flush();
    const savedHeading = this.heading;
    if (/^h[1-6]$/.test(tag)) this.heading = Number(tag[1]);
    if (tag === 'title') this.heading = 1;
    if (tag === 'pre') this.pre++;
    const savedOl = this.olCounter;
    const savedInOl = this.inOl;
    if (tag === 'ol') {
      const start = parseInt(node.getAttribute('start') || '', 10);
      this.olCounter = Number.isFinite(start) ? Math.max(0, start - 1) : 0;
      this.inOl = true;
    } else if (tag === 'ul') {
      this.inOl = false;
    }
    if (tag === 'li' && this.inOl) this.listNumber = ++this.olCounter;
    const linkStart = this.current.length;
    // <template> is skipped above; its content would not be in childNodes anyway.
    for (const child of node.childNodes) this.walk(child, depth + 1);
    if (tag === 'a' && node.hasAttribute('href')) {
      // The raw attribute (not the resolved .href): the app keeps only absolute http(s) URLs, as natively.
      const label = this.current.slice(Math.min(linkStart, this.current.length)).trim();
      this.links.push({ label, url: node.getAttribute('href').trim() });
    }
    if (tag === 'pre') this.pre--;
    if (block) this.flush();
    this.heading = savedHeading;
    if (tag === 'ol' || tag === 'ul') { this.olCounter = savedOl; this.inOl = savedInOl; }
  }

  appendText(text) {
    if (this.pre > 0) {  // preformatted: keep its line breaks
      for (const c of text) {
        if (c === '\n') this.flush(); else this.current += c;
      }
      return;
    }
    for (const c of text) {
      if (SPACES.has(c)) {
        if (this.current && !this.current.endsWith(' ')) this.current += ' ';
      } else {
        this.current += c;
      }
    }
  }

  flush() {
    // Trimming and placeholder removal are the app's (import::linesFromJson), as for its own lines.
    if (this.current.trim()) {
      const line = { text: this.current };
      if (this.heading) line.heading = this.heading;
      if (this.listNumber) line.list = this.listNumber;
      if (this.links.length) line.links = this.links;
      this.lines.push(line);
    }
    this.current = '';
    this.links = [];
    this.listNumber = 0;
  }
}

// The lines of an HTML article as the JSON the app reads, or null when it is too large to parse here.
export function htmlToLinesJson(html) {
  if (html.length > MAX_ARTICLE_CHARS) return null;
  const doc = new DOMParser().parseFromString(html, 'text/html');  // inert: no scripts run, nothing loads
  const builder = new LineBuilder();
  builder.walk(doc, 0);
  return JSON.stringify(builder.lines);
}
