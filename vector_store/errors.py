"""Errors raised by the store."""

from __future__ import annotations


class StoreError(Exception):
    """The store failed; the message says what and how to fix it."""


class StoreUnavailable(StoreError):
    """The Chroma server cannot be reached."""


class EmbeddingModelNotFound(StoreError):
    """The configured embedding model is not available on this machine."""


class ModelMismatch(StoreError):
    """The collection was built with another embedding model or chunking."""
