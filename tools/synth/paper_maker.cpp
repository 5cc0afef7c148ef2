// The made-up papers of the synthetic corpus (paper_maker.h).
#include "paper_maker.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "core/text.h"
#include "word_lists.h"

namespace papertide::synth::detail {

PaperMaker::PaperMaker(Rng& rng, std::vector<TopicModel>& topics, uint64_t papers, int months)
    : rng_(rng), topics_(topics) {
    adjectives_ = asVector(kAdjectives);
    nouns_ = asVector(kNouns);
    tasks_ = asVector(kTasks);
    for (const TopicModel& t : topics_)
        for (const std::string& k : t.keywordsEn)
            if (k.size() > 3 && k.find(' ') != std::string::npos) nouns_.push_back(titleCase(k));
    // Authors: a pool where a few names are prolific (Zipf), most write one or two papers.
    size_t pool = std::max<size_t>(500, papers / 3);
    std::vector<std::string> first = asVector(kFirstNames), last = asVector(kLastNames);
    authors_.reserve(pool);
    for (size_t i = 0; i < pool; ++i) {
        std::string name = rng_.pick(first);
        if (rng_.chance(0.1)) name += std::string(" ") + char('A' + rng_.below(26)) + ".";
        name += " " + rng_.pick(last);
        authors_.push_back(std::move(name));
    }
    authorZipf_ = Zipf(pool, 0.75);
    for (size_t t = 0; t < topics_.size(); ++t) {
        TopicModel& m = topics_[t];
        bool general = m.id == "general";
        m.base = general ? 0.15 : 0.4 + rng_.unit() * 1.2;
        m.emerges = !general && rng_.chance(0.4) ? static_cast<int>(rng_.unit() * 0.6 * months) : 0;
        m.period = 12 + rng_.unit() * 96;
        m.phase = rng_.unit() * 6.283185307179586;
    }
}

void PaperMaker::beginMonth(int mi) {
    weights_.assign(topics_.size(), 0);
    for (size_t t = 0; t < topics_.size(); ++t) {
        const TopicModel& m = topics_[t];
        if (mi < m.emerges) continue;
        weights_[t] = m.base * (1.15 + std::sin(6.283185307179586 * mi / m.period + m.phase));
    }
    arxivNext_ = 1 + rng_.below(400);
}

std::string PaperMaker::titleCase(std::string s) {
    bool start = true;
    for (char& c : s) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        start = c == ' ' || c == '-';
    }
    return s;
}

uint32_t PaperMaker::pickTopic(const std::vector<uint32_t>& taken) {
    double total = 0;
    for (size_t t = 0; t < topics_.size(); ++t)
        if (std::find(taken.begin(), taken.end(), t) == taken.end()) total += weights_[t];
    double u = rng_.unit() * total;
    for (size_t t = 0; t < topics_.size(); ++t) {
        if (std::find(taken.begin(), taken.end(), t) != taken.end()) continue;
        if ((u -= weights_[t]) <= 0 && weights_[t] > 0) return static_cast<uint32_t>(t);
    }
    for (size_t t = topics_.size(); t-- > 0;)
        if (weights_[t] > 0 && std::find(taken.begin(), taken.end(), t) == taken.end()) return static_cast<uint32_t>(t);
    return UINT32_MAX;
}

std::string PaperMaker::methodName() {
    std::string name;
    int syllables = 2 + static_cast<int>(rng_.below(2));
    for (int i = 0; i < syllables; ++i) name += kSyllables[rng_.below(std::size(kSyllables))];
    name[0] = static_cast<char>(name[0] - 32);
    name += kMethodSuffixes[rng_.below(std::size(kMethodSuffixes))];
    return name;
}

std::string PaperMaker::makeTitle(const PaperSeed& p) {
    const TopicModel& topic = topics_[p.topics.front()];
    std::string noun = rng_.chance(0.3) && !topic.keywordsEn.empty() ? titleCase(rng_.pick(topic.keywordsEn))
                                                                      : rng_.pick(nouns_);
    switch (rng_.below(7)) {
        case 0: return p.method + ": " + rng_.pick(adjectives_) + " " + noun + " for " + rng_.pick(tasks_);
        case 1: return rng_.pick(adjectives_) + " " + noun + " for " + rng_.pick(tasks_) + " with " + p.method;
        case 2: return "Towards " + rng_.pick(adjectives_) + " " + rng_.pick(tasks_) + " via " + noun;
        case 3: return "On the " + std::string(kProperties[rng_.below(std::size(kProperties))]) + " of " +
                       rng_.pick(adjectives_) + " " + noun;
        case 4: return p.method + ": " + noun + " Are " + rng_.pick(adjectives_) + " Learners";
        case 5: return "Learning " + rng_.pick(adjectives_) + " " + noun + " from " + rng_.pick(tasks_) + " Data";
        default: return p.method + ": Scaling " + noun + " to " + rng_.pick(tasks_);
    }
}

