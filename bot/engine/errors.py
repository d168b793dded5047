"""Errors of the answer engine."""

from __future__ import annotations

from collections.abc import Sequence


class EngineError(Exception):
    """Base of every error the answer engine raises."""


class QuestionTooLong(EngineError):
    """A question is longer than the configured limit."""

    def __init__(self, length: int, limit: int) -> None:
        self.length, self.limit = length, limit
        super().__init__(
            f"question: {length} characters is over the limit of {limit}; shorten it, "
            "or raise FOU_MAX_QUESTION_CHARS"
        )


class EvidenceError(EngineError, ValueError):
    """Evidence handed to the language model is inconsistent (numbering, empty passage)."""


class LlmConfigError(EngineError):
    """The language-model settings cannot work together (say which setting to change)."""


class ModelReplyError(EngineError):
    """The language model answered, but the reply cannot be shown (empty, garbled, uncited)."""


class UngroundedFigureError(ModelReplyError):
    """The model's answer states a figure that no cited source contains."""

    def __init__(self, figures: Sequence[str]) -> None:
        self.figures = tuple(figures)
        super().__init__(
            f"the model's answer states {', '.join(repr(f) for f in self.figures)}, "
            "which no cited source contains; the extractive answer is shown instead"
        )
