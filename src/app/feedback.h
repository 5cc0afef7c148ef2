// A short message the app shows for a moment ("Copied", "✕ file.json"): one concept, one duration.
#pragma once
#include <string>

namespace papertide::app {

class Feedback {
public:
    static constexpr double kSeconds = 2.0;
    void show(std::string text, double now) {
        text_ = std::move(text);
        until_ = now + kSeconds;
    }
    bool visible(double now) const { return now < until_; }
    const std::string& text() const { return text_; }

private:
    std::string text_;
    double until_ = 0;
};

}  // namespace papertide::app
