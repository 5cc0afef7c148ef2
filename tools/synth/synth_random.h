// The synthetic corpus generator's randomness: splitmix64 and helpers built only on it (no std:: distributions,
// whose results differ between standard libraries), so a seed gives the same corpus on every platform.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace papertide::synth::detail {

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

}  // namespace papertide::synth::detail
