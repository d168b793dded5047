"""Errors raised while reading and storing documents."""

from __future__ import annotations


class IngestError(Exception):
    """A file could not be ingested; the message names the file, the reason and a fix."""


class UnsupportedFormat(IngestError):
    """The file's type is not one fou-bot reads."""


class EmptyDocument(IngestError):
    """The file holds no text to index."""


class EncryptedPdf(IngestError):
    """The PDF is encrypted with a password."""


class UnreadableFile(IngestError):
    """The file is corrupt, unreadable or not in the encoding it claims."""


class FileTooLarge(IngestError):
    """The file is over the configured size limit."""
