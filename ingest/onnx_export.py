"""Export the packaged all-MiniLM-L6-v2 to ONNX (fp32, and int8 by dynamic quantisation), cached crash-safely."""
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

from ingest.embedding import MODEL_NAME, model_dir
from ingest.files import file_hash
from ingest.offline import enforce_offline

EXPORT_RECIPE = "1"  # bump when the export or quantisation below changes, so stale cache files are not reused
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT = "sentence_embedding"
OPSET = 17
# Dynamic int8 quantisation recipes `aisec bench` compares (weights per output channel unless named otherwise;
# "reduce-range" keeps weights to 7 bits, which avoids saturating the u8×s8 kernels of CPUs without VNNI).
INT8_RECIPES = {
    "s8": {"weight_type": "QInt8", "per_channel": True},
    "s8-reduce-range": {"weight_type": "QInt8", "per_channel": True, "reduce_range": True},
    "u8": {"weight_type": "QUInt8", "per_channel": True},
    "s8-per-tensor": {"weight_type": "QInt8", "per_channel": False},
}
SHIPPED_INT8_RECIPE = "s8-reduce-range"  # aisec bench: 1.18x the speed of "s8", nDCG@10 within the bar


def load_tokenizer():
    """AutoTokenizer from the packaged model folder, never the hub."""
    enforce_offline()
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(model_dir()), local_files_only=True)


def ensure_model_file(cache_dir: Path, variant: str) -> Path:
    """The cached ONNX file for `variant` ("fp32" or "int8"), (re)built when missing or damaged."""
    from filelock import FileLock

    enforce_offline()  # before the exporter or quantiser imports onnxruntime
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{MODEL_NAME}-{variant}-{cache_key(variant)}.onnx"
    with FileLock(f"{target}.lock"):
        if not is_intact(target):
            source = ensure_model_file(cache_dir, "fp32") if variant == "int8" else None
            with staging_file(target) as staging, _root_logger_untouched():
                if source:
                    quantize_int8(source, staging)
                else:
                    export_fp32(staging)
    return target


def ensure_optimized_file(cache_dir: Path, variant: str) -> Path:
    """The cached model file of `variant` with ONNX Runtime's portable graph optimisations applied, made once per
    runtime version and export: a session over it runs with optimisations off and starts faster, with the same
    vectors. When it is intact the export it was made from is not read (nor its checksum recomputed)."""
    made = _optimized_path(cache_dir / f"{MODEL_NAME}-{variant}-{cache_key(variant)}.onnx")
    if made and is_intact(made):
        return made  # every start but the first: no lock needed, so filelock (~10 ms) is not imported
    from filelock import FileLock

    source = ensure_model_file(cache_dir, variant)
    target = _optimized_path(source)
    with FileLock(f"{target}.lock"):
        if not is_intact(target):
            import onnxruntime as ort

            with staging_file(target) as staging:
                options = ort.SessionOptions()
                options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED  # not hardware-specific
                options.optimized_model_filepath = str(staging)
                options.log_severity_level = 3
                ort.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
    return target


def _optimized_path(source: Path) -> Path | None:
    """Where the optimised copy of the export `source` goes: named by the export's checksum and the runtime's
    version; None while the export has no checksum."""
    import onnxruntime as ort

    checksum = source.with_name(source.name + ".sha256")
    if not checksum.exists():
        return None
    return source.with_name(f"{source.name}.optimized-{checksum.read_text().strip()[:16]}-ort{ort.__version__}")


def cache_key(variant: str) -> str:
    """Hash of the variant, the export recipe and the packaged model files' names, sizes and modification times.

    Their stat, not their bytes: hashing the 90 MB of weights took longer than loading the int8 model at start-up,
    and a reinstalled or changed package changes the times.
    """
    digest = hashlib.sha256(f"{variant}\n{EXPORT_RECIPE}\n{SHIPPED_INT8_RECIPE if variant == 'int8' else ''}\n".encode())
    root = model_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def is_intact(target: Path) -> bool:
    """True when `target` exists and matches the checksum written beside it."""
    checksum = target.with_name(target.name + ".sha256")
    return target.exists() and checksum.exists() and checksum.read_text().strip() == file_hash(target)


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
        checksum.write_text(file_hash(staging))
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
    tokenizer = load_tokenizer()
    sample = tokenizer(["a short passage", "a second, somewhat longer passage to trace"], padding=True, return_tensors="pt")
    axes = {name: {0: "batch", 1: "sequence"} for name in INPUTS} | {OUTPUT: {0: "batch"}}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and tracer notices
        # dynamo=False: the torch.export-based exporter (torch's default) needs the onnxscript package; this one does not.
        torch.onnx.export(module, tuple(sample[name] for name in INPUTS), str(destination), input_names=list(INPUTS),
                          output_names=[OUTPUT], dynamic_axes=axes, opset_version=OPSET, dynamo=False)
        # check on shapes unlike the traced ones, so a size baked in by the tracer shows up here
        check = tokenizer(["one", "a check passage, longer than both traced ones, with different shapes", "x y"],
                          padding=True, return_tensors="pt")
        expected = module(*(check[name] for name in INPUTS)).numpy()
    _check_export(destination, {name: check[name].numpy() for name in INPUTS}, expected)


def _sentence_embedding_module(model):
    """BertModel + pooling, building its own padding mask: traced through transformers 5's mask helpers, the export gave wrong vectors."""
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


def quantize_int8(source: Path, destination: Path, recipe: str = SHIPPED_INT8_RECIPE) -> None:
    """Dynamic quantisation of the fp32 model by one of INT8_RECIPES."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    options = dict(INT8_RECIPES[recipe])
    with _quiet_root_logger("Please consider to run pre-processing"):
        quantize_dynamic(source, destination, **{**options, "weight_type": QuantType[options["weight_type"]]})


@contextmanager
def _root_logger_untouched() -> Iterator[None]:
    """Undo a `logging.basicConfig` the exporter or quantiser makes: its handler would print other libraries'
    DEBUG records (bm25s logs at DEBUG) in every later `aisec` command of the process."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)


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