std::string PaperMaker::slugOf(std::string_view title) {
    std::string slug;
    bool dash = false;
    std::string folded = core::foldForSearch(title);
    for (char c : folded) {
        if (c == '\'') continue;
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!ok) {
            dash = !slug.empty();
            continue;
        }
        if (dash) slug += '-';
        dash = false;
        slug += c;
    }
    if (slug.size() > 110) slug.resize(110);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug.empty() ? "paper" : slug;
}

uint64_t PaperMaker::hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

void PaperMaker::make(PaperSeed& p, core::MonthNumber month) {
    size_t topicCount = rng_.chance(0.45) ? 1 : rng_.chance(0.73) ? 2 : 3;
    for (size_t i = 0; i < topicCount; ++i) {
        uint32_t t = pickTopic(p.topics);
        if (t == UINT32_MAX) break;
        p.topics.push_back(t);
    }
    if (p.topics.empty()) p.topics.push_back(0);
    p.method = methodName();
    for (int attempt = 0;; ++attempt) {
        p.title = makeTitle(p);
        if (attempt > 8) p.title += " (" + std::to_string(attempt) + ")";
        if (titles_.insert(hash(core::foldForSearch(p.title))).second) break;
    }
    // arXiv ids exist from April 2007 (YYMM.NNNN) and have five digits from 2015 on (over 9,999 a month).
    int year = month / 12, mon = month % 12 + 1;
    bool arxivEra = year > 2007 || (year == 2007 && mon >= 4);
    const uint32_t arxivLimit = year >= 2015 ? 99999 : 9999;
    const uint32_t arxivStep = year >= 2015 ? 20 : 2;
    if (arxivEra && arxivNext_ + arxivStep <= arxivLimit && rng_.chance(0.75)) {
        char id[32];
        arxivNext_ += 1 + rng_.below(arxivStep);
        if (year >= 2015) std::snprintf(id, sizeof id, "%02d%02d.%05u", year % 100, mon, arxivNext_);
        else std::snprintf(id, sizeof id, "%02d%02d.%04u", year % 100, mon, arxivNext_);
        p.id = std::string("arxiv:") + id;
        p.links.push_back({"arxiv", std::string("https://arxiv.org/abs/") + id});
        p.links.push_back({"pdf", std::string("https://arxiv.org/pdf/") + id + ".pdf"});
    } else {
        std::string slug = slugOf(p.title);
        p.id = slug;
        for (int n = 2; !ids_.insert(hash(p.id)).second; ++n) p.id = slug + "-" + std::to_string(n);
        if (rng_.chance(0.4)) {
            static const char kForumIdChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            std::string forum;
            for (int i = 0; i < 10; ++i) forum += kForumIdChars[rng_.below(62)];
            p.links.push_back({"openreview", "https://openreview.net/forum?id=" + forum});
        }
    }
    // Percent of papers with 1, 2, 3, ... authors.
    static const uint32_t kAuthorCounts[] = {10, 18, 18, 15, 12, 9, 6, 4, 3, 2, 2, 1};
    uint32_t u = rng_.below(100), count = 1;
    for (uint32_t c : kAuthorCounts) {
        if (u < c) break;
        u -= c;
        ++count;
    }
    for (uint32_t i = 0; i < count; ++i) {
        const std::string& name = authors_[authorZipf_.sample(rng_)];
        if (std::find(p.authors.begin(), p.authors.end(), name) == p.authors.end()) p.authors.push_back(name);
    }
    p.authorsTruncated = rng_.chance(0.15);
    if (rng_.chance(0.3)) {
        std::string user = core::foldForSearch(p.authors.front());
        user = slugOf(user.substr(user.rfind(' ') + 1));
        p.links.push_back({"code", "https://github.com/" + user + "/" + slugOf(p.method)});
    }
}

}  // namespace papertide::synth::detail
