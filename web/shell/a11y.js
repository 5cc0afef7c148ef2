// a11y.js - the screen-reader mirror: the papers on screen and the open paper, as HTML in #a11y.
// The canvas is opaque to assistive technology, so the app sends (when they change, not every frame) the rows on
// screen and the open card; they become headings, lists, paragraphs and real links in #a11y, an off-screen live
// region (it becomes visible when a keyboard user tabs into it). Updates are batched for 150 ms so that
// scrolling does not flood the screen reader.
import { isSafeHttpUrl } from './bridge.js';

const BATCH_MS = 150;

let pending = null;
let timer = 0;
let rowsKey = '';
let cardKey = '';

function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
  return node;
}

function renderRows(view) {
  const key = JSON.stringify([view.count, view.first, view.rows]);
  if (key === rowsKey) return;
  rowsKey = key;
  const items = el('ul');
  for (const row of view.rows) {
    const li = el('li');
    const a = el('a', row.title, { href: row.href });
    if (row.selected) a.setAttribute('aria-current', 'true');
    li.append(a, ' — ' + row.meta);
    items.append(li);
  }
  const from = view.rows.length ? view.first + 1 : 0;
  document.getElementById('a11y-rows').replaceChildren(
    el('h2', `${view.label}: ${view.count}` + (view.rows.length ? ` (${from}–${from + view.rows.length - 1})` : '')),
    items);
}

function renderCard(card) {
  const key = JSON.stringify(card);
  if (key === cardKey) return;
  cardKey = key;
  const article = document.getElementById('a11y-card');
  if (!card) {
    article.replaceChildren();
    article.hidden = true;
    return;
  }
  const parts = [el('h2', card.title)];
  if (card.authors.length) parts.push(el('p', card.authors.join(', ')));
  if (card.topics.length) parts.push(el('p', card.topics.join(' · ')));
  if (card.links.length) {
    const links = el('ul');
    for (const link of card.links) {
      if (!isSafeHttpUrl(link.url)) continue;
      const li = el('li');
      li.append(el('a', link.name + ': ' + link.url, { href: link.url, rel: 'noopener noreferrer', target: '_blank' }));
      links.append(li);
    }
    parts.push(links);
  }
  for (const appearance of card.appearances) {
    parts.push(el('h3', appearance.digest));
    for (const block of appearance.texts) {
      if (block.label) parts.push(el('h4', block.label));
      parts.push(el('p', block.text));
    }
  }
  article.replaceChildren(...parts);
  article.hidden = false;
}

function render() {
  timer = 0;
  if (!pending || !document.getElementById('a11y')) return;
  renderRows(pending);
  renderCard(pending.card);
}

export const handlers = {
  accessibleView(json) {
    try { pending = JSON.parse(json); } catch (e) { return; }
    if (!timer) timer = setTimeout(render, BATCH_MS);
  },
};
