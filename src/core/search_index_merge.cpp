// SearchIndex::afterMerge: the index of a corpus that mergeDigests grew, from the index it had before and an
// overlay index of the changed papers only (the new ones and the older ones a merged digest also picked).
//
// The merged index is laid out exactly as SearchIndexBuilder lays out a fresh one, so the two are equal byte for
// byte (tests/unit/test_index_merge.cpp checks it through the snapshot writer). Per key, in key order:
//   * a base list that holds no changed paper and gains none is copied as bytes (its deltas are relative to the
//     list, so they stay valid);
//   * otherwise its head, up to the first changed paper, is copied as bytes too, and the rest of its unchanged
//     papers and the overlay list's papers (renumbered to the corpus) are merged and encoded; new papers come
//     last, so a list that only gains new papers is a head plus a few postings. A key whose papers were all
//     changed and lost it disappears.
// A list keeps first positions while it is in at most 1/4 of the papers; papers added can move a key under that
// line, and then the positions the base never stored are found again in the papers' text (rare: a narrow band of
// list sizes). The stored prefix unions are merged the same way: unchanged papers from the base union, changed
// ones from the overlay's words with the prefix. The sort orders take the changed papers out and put them back
// where they now sort. (The class: search_index_merger.h; the prefix unions: search_index_merge_prefix.cpp.)
//
// The text, postings and positions are merged in place (core/byte_relayout.h): the merge first plans each array as
// pieces of the base's (a run of unchanged lists, a list's head, an unchanged posting whose predecessor is the
// same) and the few bytes encoded anew, then moves the base's bytes to their new places. The base's stored prefix
// unions, at the end of its postings, are set aside first and merged after the key lists are in place.
#include <algorithm>

#include "core/search_index_internal.h"
#include "core/search_index_merger.h"

