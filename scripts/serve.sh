#!/usr/bin/env bash
# serve.sh - dependencies, web build (Release), then serves build/web on http://127.0.0.1:${PORT:-8000}/.
# PREFIX=/papertide/ serves it under a sub-path instead (the site only uses relative URLs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build-web.sh
exec node tests/web/serve.mjs build/web --port "${PORT:-8000}" --prefix "${PREFIX:-/}"
