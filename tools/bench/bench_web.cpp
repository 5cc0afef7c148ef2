// The browser benchmark's wasm entry points (target papertide_bench_web -> build/bench-web/): the same
// core and the same measurements as papertide-bench, driven step by step from bench/web/bench.mjs, which
// hands over the corpus files it fetched. Never part of the app's wasm.
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include <memory>
#include <string>
#include <vector>

#include "bench_core.h"

using namespace papertide;

namespace {

double heapInUse() { return static_cast<double>(mallinfo().uordblks); }
double wasmMemory() { return static_cast<double>(emscripten_get_heap_size()); }

std::unique_ptr<bench::Bench> g_bench;
std::vector<core::SourceFile> g_files;
std::vector<bench::Query> g_queries;
std::string g_out;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void bench_reset() {
    g_bench = std::make_unique<bench::Bench>(bench::MemoryProbe{"heap_in_use", "wasm_memory", heapInUse, wasmMemory});
    g_files.clear();
}

// Copies one file into the wasm heap, as the app's readCorpusDirectory does from MEMFS.
EMSCRIPTEN_KEEPALIVE void bench_add_file(const char* name, const char* data, int size) {
    g_files.push_back({name, std::string(data, static_cast<size_t>(size))});
}

EMSCRIPTEN_KEEPALIVE void bench_load(double readMs) {
    g_bench->load(std::move(g_files), readMs);
    g_files = {};
}

EMSCRIPTEN_KEEPALIVE void bench_index() { g_bench->buildIndex(); }

EMSCRIPTEN_KEEPALIVE void bench_queries(const char* fileText, int samples) {
    g_queries = bench::parseQueries(fileText);
    g_bench->runQueries(g_queries, samples);
}

EMSCRIPTEN_KEEPALIVE void bench_keystrokes() { g_bench->runKeystrokes(bench::typedStrings(g_queries)); }

EMSCRIPTEN_KEEPALIVE void bench_filters() { g_bench->runFilters(); }

EMSCRIPTEN_KEEPALIVE const char* bench_report() {
    g_out = g_bench->report().dump();
    return g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE double bench_wasm_memory() { return wasmMemory(); }

}  // extern "C"
