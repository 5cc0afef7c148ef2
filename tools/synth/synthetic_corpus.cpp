#include "synthetic_corpus.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <unordered_set>

#include "core/month.h"
#include "core/taxonomy.h"
#include "core/text.h"

namespace papertide::synth {

namespace {

// --- randomness: splitmix64, portable and fully specified (no std:: distributions) ------------------------
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    uint32_t below(uint32_t n) { return n ? static_cast<uint32_t>((next() >> 32) * n >> 32) : 0; }
    uint32_t range(uint32_t lo, uint32_t hi) { return lo + below(hi - lo + 1); }  // inclusive
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    template <typename T>
    const T& pick(const std::vector<T>& v) { return v[below(static_cast<uint32_t>(v.size()))]; }

private:
    uint64_t state_;
};

// Samples indexes 0..n-1 with weight 1 / (i + 1)^s: a few items are common, most are rare.
class Zipf {
public:
    Zipf() = default;
    Zipf(size_t n, double s) {
        cumulative_.resize(n);
        double total = 0;
        for (size_t i = 0; i < n; ++i) cumulative_[i] = total += 1.0 / std::pow(double(i + 1), s);
    }
    size_t sample(Rng& rng) const {
        double u = rng.unit() * cumulative_.back();
        return static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin());
    }
    size_t size() const { return cumulative_.size(); }

private:
    std::vector<double> cumulative_;
};

template <typename T>
void shuffle(std::vector<T>& v, Rng& rng) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng.below(static_cast<uint32_t>(i))]);
}

// --- built-in word lists ---------------------------------------------------------------------------------
const char* const kZhBuiltin[] = {
    "模型", "训练", "数据集", "语言模型", "大模型", "注意力", "变压器", "神经网络", "参数", "推理", "预训练", "微调",
    "提示", "指令", "对齐", "强化学习", "奖励", "智能体", "环境", "策略", "扩散模型", "生成", "图像", "视频", "文本",
    "多模态", "视觉", "语音", "检索", "知识", "记忆", "图神经网络", "节点", "优化器", "梯度", "损失函数", "泛化",
    "鲁棒性", "对抗样本", "分布外", "可解释性", "安全", "偏见", "公平", "效率", "稀疏", "量化", "蒸馏", "压缩",
    "自监督", "对比学习", "表征", "嵌入", "编码器", "解码器", "自回归", "令牌", "上下文", "长文本", "机器人", "控制",
    "规划", "三维", "渲染", "场景", "物理", "蛋白质", "分子", "科学发现", "数学推理", "代码生成", "翻译", "摘要",
    "问答", "对话", "基准", "评估", "实验表明", "结果显示", "我们提出", "本文", "作者", "方法", "框架", "架构",
    "性能", "显著提升", "计算成本", "可扩展性", "缩放定律", "数据质量", "少样本", "零样本", "思维链", "工具使用",
    "人类反馈", "偏好", "价值函数", "探索", "样本效率", "世界模型", "离线", "在线", "持续学习", "元学习", "灾难性遗忘",
    "理论分析", "收敛", "上界", "下界", "复杂度", "近似", "随机", "采样", "噪声", "去噪", "分数", "潜在空间",
    "高分辨率", "分割", "检测", "分类", "识别", "跟踪", "重建", "神经辐射场", "点云", "网格", "纹理", "光照",
    "然而", "此外", "因此", "同时", "首先", "其次", "最后", "例如", "相比之下", "值得注意的是", "换句话说",
    "在这项工作中", "研究人员", "团队", "开源", "社区", "工业界", "学术界", "最新进展", "里程碑", "趋势",
};

const char* const kEnglishTerms[] = {
    "GPT-3", "Transformer", "RL", "BERT", "ImageNet", "SOTA", "CLIP", "LLM", "RLHF", "ViT", "MoE", "LoRA",
    "1.2B", "175B", "16x16", "Atari", "COCO", "NeRF", "GNN", "SGD", "Adam", "T5", "PaLM", "LLaMA",
};

