"""All of Ateb's settings in one pydantic model.

Precedence: CLI flags > `ATEB_*` environment variables > defaults. Every default works
offline on a fresh clone.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _project_root() -> Path:
    """The checkout this code runs from (editable install), else the working directory."""
    here = Path(__file__).resolve().parents[1]
    return here if (here / "pyproject.toml").exists() else Path.cwd()


PROJECT_ROOT = _project_root()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ATEB_", extra="ignore")

    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="documents + manifest.json")
    index_dir: Path = Field(PROJECT_ROOT / "var" / "index", description="built index directory")

    # Chunking, in the embedding model's own word-piece tokens: all-MiniLM-L6-v2 reads at
    # most 256, so a chunk plus its title/section prefix must stay under that.
    chunk_tokens: int = 180
    chunk_overlap_tokens: int = 30

    # Retrieval.
    top_k: int = Field(10, description="chunks listed in `retrieved`")
    candidate_k: int = Field(40, description="candidates taken from each retriever before fusion")
    rrf_k: int = Field(60, description="reciprocal rank fusion constant")

    # Answering.
    answer_max_sentences: int = 3
    answer_max_words: int = 60
    answer_chunks: int = Field(8, description="top fused chunks whose sentences are scored")
    abstain_below: float = Field(
        0.45, description="best sentence score under which the assistant says it cannot answer"
    )

    embed_batch_size: int = 32

    # The app (`ateb serve`): loopback only unless told otherwise; login when users exist.
    data_dir: Path = Field(PROJECT_ROOT / "var", description="feedback log, exports")
    host: str = Field("127.0.0.1", description="address the app binds to")
    port: int = Field(7860, description="port the app listens on")
    users_file: Path | None = Field(None, description="JSON users file with hashed passwords and roles")


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (e.g. CLI) values on top."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)
