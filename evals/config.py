"""Evaluation configurations: named Settings overrides read from YAML, and the index each one needs."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.errors import UserError
from app.settings import Settings

CONFIGS = Path(__file__).parent / "configs"
RESERVED = {"name", "description"}
NOT_OVERRIDABLE = {"data_dir", "chroma_url", "collection"}  # the runner gives every config its own index
INGEST_FIELDS = ("chunk_size", "chunk_overlap", "embed_backend")  # settings that change what ingest writes


@dataclass(frozen=True)
class EvalConfig:
    """A name and the Settings fields it changes."""

    name: str
    overrides: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    path: Path | None = None


def default_config_paths() -> list[Path]:
    """The comparison set `aisec eval` runs without --config: evals/configs/*.yaml, default first."""
    paths = sorted(CONFIGS.glob("*.yaml"))
    return sorted(paths, key=lambda p: p.stem != "default")


def load_configs(paths: list[Path] | None = None) -> list[EvalConfig]:
    """Configurations from YAML files; a file holds one mapping or a list of them (a sweep)."""
    configs: list[EvalConfig] = []
    for path in paths or default_config_paths():
        path = Path(path)
        if not path.exists() and (CONFIGS / path).exists():
            path = CONFIGS / path
        if not path.exists() and (CONFIGS / f"{path}.yaml").exists():
            path = CONFIGS / f"{path}.yaml"
        if not path.exists():
            raise UserError(f"config file {path} not found; see {CONFIGS} for examples")
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise UserError(f"{path} is not valid YAML: {exc}") from None
        for item in raw if isinstance(raw, list) else [raw]:
            configs.append(parse_config(item, path))
    names = [c.name for c in configs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise UserError(f"configuration names must be unique; repeated: {', '.join(duplicates)}")
    if not configs:
        raise UserError("no configurations to run")
    return configs


def parse_config(raw: Any, path: Path | None = None) -> EvalConfig:
    """One configuration mapping: `name`, optional `description`, then Settings fields."""
    where = f"{path}: " if path else ""
    if not isinstance(raw, dict) or not raw.get("name"):
        raise UserError(f"{where}a configuration is a mapping with a `name` and Settings fields, got {raw!r}")
    overrides = {k: v for k, v in raw.items() if k not in RESERVED}
    unknown = set(overrides) - set(Settings.model_fields)
    if unknown:
        raise UserError(f"{where}unknown setting(s) {sorted(unknown)} in configuration {raw['name']}")
    blocked = set(overrides) & NOT_OVERRIDABLE
    if blocked:
        raise UserError(f"{where}configuration {raw['name']} may not set {sorted(blocked)}; the runner gives each index its own data dir")
    return EvalConfig(str(raw["name"]), overrides, str(raw.get("description") or ""), path)


def settings_for(config: EvalConfig, base: Settings, data_dir: Path, mode: str | None = None) -> Settings:
    """Base settings with the configuration's overrides, its own data dir and (optionally) a forced mode."""
    values = {**base.model_dump(), **config.overrides, "data_dir": data_dir, "chroma_url": None}
    if mode:
        values["answer_mode"] = mode
    try:
        return Settings(**values)
    except ValueError as exc:
        raise UserError(f"configuration {config.name} has invalid settings: {exc}") from None


def ingest_key(config: EvalConfig, base: Settings) -> str:
    """Short hash of what the index depends on; configurations with equal keys share one index.

    The ingest code and the lexicon are part of the key: incremental ingest skips files whose bytes did not change,
    so an index reused (--index-dir) after a change to how documents are built would otherwise be stale.
    """
    merged = {**base.model_dump(include=set(INGEST_FIELDS)), **{k: v for k, v in config.overrides.items() if k in INGEST_FIELDS}}
    merged["corpus_dir"] = str(Path(config.overrides.get("corpus_dir", base.corpus_dir)).resolve())
    lexicon = base.model_copy(update={"corpus_dir": Path(merged["corpus_dir"])}).lexicon_path
    merged["ingest_code"] = _ingest_code_hash(lexicon)
    digest = hashlib.sha256(json.dumps(merged, sort_keys=True).encode()).hexdigest()[:10]
    return f"chunk{merged['chunk_size']}-{merged['chunk_overlap']}-{merged['embed_backend']}-{digest}"


def _ingest_code_hash(lexicon_path: Path) -> str:
    """Digest of what builds the documents: the ingest package, the app modules its chunker calls, the lexicon."""
    import app.lexicon
    import app.sentences
    import ingest

    sources = [*sorted(Path(ingest.__file__).parent.rglob("*.py")), Path(app.sentences.__file__),
               Path(app.lexicon.__file__), lexicon_path]
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]
