"""The answer engine: pure, taking a retriever and an optional chat model."""
