// The current view or the bookmarks as files a reader takes elsewhere: BibTeX, CSV, JSON and Markdown,
// each with title, authors, links, months, topics and the digests' own summaries.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace papertide::core {

enum class ExportFormat { BibTeX, Csv, Json, Markdown };
std::optional<ExportFormat> parseExportFormat(std::string_view name);  // bibtex, csv, json, md
const char* exportExtension(ExportFormat format);                     // ".bib", ".csv", ".json", ".md"
const char* exportMimeType(ExportFormat format);

std::string exportPapers(const Corpus& corpus, const std::vector<PaperIndex>& papers, ExportFormat format);

}  // namespace papertide::core