const char* const kAdjectives[] = {
    "Scalable", "Efficient", "Robust", "Sparse", "Adaptive", "Hierarchical", "Contrastive", "Generative",
    "Probabilistic", "Causal", "Unified", "Lightweight", "Interpretable", "Multilingual", "Self-Supervised",
    "Federated", "Continual", "Differentiable", "Equivariant", "Latent", "Neural", "Deep", "Large-Scale",
    "Few-Shot", "Zero-Shot", "Compositional", "Structured", "Recurrent", "Implicit", "Conditional",
    "Universal", "Stable", "Fast", "Accurate", "Data-Efficient", "Memory-Efficient", "Grounded", "Open-Ended",
};

const char* const kNouns[] = {
    "Transformers", "Language Models", "Diffusion Models", "Agents", "Representations", "Embeddings",
    "Attention", "Graph Networks", "Policies", "World Models", "Retrieval", "Reasoning", "Planning",
    "Tokenizers", "Autoencoders", "Mixture of Experts", "Normalizing Flows", "Priors", "Rewards",
    "Optimizers", "Scaling Laws", "Benchmarks", "Datasets", "Prompts", "Instructions", "Memory",
    "Vision Transformers", "Point Clouds", "Radiance Fields", "Speech Models", "Neural Operators",
    "Energy-Based Models", "Kernels", "Ensembles", "Curricula", "Adapters", "Distillation", "Quantization",
};

const char* const kTasks[] = {
    "Image Generation", "Machine Translation", "Question Answering", "Code Generation", "Robot Manipulation",
    "Protein Folding", "Text-to-Image Synthesis", "Speech Recognition", "Video Understanding", "Object Detection",
    "Semantic Segmentation", "Mathematical Reasoning", "Program Synthesis", "Open-Domain Dialogue",
    "Molecule Design", "Weather Forecasting", "Continual Learning", "Offline Reinforcement Learning",
    "Visual Navigation", "Summarization", "3D Reconstruction", "Graph Classification", "Anomaly Detection",
    "Recommendation", "Information Retrieval", "Theorem Proving", "Audio Generation", "Embodied Control",
    "Long-Context Modeling", "Instruction Following", "Preference Learning", "Domain Adaptation",
};

const char* const kProperties[] = {
    "Limits", "Robustness", "Expressivity", "Generalization", "Sample Complexity", "Convergence",
    "Emergence", "Calibration", "Stability", "Inductive Biases", "Geometry", "Scaling Behaviour",
};

const char* const kSyllables[] = {
    "zor", "vex", "lum", "ta", "quin", "ar", "bel", "cor", "dra", "nex", "or", "pal", "syn", "ther", "ul",
    "vy", "ka", "mi", "ro", "sel", "tri", "xen", "yal", "fen", "gal", "hex", "io", "jun", "lor", "mox",
};

const char* const kMethodSuffixes[] = {"", "", "", "Net", "Former", "GPT", "-2", "-XL", "Diff", "RL", "-Zero", "Bench"};

