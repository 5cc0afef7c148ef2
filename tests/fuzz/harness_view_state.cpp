// Fuzz harness: the URL hash (decode, encode, decode again) and a JSON view state applied onto a full one.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/view_state.h"
#include "harness_support.h"
#include "harnesses.h"

namespace papertide::fuzz {

using namespace papertide::core;

namespace {

std::string describe(const ViewState& s) {
    nlohmann::json j;
    viewStateToJson(s, j);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Everything that enters the state is clean text: valid UTF-8, no control characters.
void checkClean(const ViewState& s) {
    auto clean = [](const std::string& text) {
        if (!validUtf8(text)) return false;
        for (unsigned char c : text)
            if (c < 0x20 || c == 0x7F) return false;
        return true;
    };
    for (const std::string* text : {&s.filter.query, &s.filter.digest, &s.filter.author, &s.paper, &s.digest})
        PAPERTIDE_FUZZ_CHECK(clean(*text) && text->size() <= 500, describe(s));
    for (const std::string& t : s.filter.topics) PAPERTIDE_FUZZ_CHECK(clean(t) && !t.empty(), describe(s));
}

// decode(encode(decode(x))) == decode(x), silently, and encoding is then a fixed point.
void checkHashRoundTrip(std::string_view hash) {
    ViewState first = decodeViewState(hash);
    checkClean(first);
    std::string encoded = encodeViewState(first);
    PAPERTIDE_FUZZ_CHECK(encoded.empty() || encoded[0] == '#', encoded);
    std::vector<std::string> warnings;
    ViewState second = decodeViewState(encoded, &warnings);
    PAPERTIDE_FUZZ_CHECK(second == first, "hash round trip changed the state:\n  before " + describe(first) +
                                              "\n  after  " + describe(second) + "\n  via    " + encoded);
    PAPERTIDE_FUZZ_CHECK(warnings.empty(),
                         "re-decoding an encoded state warns: " + (warnings.empty() ? "" : warnings[0]));
    PAPERTIDE_FUZZ_CHECK(encodeViewState(second) == encoded, encoded);
    for (unsigned char c : encoded)
        PAPERTIDE_FUZZ_CHECK(c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\',
                             "unsafe hash " + encoded);
}

}  // namespace

int viewState(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    checkHashRoundTrip(text);

    std::vector<std::string> warnings;
    decodeViewState(text, &warnings);
    for (const std::string& w : warnings) PAPERTIDE_FUZZ_CHECK(validUtf8(w) && w.size() < 1200, w);

    // The same bytes as a (partial) JSON state, applied onto a state with every field set.
    ViewState base = decodeViewState(
        "#v=papers&q=gpt&t=vision,rl&from=2022-01&to=2022-06&d=x&a=y&bm=1&unread="
        "1"
        "&sort=title&p=arxiv:2205.06175&page=z&order=label&collapse=1");
    ViewState state = base;
    std::string error;
    bool applied = applyViewStateJson(state, text, error);
    if (!applied) {
        PAPERTIDE_FUZZ_CHECK(state == base, "a refused JSON state changed the state");
        PAPERTIDE_FUZZ_CHECK(!error.empty() && validUtf8(error), error);
    } else {
        checkClean(state);
        // A JSON-applied state survives the URL too (what the page shows after setState, then reload).
        checkHashRoundTrip(encodeViewState(state));
        // ... and its JSON form is accepted back unchanged.
        nlohmann::json j;
        viewStateToJson(state, j);
        ViewState again;
        std::string againError;
        PAPERTIDE_FUZZ_CHECK(applyViewStateJson(again, j.dump(), againError), againError);
        PAPERTIDE_FUZZ_CHECK(again == state,
                             "JSON round trip changed the state: " + describe(state) + " -> " + describe(again));
    }
    return 0;
}

}  // namespace papertide::fuzz
