"""The Chroma store of passages, documents and grants, and the lexical index beside it."""