const char* const kFirstNames[] = {
    "Wei", "Jing", "Xiaoming", "Yang", "Hao", "Lei", "Yuxin", "Zhiyuan", "Jiaxin", "Chen", "Tianyu", "Ming",
    "Scott", "Emily", "Konrad", "Jürgen", "Łukasz", "Zoë", "Oriol", "Ilya", "Yann", "Yoshua", "Geoffrey",
    "Fei-Fei", "Andrej", "Demis", "Pieter", "Sergey", "Chelsea", "Percy", "Christopher", "Dan", "Quoc",
    "Noam", "Ashish", "Niki", "Jakob", "Llion", "Aidan", "Jacob", "Kenton", "Tom", "Alec", "Jared", "Dario",
    "Daniela", "Amanda", "Sam", "Mira", "Greg", "Jan", "Paul", "Rohan", "Aditya", "Priya", "Ananya", "Ravi",
    "Sanjeev", "Kyunghyun", "Minjoon", "Hyeon", "Takeshi", "Yuki", "Hiroshi", "Sofia", "Lucía", "José",
    "François", "Hélène", "Matthieu", "Léa", "Søren", "Björn", "Åsa", "Mikołaj", "Dmitry", "Olga", "Anna",
    "Maria", "Elena", "Marco", "Giulia", "Ahmed", "Fatima", "Omar", "Leila", "Kwame", "Amara", "Noah", "Liam",
    "Olivia", "Emma", "Ava", "Isabella", "Lucas", "Mateo", "Ethan", "Mia", "Chloé", "Nina", "Felix", "Max",
};

const char* const kLastNames[] = {
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu",
    "Gao", "Lin", "He", "Guo", "Ma", "Luo", "Reed", "Żołna", "Parisotto", "Schmidhuber", "Vinyals", "LeCun",
    "Bengio", "Hinton", "Karpathy", "Hassabis", "Abbeel", "Levine", "Finn", "Liang", "Manning", "Jurafsky",
    "Le", "Shazeer", "Vaswani", "Parmar", "Uszkoreit", "Jones", "Gomez", "Kaiser", "Polosukhin", "Devlin",
    "Brown", "Radford", "Kaplan", "Amodei", "Askell", "Altman", "Murati", "Brockman", "Leike", "Christiano",
    "Taori", "Gulrajani", "Sharma", "Gupta", "Patel", "Singh", "Kumar", "Arora", "Cho", "Seo", "Kim", "Park",
    "Lee", "Tanaka", "Suzuki", "Sato", "García", "Martínez", "López", "Dubois", "Lefèvre", "Müller",
    "Schmidt", "Schäfer", "Jørgensen", "Nyström", "Kowalski", "Nowak", "Ivanov", "Petrov", "Smirnova",
    "Rossi", "Bianchi", "Hassan", "Ali", "Mensah", "Okafor", "Smith", "Johnson", "Williams", "Davis", "Miller",
    "Wilson", "Moore", "Taylor", "Anderson", "Thomas", "Martin", "Thompson", "White", "Harris", "Clark",
};

template <size_t N>
std::vector<std::string> list(const char* const (&items)[N]) {
    return std::vector<std::string>(items, items + N);
}

// --- JSON output with 2-space indentation, like the seed files ------------------------------------------
class JsonOut {
public:
    explicit JsonOut(std::string& out) : out_(out) {}
    void open(char bracket) {
        out_ += bracket;
        ++depth_;
        first_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (!first_) newline();
        out_ += bracket;
        first_ = false;
    }
    void key(std::string_view k) {
        item();
        string(k);
        out_ += ": ";
    }
    void item() {
        if (!first_) out_ += ',';
        newline();
        first_ = false;
    }
    void string(std::string_view s) {
        out_ += '"';
        for (char c : s) {
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\n': out_ += "\\n"; break;
                case '\t': out_ += "\\t"; break;
                default:
                    if (static_cast<unsigned char>(c) < 0x20) {
                        char buf[8];
                        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                        out_ += buf;
                    } else {
                        out_ += c;
                    }
            }
        }
        out_ += '"';
    }
    void raw(std::string_view s) { out_ += s; }
    void member(std::string_view k, std::string_view v) {
        key(k);
        string(v);
    }
    void stringArray(std::string_view k, const std::vector<std::string>& values) {
        key(k);
        if (values.empty()) {
            out_ += "[]";
            return;
        }
        open('[');
        for (const std::string& v : values) {
            item();
            string(v);
        }
        close(']');
    }

private:
    void newline() {
        out_ += '\n';
        out_.append(static_cast<size_t>(depth_) * 2, ' ');
    }
    std::string& out_;
    int depth_ = 0;
    bool first_ = true;
};

