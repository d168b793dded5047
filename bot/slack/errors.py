"""Errors raised by the Slack layer."""

from __future__ import annotations


class SlackLayerError(Exception):
    """The Slack layer failed; the message says what and how to fix it."""


class MissingSetting(SlackLayerError):
    """A token or secret the chosen mode needs is not set."""


class MalformedPayload(SlackLayerError):
    """A payload from Slack lacks a field the bot needs."""


class DownloadRefused(SlackLayerError):
    """An uploaded file cannot be fetched: wrong host, too large, or Slack refused it."""