namespace papertide::core {

using namespace search_detail;

void SearchIndexMerger::run() {
    localOf_.assign(n_, kNone);
    for (uint32_t i = 0; i < changed_.size(); ++i) localOf_[changed_[i]] = i;
    const size_t basePapers = base_.paperCount();
    for (auto& v : base_.ranks_) std::vector<uint32_t>().swap(v);
    markDirtyLists();  // reads the base's text, which writeText then overwrites
    writeText();
    const size_t lists = base_.listCount_.size() + ov_.listCount_.size() + 1;
    out_.listStart_.reserve(lists);
    out_.posStart_.reserve(lists);
    out_.listCount_.reserve(lists);
    out_.gramKeys_.reserve(base_.gramKeys_.size() + ov_.gramKeys_.size());
    out_.wordStart_.reserve(base_.wordStart_.size() + ov_.wordStart_.size());
    postings_ = ByteSink::planned(base_.postings_.data(), postingsLayout_);
    positions_ = ByteSink::planned(base_.positions_.data(), positionsLayout_);
    mergeGrams();
    mergeWords();
    flushRun();
    setPrefixListsAside();
    postingsLayout_.apply(base_.postings_);
    positionsLayout_.apply(base_.positions_);
    out_.postings_ = std::move(base_.postings_);
    out_.positions_ = std::move(base_.positions_);
    out_.listStart_.push_back(out_.postings_.size());  // the end of the last key list
    out_.posStart_.push_back(out_.positions_.size());
    // The prefix unions follow, appended to the arrays now in place, from the base's set aside.
    postings_ = ByteSink::appending(out_.postings_);
    positions_ = ByteSink::appending(out_.positions_);
    mergePrefixLists();
    mergeSortRanks(c_, changed_, basePapers, base_.orders_, out_.ranks_, out_.orders_);
}

void SearchIndexMerger::setPrefixListsAside() {
    if (firstPrefixList_ >= base_.listStart_.size()) return;  // an empty base
    const uint64_t postingsFrom = base_.listStart_[firstPrefixList_], positionsFrom = base_.posStart_[firstPrefixList_];
    asidePostings_.assign(base_.postings_.begin() + postingsFrom, base_.postings_.end());
    asidePositions_.assign(base_.positions_.begin() + positionsFrom, base_.positions_.end());
}

void SearchIndexMerger::writeText() {
    ByteRelayout text;
    out_.docStart_.resize(n_ + 1);
    out_.titleEnd_.resize(n_);
    out_.authorsEnd_.resize(n_);
    for (PaperIndex p = 0; p < n_; ++p) {
        const bool fromOverlay = changed(p);
        const SearchIndex& from = fromOverlay ? ov_ : base_;
        const PaperIndex q = fromOverlay ? localOf_[p] : p;
        out_.docStart_[p] = text.size();
        if (fromOverlay) text.put(ov_.docText(q));
        else text.copy(base_.docStart_[p], base_.docStart_[p + 1] - base_.docStart_[p]);
        out_.titleEnd_[p] = from.titleEnd_[q];
        out_.authorsEnd_[p] = from.authorsEnd_[q];
    }
    out_.docStart_[n_] = text.size();
    text.apply(base_.text_);
    out_.text_ = std::move(base_.text_);
    std::vector<uint64_t>().swap(base_.docStart_);
    std::vector<uint32_t>().swap(base_.titleEnd_);
    std::vector<uint32_t>().swap(base_.authorsEnd_);
}

void SearchIndexMerger::markDirtyLists() {
    const size_t grams = base_.gramKeys_.size();
    dirty_.assign(grams + base_.wordCount(), false);
    for (PaperIndex p : changed_) {
        if (p >= base_.paperCount()) break;
        tokenize(
            base_.docText(p),
            [&](std::string_view word, size_t) {
                if (const auto w = base_.findWord(word)) dirty_[grams + *w] = true;
            },
            [&](char32_t a, char32_t b, size_t, size_t) {
                if (const auto list = base_.findGram(gramKey(a, b))) dirty_[*list] = true;
            });
    }
}

void SearchIndexMerger::mergeGrams() {
    const auto &bk = base_.gramKeys_, &ok = ov_.gramKeys_;
    size_t i = 0, j = 0;
    while (i < bk.size() || j < ok.size()) {
        const bool fromBase = j == ok.size() || (i < bk.size() && bk[i] <= ok[j]);
        const bool fromOverlay = i == bk.size() || (j < ok.size() && ok[j] <= bk[i]);
        Key key;
        key.gram = fromBase ? bk[i] : ok[j];
        if (emit(fromBase ? uint32_t(i) : kNone, fromOverlay ? uint32_t(j) : kNone, key)) out_.gramKeys_.push_back(key.gram);
        i += fromBase;
        j += fromOverlay;
    }
}

void SearchIndexMerger::mergeWords() {
    const size_t bg = base_.gramKeys_.size(), og = ov_.gramKeys_.size();
    const size_t bw = base_.wordCount();
    const size_t ow = ov_.wordCount();
    out_.words_.reserve(base_.words_.size() + ov_.words_.size());
    out_.wordStart_.push_back(0);
    size_t i = 0, j = 0;
    while (i < bw || j < ow) {
        const bool fromBase = j == ow || (i < bw && base_.word(i) <= ov_.word(j));
        const bool fromOverlay = i == bw || (j < ow && ov_.word(j) <= base_.word(i));
        Key key;
        key.word = true;
        key.text = fromBase ? base_.word(i) : ov_.word(j);
        if (emit(fromBase ? uint32_t(bg + i) : kNone, fromOverlay ? uint32_t(og + j) : kNone, key)) {
            out_.words_.append(key.text);
            out_.wordStart_.push_back(static_cast<uint32_t>(out_.words_.size()));
        }
        i += fromBase;
        j += fromOverlay;
    }
}

bool SearchIndexMerger::emit(uint32_t b, uint32_t o, const Key& key) {
    if (o == kNone && !dirty_[b] && keepsPositions(base_.listCount_[b]) == storesPositions(base_, b)) {
        // As it was: joins the run of such lists, copied in one piece when the run ends (flushRun).
        if (runFirst_ == kNone || runEnd_ != b) {
            flushRun();
            runFirst_ = b;
        }
        runEnd_ = b + 1;
        out_.listStart_.push_back(postings_.size() + (base_.listStart_[b] - base_.listStart_[runFirst_]));
        out_.posStart_.push_back(positions_.size() + (base_.posStart_[b] - base_.posStart_[runFirst_]));
        out_.listCount_.push_back(base_.listCount_[b]);
        return true;
    }
    flushRun();
    const uint64_t postingAt = postings_.size(), positionAt = positions_.size();
    uint32_t count;
    if (o == kNone && !dirty_[b]) {  // only its positions change: the key moved under the 1/4 line
        count = base_.listCount_[b];
        postings_.copy(basePostings(b), basePostings(b) + listBytes(b));
        if (keepsPositions(count)) {
            if (storesPositions(base_, b)) {
                positions_.copy(basePositions(b), basePositions(b) + positionBytes(b));
            } else {
                Cursor c{basePostings(b), nullptr, count};
                while (c.next(false)) positions_.varint(firstPosition(c.doc, key));
            }
        }
    } else {
        overlay_.clear();
        if (o != kNone) {
            Cursor c{ov_.postings_.data() + ov_.listStart_[o], ov_.positions_.data() + ov_.posStart_[o], ov_.listCount_[o]};
            while (c.next(true)) overlay_.push_back({changed_[c.doc], c.meta, c.pos, true});
        }
        entries_.clear();
        Head head;
        if (b != kNone) head = splitBase(b, entries_);
        mergeOverlay();
        count = head.count + static_cast<uint32_t>(entries_.size());
        const bool positions = keepsPositions(count);
        if (b != kNone) writeHead(b, head, positions, &key);
        write(entries_, positions, &key, head.lastDoc);
    }
    if (count == 0) return false;
    out_.listStart_.push_back(postingAt);
    out_.posStart_.push_back(positionAt);
    out_.listCount_.push_back(count);
    return true;
}

SearchIndexMerger::Head SearchIndexMerger::splitBase(uint32_t b, std::vector<Entry>& rest) const {
    const bool pos = storesPositions(base_, b);
    const uint32_t limit = overlay_.empty() ? UINT32_MAX : overlay_.front().doc;
    Cursor c{basePostings(b), basePositions(b), base_.listCount_[b]};
    Head h{c.p, c.q, 0, UINT32_MAX};
    bool inHead = true;
    while (true) {
        const uint8_t *p = c.p, *q = c.q;
        const PaperIndex prev = c.doc;
        if (!c.next(pos)) break;
        if (inHead && c.doc < limit && !changed(c.doc)) {
            h.postingsEnd = c.p;
            h.positionsEnd = c.q;
            ++h.count;
            h.lastDoc = c.doc;
            continue;
        }
        inHead = false;
        if (!changed(c.doc))
            rest.push_back({c.doc, c.meta, c.pos, pos, prev, p, q, uint8_t(c.p - p), uint8_t(pos ? c.q - q : 0)});
    }
    return h;
}

void SearchIndexMerger::writeHead(uint32_t b, const Head& h, bool positions, const Key* key) {
    const uint8_t* start = basePostings(b);
    postings_.copy(start, h.postingsEnd);
    if (!positions || h.count == 0) return;
    if (storesPositions(base_, b)) {
        positions_.copy(basePositions(b), h.positionsEnd);
        return;
    }
    Cursor c{start, nullptr, h.count};  // a key that now keeps positions: found in the papers' text
    while (c.next(false)) positions_.varint(firstPosition(c.doc, *key));
}

void SearchIndexMerger::mergeOverlay() {
    const size_t fromBase = entries_.size();
    entries_.insert(entries_.end(), overlay_.begin(), overlay_.end());
    std::inplace_merge(entries_.begin(), entries_.begin() + fromBase, entries_.end(),
                       [](const Entry& x, const Entry& y) { return x.doc < y.doc; });
}

void SearchIndexMerger::flushRun() {
    if (runFirst_ == kNone) return;
    postingsLayout_.copy(base_.listStart_[runFirst_], base_.listStart_[runEnd_] - base_.listStart_[runFirst_]);
    positionsLayout_.copy(base_.posStart_[runFirst_], base_.posStart_[runEnd_] - base_.posStart_[runFirst_]);
    runFirst_ = runEnd_ = kNone;
}

void SearchIndexMerger::write(const std::vector<Entry>& entries, bool positions, const Key* key, uint32_t prev) {
    for (const Entry& e : entries) {
        if (e.postingBytes && e.basePrev == prev) postings_.copy(e.postingBytes, e.postingBytes + e.postingSize);
        else postings_.varint(((e.doc - prev) << 5) | e.meta);
        prev = e.doc;
        if (!positions) continue;
        if (e.positionSize) positions_.copy(e.positionBytes, e.positionBytes + e.positionSize);
        else positions_.varint(e.hasPos ? e.pos : firstPosition(e.doc, *key));
    }
}

uint32_t SearchIndexMerger::firstPosition(PaperIndex doc, const Key& key) const {
    uint32_t found = UINT32_MAX;
    tokenize(
        out_.docText(doc),
        [&](std::string_view word, size_t pos) {
            if (found == UINT32_MAX && key.word && word == key.text) found = static_cast<uint32_t>(pos);
        },
        [&](char32_t a, char32_t b, size_t pos, size_t) {
            if (found == UINT32_MAX && !key.word && gramKey(a, b) == key.gram) found = static_cast<uint32_t>(pos);
        });
    return found;
}

SearchIndex SearchIndex::afterMerge(SearchIndex base, const Corpus& corpus, const std::vector<PaperIndex>& touched) {
    std::vector<PaperIndex> changed = touched;
    for (PaperIndex p = static_cast<PaperIndex>(base.paperCount()); p < corpus.papers.size(); ++p) changed.push_back(p);
    if (changed.empty()) return base;
    const SearchIndex overlay = buildOverlay(corpus, changed);
    SearchIndex out;
    SearchIndexMerger(base, overlay, changed, corpus, out).run();
    return out;
}

}  // namespace papertide::core