struct TopicModel {
    std::string id;
    std::vector<std::string> keywordsEn, keywordsZh;
    double base = 1;
    int emerges = 0;  // month index before which the topic does not exist
    double period = 24, phase = 0;
};

// The paper-level fields every appearance of a paper repeats (so merging raises no warnings).
struct PaperSeed {
    std::string id;
    std::string title;
    std::vector<std::string> authors;
    bool authorsTruncated = false;
    std::vector<std::pair<std::string, std::string>> links;
    std::vector<uint32_t> topics;  // indexes into the topic model
    std::string method;            // the made-up method name, reused in Chinese text
};

class Generator {
public:
    Generator(const Options& o, std::vector<TopicModel> topics, const Vocabulary& vocabulary)
        : o_(o), rng_(o.seed), topics_(std::move(topics)) {
        zh_ = vocabulary.zhPhrases;
        if (zh_.empty()) zh_ = Vocabulary::builtin().zhPhrases;
        shuffle(zh_, rng_);  // which phrases are common depends on the seed
        zhZipf_ = Zipf(zh_.size(), 1.0);
        adjectives_ = list(kAdjectives);
        nouns_ = list(kNouns);
        tasks_ = list(kTasks);
        for (const TopicModel& t : topics_)
            for (const std::string& k : t.keywordsEn)
                if (k.size() > 3 && k.find(' ') != std::string::npos) nouns_.push_back(titleCase(k));
        // Authors: a pool where a few names are prolific (Zipf), most write one or two papers.
        size_t pool = std::max<size_t>(500, o.papers / 3);
        std::vector<std::string> first = list(kFirstNames), last = list(kLastNames);
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
            m.emerges = !general && rng_.chance(0.4) ? static_cast<int>(rng_.unit() * 0.6 * months()) : 0;
            m.period = 12 + rng_.unit() * 96;
            m.phase = rng_.unit() * 6.283185307179586;
        }
    }

    int months() const {
        if (o_.months > 0) return static_cast<int>(std::min<uint64_t>(o_.months, o_.papers));
        uint64_t m = std::clamp<uint64_t>(o_.papers / 40, 12, 480);
        return static_cast<int>(std::min<uint64_t>(m, o_.papers));
    }

    bool run(std::string_view topicsJson, const FileSink& sink, Stats& stats, std::string& error) {
        auto last = core::parseMonth(o_.lastMonth);
        if (!last) {
            error = "bad --last-month \"" + o_.lastMonth + "\" (expected YYYY-MM)";
            return false;
        }
        if (o_.papers == 0) {
            error = "--papers must be at least 1";
            return false;
        }
        const int M = months();
        const core::MonthNumber firstMonth = *last - M + 1;
        if (!core::parseMonth(core::formatMonth(firstMonth))) {
            error = "too many months before " + o_.lastMonth;
            return false;
        }
        std::string taxonomy(topicsJson);
        stats.bytes += taxonomy.size();
        sink("topics.json", std::move(taxonomy));

        // New papers per month: growing over time (research output grows), every month at least one.
        std::vector<uint64_t> fresh(M, 1);
        {
            std::vector<double> w(M);
            double total = 0;
            for (int i = 0; i < M; ++i) total += w[i] = 1.0 + 1.5 * (M > 1 ? double(i) / (M - 1) : 0.0);
            uint64_t rest = o_.papers - M, assigned = 0;
            for (int i = 0; i < M; ++i) {
                uint64_t n = static_cast<uint64_t>(std::floor(rest * w[i] / total));
                fresh[i] += n;
                assigned += n;
            }
            for (uint64_t i = 0; assigned < rest; ++i, ++assigned) ++fresh[M - 1 - (i % M)];
        }
        // Recurrences land in a later month; papers of the last month cannot recur, so the rate is raised a little.
        double recurP = o_.recurrence * double(o_.papers) / double(std::max<uint64_t>(1, o_.papers - fresh[M - 1]));
        std::vector<std::vector<uint32_t>> due(M);  // month -> indexes into kept_
        std::vector<PaperSeed> kept;

        for (int mi = 0; mi < M; ++mi) {
            const core::MonthNumber month = firstMonth + mi;
            monthWeights(mi);
            std::vector<std::pair<const PaperSeed*, bool>> entries;  // (paper, new in this digest)
            std::vector<PaperSeed> batch(fresh[mi]);
            arxivNext_ = 1 + rng_.below(400);
            for (PaperSeed& p : batch) {
                makePaper(p, month);
                if (mi + 1 < M && rng_.chance(recurP)) {
                    int later = mi + 1 + static_cast<int>(rng_.below(static_cast<uint32_t>(std::min(36, M - 1 - mi))));
                    due[later].push_back(static_cast<uint32_t>(kept.size()));
                    kept.push_back(p);
                    if (later + 1 < M && rng_.chance(0.1)) {  // a few papers are picked a third time
                        int again = later + 1 + static_cast<int>(rng_.below(static_cast<uint32_t>(std::min(24, M - 1 - later))));
                        due[again].push_back(static_cast<uint32_t>(kept.size() - 1));
                    }
                }
            }
            for (PaperSeed& p : batch) entries.push_back({&p, true});
            for (uint32_t k : due[mi]) entries.push_back({&kept[k], false});
            // Recurring papers are interleaved with the new ones.
            for (size_t i = entries.size(); i > 1; --i) {
                if (!entries[i - 1].second || rng_.chance(0.2))
                    std::swap(entries[i - 1], entries[rng_.below(static_cast<uint32_t>(i))]);
            }
            std::string bytes = digestJson(month, entries);
            stats.papers += batch.size();
            stats.appearances += entries.size();
            stats.digests += 1;
            stats.bytes += bytes.size();
            std::string id = core::formatMonth(month) + "-synth-monthly";
            sink("digests/" + id + ".json", std::move(bytes));
            std::vector<uint32_t>().swap(due[mi]);
        }
        return true;
    }

