"""all-MiniLM-L6-v2 on ONNX Runtime: exported locally from the packaged weights (fp32 or int8), cached in the data dir."""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np

from ingest.embedding import DIMENSION, MAX_WORD_PIECES, MODEL_NAME, model_dir
from ingest.offline import enforce_offline

EXPORT_RECIPE = "1"  # bump when the export or quantisation below changes, so stale cache files are not reused
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT = "sentence_embedding"
OPSET = 17


class OnnxEmbedder:
    """Same interface and vectors as `Embedder`, computed by ONNX Runtime on the CPU."""

    name = MODEL_NAME

    def __init__(self, cache_dir: Path, *, quantized: bool = False, batch_size: int = 16):
        self.cache_dir = Path(cache_dir)
        self.variant = "int8" if quantized else "fp32"
        self.batch_size = batch_size
        self.dimension = DIMENSION
        self._session = None
        self._tokenizer = None

    @property
    def session(self):
        """The inference session, exporting (and quantising) the model on first use."""
        if self._session is None:
            enforce_offline()
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.intra_op_num_threads = os.cpu_count() or 1
            options.log_severity_level = 3
            path = ensure_model_file(self.cache_dir, self.variant)
            self._session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        return self._session

    @property
    def tokenizer(self):
        """The packaged model's word-piece tokenizer (local files only)."""
        if self._tokenizer is None:
            self._tokenizer = load_tokenizer()
        return self._tokenizer

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """One normalised row per text; batches are cut from texts sorted by length so padding stays small."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for start in range(0, len(texts), self.batch_size):
            rows = order[start : start + self.batch_size]
            batch = self.tokenizer([texts[i] for i in rows], padding=True, truncation=True,
                                   max_length=MAX_WORD_PIECES, return_tensors="np")
            out[rows] = self.session.run([OUTPUT], {name: batch[name].astype(np.int64) for name in INPUTS})[0]
        return out

    def embed_query(self, text: str) -> np.ndarray:
        """A single query vector."""
        return self.embed_passages([text])[0]

    def count_word_pieces(self, text: str) -> int:
        """How many word pieces the model's tokenizer makes of `text` (special tokens included)."""
        return len(self.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])


def load_tokenizer():
    """AutoTokenizer from the packaged model folder, never the hub."""
    enforce_offline()
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(model_dir()), local_files_only=True)


def ensure_model_file(cache_dir: Path, variant: str) -> Path:
    """The cached ONNX file for `variant` ("fp32" or "int8"), (re)built when missing or damaged."""
    from filelock import FileLock

    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{MODEL_NAME}-{variant}-{cache_key(variant)}.onnx"
    with FileLock(f"{target}.lock"):
        if not is_intact(target):
            source = ensure_model_file(cache_dir, "fp32") if variant == "int8" else None
            with staging_file(target) as staging:
                if source:
                    quantize_int8(source, staging)
                else:
                    export_fp32(staging)
    return target


def cache_key(variant: str) -> str:
    """Hash of the packaged model files, the variant and the export recipe."""
    digest = hashlib.sha256(f"{variant}\n{EXPORT_RECIPE}\n".encode())
    root = model_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(file_sha256(path).encode())
    return digest.hexdigest()[:16]


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_intact(target: Path) -> bool:
    """True when `target` exists and matches the checksum written beside it."""
    checksum = target.with_name(target.name + ".sha256")
    return target.exists() and checksum.exists() and checksum.read_text().strip() == file_sha256(target)


@contextmanager
def staging_file(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, moved into place (with its checksum) only if the block succeeds."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp.onnx")
    os.close(handle)
    staging = Path(name)
    try:
        yield staging
        staging.chmod(0o644)  # mkstemp creates it private; the cache is an ordinary file
        checksum = staging.with_name(staging.name + ".sha256")
        checksum.write_text(file_sha256(staging))
        os.replace(staging, target)
        os.replace(checksum, target.with_name(target.name + ".sha256"))
    finally:
        for leftover in (staging, staging.with_name(staging.name + ".sha256")):
            leftover.unlink(missing_ok=True)


def export_fp32(destination: Path) -> None:
    """Trace transformer + mean pooling + L2 normalisation into one ONNX graph with dynamic batch and length."""
    enforce_offline()
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    model = AutoModel.from_pretrained(str(model_dir()), attn_implementation="eager", local_files_only=True).eval()
    module = _sentence_embedding_module(model)
    sample = load_tokenizer()(["a short passage", "a second, somewhat longer passage to trace"], padding=True, return_tensors="pt")
    args = tuple(sample[name] for name in INPUTS)
    axes = {name: {0: "batch", 1: "sequence"} for name in INPUTS} | {OUTPUT: {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and tracer notices
        # dynamo=False: the torch.export-based exporter needs the onnxscript package; the TorchScript one does not.
        torch.onnx.export(module, args, str(destination), input_names=list(INPUTS), output_names=[OUTPUT],
                          dynamic_axes=axes, opset_version=OPSET, dynamo=False)
        expected = module(*args).numpy()
    _check_export(destination, {name: sample[name].numpy() for name in INPUTS}, expected)


def _sentence_embedding_module(model):
    """Wrap a BertModel so the traced graph builds its own padding mask (transformers' mask helpers trace to constants)."""
    import torch

    class SentenceEmbedding(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.bert.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
            mask = attention_mask.to(hidden.dtype)
            additive = (1.0 - mask[:, None, None, :]) * torch.finfo(hidden.dtype).min
            hidden = self.bert.encoder(hidden, attention_mask=additive).last_hidden_state
            pooled = (hidden * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    return SentenceEmbedding().eval()


def _check_export(path: Path, feeds: dict[str, np.ndarray], expected: np.ndarray) -> None:
    import onnxruntime as ort

    got = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run([OUTPUT], feeds)[0]
    if not np.allclose(got, expected, atol=1e-4):
        raise RuntimeError(f"the ONNX export of {MODEL_NAME} disagrees with PyTorch (max diff {np.abs(got - expected).max():.3g})")


def quantize_int8(source: Path, destination: Path) -> None:
    """Dynamic quantisation: int8 weights, per output channel (mean cosine to fp32 0.99 vs 0.95 per tensor)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with _quiet_root_logger("Please consider to run pre-processing"):
        quantize_dynamic(source, destination, weight_type=QuantType.QInt8, per_channel=True)


@contextmanager
def _quiet_root_logger(message: str) -> Iterator[None]:
    """Drop one advisory message that onnxruntime's quantiser logs on the root logger."""
    root = logging.getLogger()
    drop = lambda record: message not in record.getMessage()  # noqa: E731
    root.addFilter(drop)
    try:
        yield
    finally:
        root.removeFilter(drop)
