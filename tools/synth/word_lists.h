// The built-in word lists of the synthetic corpus: Chinese phrases (the fallback vocabulary), English words
// for titles, author names and the syllables of made-up method names. Data only.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace papertide::synth::detail {

inline constexpr const char* kZhBuiltin[] = {
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

inline constexpr const char* kEnglishTerms[] = {
    "GPT-3", "Transformer", "RL", "BERT", "ImageNet", "SOTA", "CLIP", "LLM", "RLHF", "ViT", "MoE", "LoRA",
    "1.2B", "175B", "16x16", "Atari", "COCO", "NeRF", "GNN", "SGD", "Adam", "T5", "PaLM", "LLaMA",
};

inline constexpr const char* kAdjectives[] = {
    "Scalable", "Efficient", "Robust", "Sparse", "Adaptive", "Hierarchical", "Contrastive", "Generative",
    "Probabilistic", "Causal", "Unified", "Lightweight", "Interpretable", "Multilingual", "Self-Supervised",
    "Federated", "Continual", "Differentiable", "Equivariant", "Latent", "Neural", "Deep", "Large-Scale",
    "Few-Shot", "Zero-Shot", "Compositional", "Structured", "Recurrent", "Implicit", "Conditional",
    "Universal", "Stable", "Fast", "Accurate", "Data-Efficient", "Memory-Efficient", "Grounded", "Open-Ended",
};

inline constexpr const char* kNouns[] = {
    "Transformers", "Language Models", "Diffusion Models", "Agents", "Representations", "Embeddings",
    "Attention", "Graph Networks", "Policies", "World Models", "Retrieval", "Reasoning", "Planning",
    "Tokenizers", "Autoencoders", "Mixture of Experts", "Normalizing Flows", "Priors", "Rewards",
    "Optimizers", "Scaling Laws", "Benchmarks", "Datasets", "Prompts", "Instructions", "Memory",
    "Vision Transformers", "Point Clouds", "Radiance Fields", "Speech Models", "Neural Operators",
    "Energy-Based Models", "Kernels", "Ensembles", "Curricula", "Adapters", "Distillation", "Quantization",
};

inline constexpr const char* kTasks[] = {
    "Image Generation", "Machine Translation", "Question Answering", "Code Generation", "Robot Manipulation",
    "Protein Folding", "Text-to-Image Synthesis", "Speech Recognition", "Video Understanding", "Object Detection",
    "Semantic Segmentation", "Mathematical Reasoning", "Program Synthesis", "Open-Domain Dialogue",
    "Molecule Design", "Weather Forecasting", "Continual Learning", "Offline Reinforcement Learning",
    "Visual Navigation", "Summarization", "3D Reconstruction", "Graph Classification", "Anomaly Detection",
    "Recommendation", "Information Retrieval", "Theorem Proving", "Audio Generation", "Embodied Control",
    "Long-Context Modeling", "Instruction Following", "Preference Learning", "Domain Adaptation",
};

inline constexpr const char* kProperties[] = {
    "Limits", "Robustness", "Expressivity", "Generalization", "Sample Complexity", "Convergence",
    "Emergence", "Calibration", "Stability", "Inductive Biases", "Geometry", "Scaling Behaviour",
};

inline constexpr const char* kSyllables[] = {
    "zor", "vex", "lum", "ta", "quin", "ar", "bel", "cor", "dra", "nex", "or", "pal", "syn", "ther", "ul",
    "vy", "ka", "mi", "ro", "sel", "tri", "xen", "yal", "fen", "gal", "hex", "io", "jun", "lor", "mox",
};

// The three empty entries leave a quarter of the method names without a suffix.
inline constexpr const char* kMethodSuffixes[] = {
    "", "", "", "Net", "Former", "GPT", "-2", "-XL", "Diff", "RL", "-Zero", "Bench",
};

inline constexpr const char* kFirstNames[] = {
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

inline constexpr const char* kLastNames[] = {
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

// A word list as the vectors Rng::pick draws from.
template <size_t N>
std::vector<std::string> asVector(const char* const (&items)[N]) {
    return std::vector<std::string>(items, items + N);
}

}  // namespace papertide::synth::detail
