// core/byte_relayout.h: a buffer laid out anew from pieces of itself and new bytes, in place when its capacity
// allows. Checked against the same layout built in a separate buffer, for hand-made and random plans.
#include <algorithm>
#include <random>

#include "core/byte_relayout.h"
#include "test_support.h"

using namespace papertide::core;

namespace {

// A plan over `old`, and what it must produce (built out of place).
struct Plan {
    ByteRelayout layout;
    std::string expected;
    void copy(const std::string& old, uint64_t at, uint64_t n) {
        layout.copy(at, n);
        expected.append(old, at, n);
    }
    void put(const std::string& bytes) {
        layout.put(bytes);
        expected += bytes;
    }
};

std::string withCapacity(const std::string& text, size_t capacity) {
    std::string s;
    s.reserve(capacity);
    s = text;
    return s;
}

}  // namespace

TEST_SUITE("byte relayout") {

TEST_CASE("pieces that move right, left or stay, and new bytes, land in place") {
    const std::string old = "0123456789abcdefghij";
    Plan plan;
    plan.copy(old, 0, 3);    // stays
    plan.put("XY");          // new bytes push what follows right
    plan.copy(old, 3, 4);    // moves right by 2
    plan.copy(old, 10, 5);   // moves left by 1 (7..9 dropped)
    plan.put("Z");
    plan.copy(old, 17, 3);   // moves left
    std::string buffer = withCapacity(old, 64);
    const char* before = buffer.data();
    plan.layout.apply(buffer);
    CHECK(buffer == plan.expected);
    CHECK(buffer == "012XY3456abcdeZhij");
    CHECK(buffer.data() == before);  // no new buffer: the capacity had room
    CHECK(plan.layout.size() == buffer.size());
    CHECK(plan.layout.freshBytes() == 3);
}

TEST_CASE("varints are written as the index encodes them") {
    ByteRelayout layout;
    layout.putVarint(5);
    layout.putVarint(300);
    layout.putVarint(UINT32_MAX);
    std::vector<uint8_t> buffer;
    layout.apply(buffer);
    CHECK(buffer == std::vector<uint8_t>{5, 0xAC, 0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F});
}

TEST_CASE("a layout larger than the capacity grows the buffer once, with room to spare") {
    const std::string old(1000, 'a');
    Plan plan;
    plan.copy(old, 0, 1000);
    plan.put(std::string(500, 'b'));
    std::string buffer = old;
    buffer.shrink_to_fit();
    plan.layout.apply(buffer);
    CHECK(buffer == plan.expected);
    CHECK(buffer.capacity() >= 1500 + mergeRoom(1500));

    std::vector<uint8_t> bytes(10, 7);
    reserveWithRoom(bytes, 12);
    CHECK(bytes == std::vector<uint8_t>(10, 7));
    CHECK(bytes.capacity() >= 12 + mergeRoom(12));
    const uint8_t* kept = bytes.data();
    reserveWithRoom(bytes, 20);  // fits: nothing moves
    CHECK(bytes.data() == kept);
}

TEST_CASE("a sink plans pieces of an old array, or appends to an array with room to spare") {
    std::vector<uint8_t> old = {1, 2, 3, 4, 5, 6};
    ByteRelayout layout;
    ByteSink planned = ByteSink::planned(old.data(), layout);
    planned.copy(old.data() + 1, old.data() + 3);
    planned.varint(200);
    planned.copy(old.data() + 4, old.data() + 6);
    CHECK(planned.size() == 6);
    CHECK(layout.freshBytes() == 2);
    layout.apply(old);
    CHECK(old == std::vector<uint8_t>{2, 3, 0xC8, 0x01, 5, 6});

    std::vector<uint8_t> out = {9};
    out.shrink_to_fit();
    ByteSink appending = ByteSink::appending(out);
    const uint8_t more[] = {7, 8};
    appending.copy(more, more + 2);
    appending.varint(1);
    CHECK(out == std::vector<uint8_t>{9, 7, 8, 1});
    CHECK(appending.size() == 4);
    CHECK(out.capacity() >= 3 + mergeRoom(3));  // grown once with room, not doubled
}

TEST_CASE("pieces out of order are laid out in a new buffer, still right") {
    const std::string old = "abcdefgh";
    Plan plan;
    plan.copy(old, 4, 4);
    plan.copy(old, 0, 4);
    plan.copy(old, 2, 2);  // overlaps a piece already copied
    std::string buffer = withCapacity(old, 64);
    plan.layout.apply(buffer);
    CHECK(buffer == "efghabcdcd");
}

TEST_CASE("random plans: in place equals out of place, with and without room") {
    std::mt19937 rng(17);
    for (int round = 0; round < 400; ++round) {
        std::string old(std::uniform_int_distribution<size_t>(0, 300)(rng), '\0');
        for (char& c : old) c = static_cast<char>('A' + rng() % 26);
        Plan plan;
        uint64_t at = 0;
        while (at < old.size()) {
            const uint64_t skip = rng() % 3 == 0 ? rng() % 8 : 0;  // bytes dropped
            at = std::min<uint64_t>(old.size(), at + skip);
            const uint64_t n = std::min<uint64_t>(old.size() - at, rng() % 20);
            plan.copy(old, at, n);
            at += n;
            if (rng() % 3 == 0) plan.put(std::string(rng() % 12, char('a' + rng() % 26)));
        }
        const bool room = round % 2 == 0;
        std::string buffer = room ? withCapacity(old, std::max(old.size(), plan.expected.size()) + 16) : old;
        if (!room) buffer.shrink_to_fit();
        const char* before = buffer.data();
        plan.layout.apply(buffer);
        REQUIRE(buffer == plan.expected);
        if (room) CHECK(buffer.data() == before);
    }
}

}  // TEST_SUITE
