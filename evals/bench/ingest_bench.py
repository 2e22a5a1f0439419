"""Ingest throughput against the embedding limit and against llama-index's defaults, on the same documents."""
from __future__ import annotations

import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from app.settings import Settings
from ingest.models import Document
from ingest.preview import indexed_chunks, indexed_documents
from ingest.sync import run_ingest


@dataclass
class IngestFigures:
    """One dataset's timings; ratios are ingest / encode and baseline / ingest."""

    dataset: str
    documents: int
    chunks: int
    encode_s: float  # SentenceTransformer.encode (PyTorch): the embedding limit the goal is stated against
    embedder_s: float  # the embedder ingest uses (AISEC_EMBED_BACKEND), alone on the same texts
    ingest_s: float
    baseline_s: float | None
    baseline_chunks: int | None
    baseline_truncated_share: float | None  # share of the baseline's word pieces past the model's 256-piece window
    same_chunking_baseline_s: float | None  # llama-index defaults but with our chunk size and overlap

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.ingest_s

    @property
    def ratio_to_encode(self) -> float:
        return self.ingest_s / self.encode_s

    @property
    def ratio_to_embedder(self) -> float:
        return self.ingest_s / self.embedder_s

    @property
    def speedup_vs_baseline(self) -> float | None:
        return self.baseline_s / self.ingest_s if self.baseline_s else None

    @property
    def speedup_vs_same_chunking(self) -> float | None:
        return self.same_chunking_baseline_s / self.ingest_s if self.same_chunking_baseline_s else None

    def to_dict(self) -> dict:
        return {**asdict(self), "chunks_per_s": round(self.chunks_per_s, 1), "ratio_to_encode": round(self.ratio_to_encode, 3),
                "ratio_to_embedder": round(self.ratio_to_embedder, 3),
                "speedup_vs_baseline": round(self.speedup_vs_baseline, 2) if self.speedup_vs_baseline else None,
                "speedup_vs_same_chunking": round(self.speedup_vs_same_chunking, 2) if self.speedup_vs_same_chunking else None}


def bench_ingest(name: str, corpus_dir: Path, work: Path, embedder, reference, *, with_baseline: bool,
                 with_same_chunking: bool, settings: Settings | None = None) -> IngestFigures:
    """Time pure encoding (`reference`, a SentenceTransformer), the ingest embedder alone, our ingest and
    (optionally) the naive baselines on one corpus, in this process."""
    settings = Settings(**{**(settings.model_dump() if settings else {}), "data_dir": work / f"{name}-index", "corpus_dir": corpus_dir})
    shutil.rmtree(settings.data_dir, ignore_errors=True)
    documents = indexed_documents(settings)
    texts = [chunk.index_text for _, chunk in indexed_chunks(settings)]
    started = time.perf_counter()
    reference.encode(texts, batch_size=settings.embed_batch_size, normalize_embeddings=True, show_progress_bar=False)
    encode_s = time.perf_counter() - started
    started = time.perf_counter()
    embedder.embed_passages(texts)
    embedder_s = time.perf_counter() - started
    report = run_ingest(settings, [corpus_dir], embedder=embedder, show_progress=False)
    if report.failed or report.skipped or report.chunks_written != len(texts):
        raise RuntimeError(f"the {name} ingest did not write all {len(texts)} chunks, so its time means nothing: {report.to_dict()}")
    baseline = same_chunking = (None, None, None)
    if with_baseline:
        baseline = naive_llama_index_ingest(documents, work / f"{name}-baseline")
    if with_same_chunking:
        same_chunking = naive_llama_index_ingest(documents, work / f"{name}-baseline-192", settings.chunk_size, settings.chunk_overlap)
    return IngestFigures(name, len(documents), len(texts), round(encode_s, 2), round(embedder_s, 2), round(report.seconds, 2),
                         _round(baseline[0]), baseline[1], _round(baseline[2], 3), _round(same_chunking[0]))


def _round(value: float | None, digits: int = 2) -> float | None:
    return round(value, digits) if value is not None else None


def naive_llama_index_ingest(documents: list[Document], folder: Path, chunk_size: int | None = None,
                             chunk_overlap: int | None = None) -> tuple[float, int, float]:
    """llama-index defaults: VectorStoreIndex.from_documents, HuggingFaceEmbedding at its default batch size, Chroma.

    Returns seconds, chunks, and the share of word pieces the model silently dropped (past 256 per chunk).
    With `chunk_size`, the default SentenceSplitter is replaced by one with our chunking, for a like-for-like run.
    """
    import chromadb
    from llama_index.core import Document as LlamaDocument
    from llama_index.core import StorageContext, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from ingest.embedding import model_dir

    shutil.rmtree(folder, ignore_errors=True)
    embed_model = HuggingFaceEmbedding(model_name=str(model_dir()), device="cpu")
    embed_model.get_text_embedding("warm up")
    client = chromadb.PersistentClient(path=str(folder), settings=chromadb.Settings(anonymized_telemetry=False))
    store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("baseline"))
    llama_documents = [LlamaDocument(text=d.text, metadata={"source": d.source, "title": d.title}) for d in documents]
    transformations = None
    if chunk_size:
        from llama_index.core.node_parser import SentenceSplitter

        transformations = [SentenceSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap)]
    started = time.perf_counter()
    VectorStoreIndex.from_documents(llama_documents, storage_context=StorageContext.from_defaults(vector_store=store),
                                    embed_model=embed_model, transformations=transformations)
    seconds = time.perf_counter() - started
    texts = client.get_collection("baseline").get(include=["documents"])["documents"]
    tokenizer = embed_model._model.tokenizer
    pieces = [len(tokenizer(t, add_special_tokens=True, truncation=False)["input_ids"]) for t in texts]
    dropped = sum(max(0, p - 256) for p in pieces) / max(1, sum(pieces))
    return seconds, len(texts), dropped
