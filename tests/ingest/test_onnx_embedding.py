"""The ONNX Runtime embedders give the torch vectors (fp32) or close to them (int8), from a crash-safe cache."""
from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import numpy as np
import pytest

import ingest.onnx_export as onnx_export
from app.settings import Settings
from ingest.embedding import MAX_WORD_PIECES, Embedder, make_embedder
from ingest.llama_embedding import ProjectEmbedding
from ingest.onnx_embedding import OnnxEmbedder
from ingest.onnx_export import ensure_model_file

pytestmark = pytest.mark.slow

TEXTS = [
    "What skills do MLSecOps postings ask for?",
    "AI red teamer",
    "",
    "   padded with spaces and a tab\t",
    "The EU AI Act classifies systems by risk; high-risk systems need conformity assessment before deployment.",
    "OWASP LLM01: prompt injection. LLM02: sensitive information disclosure.",
    "Salary: $180,000–$240,000 + equity (San Francisco, CA) — remote OK.",
    "Ünïcödé, naïve café façade; 東京 and Zürich; emoji 🔐🤖",
    "def load(path):\n    return yaml.safe_load(open(path))",
    "## Responsibilities\n- Threat-model ML pipelines\n- Review model supply chain (SBOM, signing)",
    "ISO/IEC 42001 AI management system",
    "MITRE ATLAS AML.T0051 LLM Prompt Injection",
    "security " * 3,
    "A governance lead owns the AI risk register, model inventory and policy exceptions across business units.",
    "CISSP, OSCP, GIAC GPEN, and the new AI-specific certifications",
    "12345 67890 3.14159 0xDEADBEEF",
    "UPPER CASE TEXT SHOULD MATCH LOWER CASE TEXT",
    "Transition paths: from application security to AI security engineering in 6-12 months.",
    "Why? Because. " * 5,
    " ".join(f"paragraph{i} about adversarial machine learning, data poisoning and model extraction" for i in range(40)),
]


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(axis=1)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="module")
def fp32(cache_dir) -> OnnxEmbedder:
    return OnnxEmbedder(cache_dir, batch_size=4)  # small batches: several length-sorted batches per call


@pytest.fixture(scope="module")
def int8(cache_dir) -> OnnxEmbedder:
    return OnnxEmbedder(cache_dir, quantized=True, batch_size=4)


@pytest.fixture(scope="module")
def torch_vectors(torch_embedder) -> np.ndarray:
    return torch_embedder.embed_passages(TEXTS)


def model_files(folder: Path, variant: str) -> list[Path]:
    return sorted(folder.glob(f"*-{variant}-*.onnx"))


def test_fp32_matches_torch(fp32, torch_embedder, torch_vectors):
    assert torch_embedder.count_word_pieces(TEXTS[-1]) > MAX_WORD_PIECES  # truncation is exercised
    assert fp32.count_word_pieces(TEXTS[-1]) == torch_embedder.count_word_pieces(TEXTS[-1])
    vectors = fp32.embed_passages(TEXTS)
    assert vectors.shape == (len(TEXTS), 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert cosine(vectors, torch_vectors).min() >= 0.9999
    assert cosine(fp32.embed_query(TEXTS[0])[None], torch_vectors[:1])[0] >= 0.9999
    assert fp32.embed_passages([]).shape == (0, 384)


def test_int8_close_to_fp32(fp32, int8, capsys):
    reference, quantized = fp32.embed_passages(TEXTS), int8.embed_passages(TEXTS)
    similarity = cosine(quantized, reference)
    with capsys.disabled():
        print(f"\nint8 vs fp32 cosine: mean {similarity.mean():.4f}, min {similarity.min():.4f}")
    assert similarity.mean() >= 0.9
    assert model_files(int8.cache_dir, "int8")[0].stat().st_size < model_files(fp32.cache_dir, "fp32")[0].stat().st_size / 2


def test_int8_vectors_do_not_depend_on_their_batch(int8):
    together = int8.embed_passages(TEXTS)
    alone = np.stack([int8.embed_passages([text])[0] for text in TEXTS])
    assert np.array_equal(together, alone)  # dynamic quantisation would otherwise scale by the batch's activations


def test_int8_vectors_do_not_depend_on_the_thread_count(int8):
    """The embedder's session runs on every core: its vectors are those of a one-thread session."""
    import onnxruntime as ort

    from ingest.onnx_export import OUTPUT

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    plain = ort.InferenceSession(str(ensure_model_file(int8.cache_dir, "int8")), options, providers=["CPUExecutionProvider"])
    expected = np.stack([plain.run([OUTPUT], int8.tokenizer.batch([text]).feeds())[0][0] for text in TEXTS])
    assert np.array_equal(int8.embed_passages(TEXTS), expected)


def test_exporting_leaves_the_root_logger_alone(tmp_path):
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    ensure_model_file(tmp_path, "int8")
    assert root.handlers == handlers and root.level == level  # or bm25s's DEBUG records reach the terminal


def test_cache_is_reused(fp32, cache_dir, monkeypatch):
    fp32.session  # make sure the file exists
    [path] = model_files(cache_dir, "fp32")
    before = path.stat().st_mtime_ns
    monkeypatch.setattr(onnx_export, "export_fp32", lambda *_: pytest.fail("exported again"))
    again = OnnxEmbedder(cache_dir)
    assert np.allclose(again.embed_passages(TEXTS[:3]), fp32.embed_passages(TEXTS[:3]), atol=1e-6)
    assert path.stat().st_mtime_ns == before
    assert not list(cache_dir.glob("*.tmp*"))


def test_corrupt_cache_file_is_rebuilt(int8, cache_dir, tmp_path):
    int8.session
    for path in cache_dir.glob("*.onnx*"):
        if ".optimized-" not in path.name:  # the exports alone: the optimised copy is made again from the rebuilt one
            shutil.copy2(path, tmp_path / path.name)
    [damaged] = model_files(tmp_path, "int8")
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])  # a half-written file
    before = damaged.stat().st_mtime_ns
    rebuilt = OnnxEmbedder(tmp_path, quantized=True)
    assert np.allclose(rebuilt.embed_passages(TEXTS[:5]), int8.embed_passages(TEXTS[:5]), atol=1e-5)
    assert damaged.stat().st_mtime_ns != before
    assert onnx_export.is_intact(damaged)


