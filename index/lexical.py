"""BM25 over the chunks, with bm25s (sparse matrices, saved as .npy + JSON, no pickle).

llama-index's BM25Retriever wraps the same library but persists the whole node corpus as
JSON beside it; our chunk store already holds the nodes, so we keep only the matrix.
"""
from __future__ import annotations

import re
from pathlib import Path

import bm25s
from functools import cached_property

import numpy as np
import Stemmer

# \w+ rather than bm25s' default \w\w+: single digits matter here ("Recommendation 3").
TOKEN_PATTERN = r"(?u)\b\w+\b"
_stemmer = Stemmer.Stemmer("english")
_FOOTNOTE_GLUED = re.compile(r"([^\W\d_]{3,})\d{1,3}")


def unglued(word: str) -> str:
    """The word without the footnote number PDF extraction glues on: "Digest1" -> "Digest"."""
    glued = _FOOTNOTE_GLUED.fullmatch(word)
    return glued[1] if glued else word


def stem(word: str) -> str:
    """The stem BM25 indexes a (lower-case) word under: "allowances" and "allowance" alike."""
    return _stemmer.stemWord(word)


def tokenize(texts: list[str]) -> list[list[str]]:
    return bm25s.tokenize(
        texts, token_pattern=TOKEN_PATTERN, stopwords="en", stemmer=_stemmer,
        return_ids=False, show_progress=False,
    )


class LexicalIndex:
    def __init__(self, model: bm25s.BM25, size: int) -> None:
        self._model = model
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        model = bm25s.BM25()
        model.index(tokenize(texts) if texts else [[]], show_progress=False)
        return cls(model, len(texts))

    def save(self, path: Path) -> None:
        self._model.save(str(path), show_progress=False)
        (path / "size.txt").write_text(str(self.size))

    @classmethod
    def load(cls, path: Path) -> "LexicalIndex":
        # Memory-mapped: opening reads no matrix (0.1 s at 100k chunks otherwise).
        model = bm25s.BM25.load(str(path), mmap=True, load_corpus=False, allow_pickle=False)
        return cls(model, int((path / "size.txt").read_text()))

    @cached_property
    def _document_frequency(self) -> dict[str, int]:
        indptr = np.asarray(self._model.scores["indptr"])
        counts = np.diff(indptr)
        return {token: int(counts[i]) for token, i in self._model.vocab_dict.items() if i < len(counts)}

    @cached_property
    def _footnoted(self) -> dict[str, list[int]]:
        """Tokens that are a word with a footnote's number glued on by PDF extraction
        ("National Occupational Standards3"), by the stem of the word."""
        out: dict[str, list[int]] = {}
        for token, i in self._model.vocab_dict.items():
            word = unglued(token)
            if word != token:
                out.setdefault(stem(word), []).append(i)
        return out

    def rows_with_all(self, text: str) -> np.ndarray | None:
        """Rows whose text has every token of `text` (from the inverted index, no scan),
        a word with a footnote mark glued on counting as the word; None when `text` has
        no token to look up (all stopwords)."""
        tokens = tokenize([text])[0]
        if not tokens:
            return None
        indptr, indices = self._model.scores["indptr"], self._model.scores["indices"]
        postings = []
        for token in set(tokens):
            ids = [i for i in (self._model.vocab_dict.get(token), *self._footnoted.get(token, ())) if i is not None]
            lists = [np.asarray(indices[indptr[i]:indptr[i + 1]]) for i in ids if i + 1 < len(indptr)]
            if not lists:
                return np.zeros(0, dtype=np.int64)
            postings.append(lists[0] if len(lists) == 1 else np.unique(np.concatenate(lists)))
        # bm25s writes its matrix in CSC order, rows sorted within each term's postings:
        # the shortest list is looked up in the others by binary search, instead of
        # sorting them all together (7 ms a question at 1M chunks).
        postings.sort(key=len)
        rows = postings[0]
        for other in postings[1:]:
            if not len(rows):
                break
            at = np.minimum(np.searchsorted(other, rows), len(other) - 1)
            rows = rows[other[at] == rows]
        return rows

    def unwritten(self, tokens: set[str] | list[str]) -> frozenset[str]:
        """The (tokenized) terms no chunk uses."""
        frequency = self._document_frequency
        return frozenset(t for t in tokens if not frequency.get(t))

    def idf(self, tokens: set[str] | list[str]) -> dict[str, float]:
        """How rare each (tokenized) term is across chunks: a term the corpus never uses
        gets the highest weight, since a passage lacking it cannot be about it."""
        frequency = self._document_frequency
        n = max(self.size, 1)
        return {t: float(np.log((n - frequency.get(t, 0) + 0.5) / (frequency.get(t, 0) + 0.5) + 1.0)) for t in tokens}

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """(row, score) best first; rows outside `allowed` (a boolean mask) never appear."""
        if self.size == 0:
            return []
        tokens = [t for t in tokenize([query])[0] if t in self._model.vocab_dict]
        if not tokens:
            return []
        scores = self._model.get_scores(tokens)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        # Only rows with some query term can score: in a large index, far fewer than all.
        top = np.flatnonzero(scores > 0)
        if len(top) > k:
            top = top[np.argpartition(-scores[top], k - 1)[:k]]
        top = top[np.lexsort((top, -scores[top]))]
        return [(int(i), float(scores[i])) for i in top]
