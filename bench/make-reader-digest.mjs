// make-reader-digest.mjs - a reader's own digest for bench/merge-on-top.mjs, made from a corpus's digests: NEW papers
// the corpus does not have (entries of its first digest under new ids and titles, without links) and AGAIN papers it
// already has (entries of its last digest, as they are: "touched" papers whose text grows), dated the last month.
//   node bench/make-reader-digest.mjs DATA_DIR OUT_FILE [--new 20] [--again 10]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [dataDir, out, ...rest] = process.argv.slice(2);
if (!dataDir || !out) throw new Error('usage: make-reader-digest.mjs DATA_DIR OUT_FILE [--new 20] [--again 10]');
const opts = { new: 20, again: 10 };
for (let i = 0; i < rest.length; i += 2) opts[rest[i].replace(/^--/, '')] = +rest[i + 1];

const dir = path.join(dataDir, 'digests');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const read = (f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
const first = read(files[0]), last = read(files[files.length - 1]);
const fresh = first.papers.slice(0, opts.new).map((p, i) => {
  const { links, ...entry } = p;  // a new paper's links would name another paper's arXiv id
  const slug = p.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return { ...entry, id: `reader-pick-${i}-${slug}`, title: `Reader's pick ${i}: ${p.title}` };
});
const again = last.papers.slice(0, opts.again);
const digest = {
  ...first, id: 'reader-own-digest', month: last.month, published: `${last.month}-28`, title: '读者自己的月报 A reader\'s own digest',
  papers: [...fresh, ...again],
};
delete digest.references;  // they point at the first digest's entries
writeFileSync(out, JSON.stringify(digest, null, 1));
console.log(`${out}: ${fresh.length} new papers, ${again.length} picked again (${digest.month})`);
