"""Typed settings for the whole project, read from AISEC_* environment variables."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every tunable of ingest, retrieval, answering and the UI; documented in the README."""

    model_config = SettingsConfigDict(env_prefix="AISEC_", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Where the index, snapshots and feedback live.")
    corpus_dir: Path = Field(Path("corpus"), description="Folder ingested when `aisec ingest` gets no PATH.")
    chroma_url: str | None = Field(None, description="Chroma server URL; unset means embedded Chroma in data_dir.")
    collection: str = Field("aisec-chunks", description="Chroma collection name for chunks.")

    embed_backend: Literal["torch", "onnx", "onnx-int8"] = Field("onnx-int8", description="Embedding runtime.")
    embed_batch_size: int = Field(16, ge=1, le=512, description="Chunks per embedding batch (torch, onnx; int8 embeds one at a time so a vector never depends on its batch).")
    chunk_size: int = Field(192, ge=32, le=2048, description="Chunk size in cl100k tokens.")
    chunk_overlap: int = Field(32, ge=0, le=512, description="Overlap between chunks in tokens.")
    max_file_mb: float = Field(10.0, gt=0, description="Files larger than this are refused before they are read "
                               "(10 MB of text is ~18,000 chunks: 20-40 minutes of embedding on 2 CPUs; see docs/reliability.md).")
    max_posting_rows: int = Field(10_000, ge=1, description="Postings files (JSONL/CSV) with more rows are refused after "
                                  "a streaming row count, before parsing (see docs/reliability.md).")

    greenhouse_api_base: str = Field("https://boards-api.greenhouse.io", description="Greenhouse Job Board API base URL used by `aisec fetch-postings`.")
    lever_api_base: str = Field("https://api.lever.co", description="Lever Postings API base URL (https://api.eu.lever.co for EU-hosted boards).")
    ashby_api_base: str = Field("https://api.ashbyhq.com", description="Ashby Job Postings API base URL.")
    fetch_rate_per_s: float = Field(1.0, gt=0, le=50, description="Most requests per second `aisec fetch-postings` sends to one host.")
    fetch_timeout_s: float = Field(20.0, gt=0, description="Seconds to wait for a job-board API response.")
    fetch_retries: int = Field(3, ge=0, le=10, description="Retries after a 429, a 5xx, a timeout or a connection error.")
    fetch_backoff_s: float = Field(2.0, ge=0, le=60, description="First retry delay in seconds; doubles on each retry (a 429's Retry-After wins).")

    top_k: int = Field(10, ge=1, le=50, description="Passages handed to the answerer.")
    candidate_k: int = Field(30, ge=1, le=500, description="Candidates fetched from each retrieval leg.")
    retrieval: Literal["hybrid", "dense", "bm25"] = Field("hybrid", description="Retrieval legs used.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")
    dense_weight: float = Field(1.0, ge=0, description="Weight of the dense leg in fusion.")
    bm25_weight: float = Field(1.0, ge=0, description="Weight of the BM25 leg in fusion.")
    abstain_threshold: float = Field(0.40, ge=0, le=1, description="Minimum evidence score to answer.")
    max_answer_sentences: int = Field(5, ge=1, le=20, description="Sentences in an extractive answer.")
    review_max_age_days: int = Field(90, ge=0, description="A question about what is current, answered from documents "
                                     "reviewed longer ago than this, says as of which review date the answer holds.")

    answer_mode: Literal["extractive", "llm"] = Field("extractive", description="How answers are written.")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1.")
    llm_model: str = Field("local-model", description="Model name sent to the endpoint.")
    llm_api_key: SecretStr = Field(SecretStr("not-needed"), description="API key for the endpoint (never logged).")
    llm_timeout_s: float = Field(60.0, gt=0, description="Seconds to wait for the LLM.")
    llm_max_tokens: int = Field(400, ge=16, description="Maximum tokens the LLM may generate.")

    max_question_chars: int = Field(2000, ge=10, description="Longest question accepted.")
    ui_host: str = Field("127.0.0.1", description="Address the UI binds to.")
    ui_port: int = Field(7860, ge=1, le=65535, description="Port the UI listens on.")
    ui_user: str | None = Field(None, description="Basic-auth user for the UI (with ui_password).")
    ui_password: SecretStr | None = Field(None, description="Basic-auth password for the UI.")
    ui_concurrency: int = Field(4, ge=1, le=64, description="Questions the UI answers at once.")

    @property
    def vocabulary_path(self) -> Path:
        """The controlled vocabulary shipped with the corpus."""
        return self.corpus_dir / "vocabulary.yaml"

    @property
    def editions_path(self) -> Path:
        """The editions registry: current and superseded editions of what the corpus cites, beside the vocabulary."""
        return self.corpus_dir / "editions.yaml"

    @property
    def lexicon_path(self) -> Path:
        """The word lists that reading a question and checking an answer use, beside the vocabulary; the shipped
        lexicon when a corpus folder of one's own has none."""
        own = self.corpus_dir / "lexicon.yaml"
        return own if own.exists() else Path(__file__).resolve().parents[1] / "corpus" / "lexicon.yaml"
