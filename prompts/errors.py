"""Errors of the prompts package."""

from __future__ import annotations


class PromptError(Exception):
    """A prompt or the glossary is missing, malformed, or has the wrong placeholders."""