def test_failed_export_leaves_no_file(tmp_path, monkeypatch):
    def crash(destination: Path) -> None:
        destination.write_bytes(b"half a model")
        raise KeyboardInterrupt

    monkeypatch.setattr(onnx_export, "export_fp32", crash)
    with pytest.raises(KeyboardInterrupt):
        ensure_model_file(tmp_path, "fp32")
    assert not [p for p in tmp_path.iterdir() if not p.name.endswith(".lock")]


def test_llama_index_wrapper_returns_same_vectors(fp32, torch_embedder, torch_vectors):
    for wrapped, expected in ((fp32, fp32.embed_passages(TEXTS)), (torch_embedder, torch_vectors)):
        llama = ProjectEmbedding(wrapped, embed_batch_size=7)
        assert llama.model_name == "all-MiniLM-L6-v2"
        assert np.allclose(llama.get_text_embedding_batch(TEXTS), expected, atol=1e-6)
        assert np.allclose(llama.get_query_embedding(TEXTS[0]), expected[0], atol=1e-6)
        assert np.allclose(llama.get_text_embedding(TEXTS[4]), expected[4], atol=1e-6)
        assert np.allclose(asyncio.run(llama.aget_query_embedding(TEXTS[1])), expected[1], atol=1e-6)
        assert np.allclose(asyncio.run(llama.aget_text_embedding_batch(TEXTS[:5])), expected[:5], atol=1e-6)


def test_factory_follows_the_setting(tmp_path):
    assert isinstance(make_embedder(Settings(data_dir=tmp_path, embed_backend="torch")), Embedder)
    onnx = make_embedder(Settings(data_dir=tmp_path, embed_backend="onnx", embed_batch_size=8))
    quantized = make_embedder(Settings(data_dir=tmp_path, embed_backend="onnx-int8"))
    assert isinstance(onnx, OnnxEmbedder) and onnx.variant == "fp32" and onnx.batch_size == 8
    assert isinstance(quantized, OnnxEmbedder) and quantized.variant == "int8"
    assert onnx.cache_dir == tmp_path / "models" and not onnx.cache_dir.exists()  # nothing exported until first use


@pytest.mark.parametrize("variant", ["fp32", "int8"])
def test_the_pre_optimised_model_gives_the_same_vectors(cache_dir, variant):
    """The embedder opens a copy of the export whose graph was optimised once: its vectors are bit-identical to a
    default session's over the export itself."""
    import onnxruntime as ort

    from ingest.onnx_export import OUTPUT, ensure_optimized_file

    embedder = OnnxEmbedder(cache_dir, quantized=variant == "int8", batch_size=1)
    plain = ort.InferenceSession(str(ensure_model_file(cache_dir, variant)), providers=["CPUExecutionProvider"])
    expected = np.stack([plain.run([OUTPUT], embedder.tokenizer.batch([text]).feeds())[0][0] for text in TEXTS])
    assert np.array_equal(embedder.embed_passages(TEXTS), expected)
    optimised = ensure_optimized_file(cache_dir, variant)
    assert optimised.stat().st_mtime_ns == ensure_optimized_file(cache_dir, variant).stat().st_mtime_ns  # made once
    assert onnx_export.is_intact(optimised) and not list(cache_dir.glob("*.tmp*"))


def test_a_damaged_optimised_copy_is_made_again(int8, cache_dir, tmp_path):
    from ingest.onnx_export import ensure_optimized_file

    int8.session
    for path in cache_dir.glob("*.onnx*"):
        shutil.copy2(path, tmp_path / path.name)
    optimised = ensure_optimized_file(tmp_path, "int8")
    optimised.write_bytes(optimised.read_bytes()[: optimised.stat().st_size // 2])
    assert np.array_equal(OnnxEmbedder(tmp_path, quantized=True).embed_passages(TEXTS[:5]), int8.embed_passages(TEXTS[:5]))
    assert onnx_export.is_intact(optimised)