private:
    static std::string titleCase(std::string s) {
        bool start = true;
        for (char& c : s) {
            if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
            start = c == ' ' || c == '-';
        }
        return s;
    }

    void monthWeights(int mi) {
        weights_.assign(topics_.size(), 0);
        for (size_t t = 0; t < topics_.size(); ++t) {
            const TopicModel& m = topics_[t];
            if (mi < m.emerges) continue;
            weights_[t] = m.base * (1.15 + std::sin(6.283185307179586 * mi / m.period + m.phase));
        }
    }

    uint32_t pickTopic(const std::vector<uint32_t>& taken) {
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

    std::string methodName() {
        std::string name;
        int syllables = 2 + static_cast<int>(rng_.below(2));
        for (int i = 0; i < syllables; ++i) name += kSyllables[rng_.below(std::size(kSyllables))];
        name[0] = static_cast<char>(name[0] - 32);
        name += kMethodSuffixes[rng_.below(std::size(kMethodSuffixes))];
        return name;
    }

    std::string makeTitle(const PaperSeed& p) {
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

    static std::string slugOf(std::string_view title) {
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

    static uint64_t hash(std::string_view s) {
        uint64_t h = 1469598103934665603ull;
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        return h;
    }

    void makePaper(PaperSeed& p, core::MonthNumber month) {
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
                std::string forum;
                for (int i = 0; i < 10; ++i) forum += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[rng_.below(62)];
                p.links.push_back({"openreview", "https://openreview.net/forum?id=" + forum});
            }
        }
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

    // A run of Chinese phrases with some punctuation, English terms and topic keywords, ending in "。".
    void sentence(std::string& out, const PaperSeed* p) {
        int phrases = 3 + static_cast<int>(rng_.below(7));
        for (int i = 0; i < phrases; ++i) {
            double r = rng_.unit();
            if (p && r < 0.06) {
                const TopicModel& t = topics_[p->topics[rng_.below(static_cast<uint32_t>(p->topics.size()))]];
                out += t.keywordsZh.empty() ? zh_[zhZipf_.sample(rng_)] : rng_.pick(t.keywordsZh);
            } else if (r < 0.1) {
                out += ' ';
                out += p && r < 0.075 ? p->method : kEnglishTerms[rng_.below(std::size(kEnglishTerms))];
                out += ' ';
            } else {
                out += zh_[zhZipf_.sample(rng_)];
            }
            if (i + 1 < phrases && rng_.chance(0.2)) out += rng_.chance(0.8) ? "," : "、";
        }
        out += "。";
    }

    std::string paragraphs(size_t targetChars, const PaperSeed* p) {
        std::string out;
        size_t chars = 0;
        while (chars < targetChars) {
            size_t before = out.size();
            if (!out.empty() && rng_.chance(0.12)) out += '\n';
            sentence(out, p);
            chars += core::countCodePoints(std::string_view(out).substr(before));
        }
        return out;
    }

    void paperJson(JsonOut& j, const PaperSeed& p, const char* section) {
        j.item();
        j.open('{');
        j.member("id", p.id);
        j.member("section", section);
        j.member("title", p.title);
        if (rng_.chance(0.15)) {
            std::string zh = p.method;
            int n = 2 + static_cast<int>(rng_.below(3));
            for (int i = 0; i < n; ++i) zh += zh_[zhZipf_.sample(rng_)];
            j.member("title_zh", zh);
        }
        j.stringArray("authors", p.authors);
        if (p.authorsTruncated) {
            j.key("authors_truncated");
            j.raw("true");
        }
        if (!p.links.empty()) {
            j.key("links");
            j.open('{');
            for (const auto& [name, url] : p.links) j.member(name, url);
            j.close('}');
        }
        std::vector<std::string> topicIds;
        for (uint32_t t : p.topics) topicIds.push_back(topics_[t].id);
        j.stringArray("topics", topicIds);
        if (!rng_.chance(0.03)) j.member("summary", paragraphs(40 + rng_.below(320), &p));
        if (rng_.chance(0.12)) j.member("why", paragraphs(30 + rng_.below(120), &p));
        if (rng_.chance(0.12)) {
            std::string insight = paragraphs(20 + rng_.below(80), &p);
            int items = static_cast<int>(rng_.below(4));
            for (int i = 0; i < items; ++i) insight += "\n- " + paragraphs(10 + rng_.below(40), &p);
            j.member("insight", insight);
        }
        j.close('}');
    }

    std::string digestJson(core::MonthNumber month, const std::vector<std::pair<const PaperSeed*, bool>>& entries) {
        std::string out;
        out.reserve(entries.size() * 1400 + 4096);
        JsonOut j(out);
        const std::string monthText = core::formatMonth(month);
        const int year = month / 12, mon = month % 12 + 1;
        j.open('{');
        j.member("$schema", "../schema/digest.schema.json");
        j.key("format");
        j.raw("1");
        j.member("id", monthText + "-synth-monthly");
        j.member("month", monthText);
        char published[16];
        std::snprintf(published, sizeof published, "%s-%02u", monthText.c_str(), 1 + rng_.below(28));
        j.member("published", published);
        j.member("title", std::to_string(year) + "年" + std::to_string(mon) + "月人工智能论文月报(合成语料)");
        j.member("source", "Papertide 合成语料");
        j.member("author", "合成编辑部");
        j.member("language", "zh-Hans");
        j.member("intro", paragraphs(60 + rng_.below(200), nullptr));
        if (uint32_t news = rng_.below(4)) {
            j.key("news");
            j.open('[');
            for (uint32_t i = 0; i < news; ++i) {
                j.item();
                j.open('{');
                j.member("text", paragraphs(20 + rng_.below(80), nullptr));
                j.close('}');
            }
            j.close(']');
        }
        bool others = entries.size() > 10;
        j.key("sections");
        j.open('[');
        j.item();
        j.raw(R"({"id": "main", "title": "本月论文"})");
        if (others) {
            j.item();
            j.raw(R"({"id": "others", "title": "更多论文"})");
        }
        j.close(']');
        j.key("papers");
        j.open('[');
        for (size_t i = 0; i < entries.size(); ++i) paperJson(j, *entries[i].first, i < 10 ? "main" : "others");
        j.close(']');
        if (uint32_t refs = rng_.below(4)) {
            j.key("references");
            j.open('[');
            for (uint32_t i = 0; i < refs; ++i) {
                j.item();
                j.open('{');
                j.member("label", "[" + std::to_string(i + 1) + "]");
                j.member("text", paragraphs(10 + rng_.below(40), nullptr));
                j.close('}');
            }
            j.close(']');
        }
        j.close('}');
        out += '\n';
        return out;
    }

    const Options& o_;
    Rng rng_;
    std::vector<TopicModel> topics_;
    std::vector<double> weights_;
    std::vector<std::string> zh_, adjectives_, nouns_, tasks_, authors_;
    Zipf zhZipf_, authorZipf_;
    std::unordered_set<uint64_t> titles_, ids_;
    uint32_t arxivNext_ = 1;
};

}  // namespace

