// The I/O layer hands the core plain named byte buffers; the type itself belongs to the core.
#pragma once
#include "core/source_file.h"

namespace papertide::io {
using SourceFile = core::SourceFile;
}  // namespace papertide::io
