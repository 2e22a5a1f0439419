"""Process-wide switches that keep every library offline and quiet."""
from __future__ import annotations

import os
from pathlib import Path


def tiktoken_cache_dir() -> Path:
    """The cl100k_base cache that llama-index-core ships (found without importing the package)."""
    import importlib.util

    spec = importlib.util.find_spec("llama_index.core")
    return Path(spec.origin).parent / "_static" / "tiktoken_cache"


def enforce_offline() -> None:
    """Point model loaders at local files and switch off telemetry and analytics."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    # onnxruntime (1.32 on Linux) otherwise starts Microsoft 1DS telemetry at import: a device id and an event queue
    # under ~/.cache/Microsoft/DeveloperTools, and DNS look-ups for its collector. Read once, at import.
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(tiktoken_cache_dir()))