Vocabulary Vocabulary::builtin() {
    Vocabulary v;
    v.zhPhrases = list(kZhBuiltin);
    return v;
}

Vocabulary Vocabulary::fromTexts(const std::vector<std::string>& texts) {
    Vocabulary v;
    std::unordered_set<std::string> seen;
    auto add = [&](std::string phrase) {
        if (seen.insert(phrase).second) v.zhPhrases.push_back(std::move(phrase));
    };
    static const size_t kCuts[] = {2, 3, 2, 4, 2, 3};
    size_t cut = 0;
    for (const std::string& text : texts) {
        std::vector<std::string> run;  // code points of the current CJK run
        auto flush = [&] {
            size_t i = 0;
            while (run.size() - i >= 2) {
                size_t n = std::min(kCuts[cut++ % std::size(kCuts)], run.size() - i);
                if (run.size() - i - n == 1) ++n;  // never leave a single character behind
                std::string phrase;
                for (size_t k = i; k < i + n; ++k) phrase += run[k];
                add(std::move(phrase));
                i += n;
            }
            run.clear();
        };
        size_t pos = 0;
        while (pos < text.size()) {
            size_t start = pos;
            char32_t cp = core::decodeUtf8(text, pos);
            if (cp >= 0x4E00 && cp <= 0x9FFF) run.emplace_back(text.substr(start, pos - start));
            else flush();
        }
        flush();
    }
    for (std::string& phrase : builtin().zhPhrases) add(std::move(phrase));
    return v;
}

bool generate(const Options& options, std::string_view topicsJson, const Vocabulary& vocabulary, const FileSink& sink,
              Stats& stats, std::string& error) {
    std::vector<core::Diagnostic> diagnostics;
    std::vector<core::Topic> topics = core::parseTaxonomy("topics.json", topicsJson, diagnostics);
    if (topics.empty()) {
        error = "topics.json has no valid topics";
        return false;
    }
    std::vector<TopicModel> models;
    for (const core::Topic& t : topics) {
        TopicModel m;
        m.id = t.id;
        m.keywordsEn = t.keywordsEn;
        m.keywordsZh = t.keywordsZh;
        models.push_back(std::move(m));
    }
    Generator g(options, std::move(models), vocabulary);
    return g.run(topicsJson, sink, stats, error);
}

}  // namespace papertide::synth
