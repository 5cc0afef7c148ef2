// A tiny PNG encoder (RGBA8, stored deflate blocks): enough for screenshots, no dependency.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace papertide::platform {

// Encodes top-row-first RGBA pixels as a PNG file's bytes.
std::vector<uint8_t> encodePng(int width, int height, const std::vector<uint8_t>& rgba);
// Writes the PNG to `path`; false with `error` set when the file cannot be written.
bool writePng(const std::string& path, int width, int height, const std::vector<uint8_t>& rgba, std::string& error);

}  // namespace papertide::platform
