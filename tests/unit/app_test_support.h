// What the tests of src/app share: an AppServices that records what the host was asked to do, and a small
// bundled corpus (two digests, three papers) to build the model from.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/app_services.h"
#include "test_support.h"

namespace papertide::test {

struct RecordingServices : app::AppServices {
    std::map<std::string, std::string> values;  // localStorage
    std::map<std::string, std::string> kept;    // the reader's digests in storage
    std::map<std::string, std::string> saved;   // downloads
    std::vector<std::pair<std::string, bool>> hashes;  // written hashes, with push
    std::vector<std::string> warnings;
    int bundledRequests = 0;
    bool dark = true;
    std::optional<std::string> loadValue(std::string_view key) override {
        auto it = values.find(std::string(key));
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    void saveValue(std::string_view key, std::string_view value) override { values[std::string(key)] = value; }
    void writeLocationHash(std::string_view hash, bool push) override { hashes.emplace_back(hash, push); }
    void warn(std::string_view message) override { warnings.emplace_back(message); }
    void storeUserDigest(std::string_view name, std::string_view bytes) override { kept[std::string(name)] = bytes; }
    void forgetUserDigest(std::string_view name) override { kept.erase(std::string(name)); }
    void requestBundledFiles() override { ++bundledRequests; }
    std::string saveFile(std::string_view name, std::string_view, std::string_view bytes) override {
        saved[std::string(name)] = bytes;
        return "Downloads/" + std::string(name);
    }
    std::string currentMonth() override { return "2030-01"; }
    bool prefersDarkScheme() override { return dark; }
};

// topics.json and two digests sharing one paper: three papers.
inline std::vector<SourceFile> bundledTestFiles() {
    return {{"topics.json", kTestTaxonomy},
            digestFile(digestJson("2023-01-a", "2023-01",
                                  {paperJson("arxiv:2301.00001", "Denoising Diffusion Everywhere", {"Ada One"}, {"diffusion"}),
                                   paperJson("arxiv:2301.00002", "Reward Models at Scale", {"Bo Two"}, {"rl"})})),
            digestFile(digestJson("2023-02-b", "2023-02",
                                  {paperJson("arxiv:2301.00001", "Denoising Diffusion Everywhere", {"Ada One"}, {"diffusion"}),
                                   paperJson("arxiv:2302.00003", "Vision Language Models", {"Cy Three"}, {"vision"})}))};
}

}  // namespace papertide::test
