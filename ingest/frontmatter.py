"""Lenient front matter: `key: value` lines between two `---` lines at the top of a file."""

from __future__ import annotations

import re

FENCE = re.compile(r"---[ \t]*")
FIELD = re.compile(r"(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?P<value>.*)")
# People align trailing comments (`kind: news    # press_release | news`); a `#` after two
# or more spaces or a tab starts one, while `#` inside a title ("Projekt #2") stays.
COMMENT = re.compile(r"(?:[ ]{2,}|\t)[ \t]*#.*$")
QUOTE_PAIRS = {'"': '"', "'": "'", "”": "”", "“": "”", "«": "»", "‘": "’"}


def split_front_matter(text: str) -> tuple[dict[str, str], str, list[str]]:
    """Split a front-matter block off `text`: (fields, body, warnings)."""
    text = text.removeprefix("\ufeff")
    lines = text.splitlines(keepends=True)
    opening = _first_filled_line(lines)
    if opening is None or not FENCE.fullmatch(lines[opening].rstrip("\r\n")):
        return {}, text, []
    closing = next(
        (i for i in range(opening + 1, len(lines)) if FENCE.fullmatch(lines[i].rstrip("\r\n"))),
        None,
    )
    if closing is None:
        warning = (
            f"front matter: the --- on line {opening + 1} has no closing --- line; "
            "the whole file is kept as text (close the block with --- to use it)"
        )
        return {}, text, [warning]
    fields, warnings = _parse_fields(lines[opening + 1 : closing], first_line=opening + 2)
    if fields is None:
        return {}, text, warnings
    return fields, "".join(lines[closing + 1 :]), warnings


def _first_filled_line(lines: list[str]) -> int | None:
    """The index of the first line that is not blank."""
    return next((i for i, line in enumerate(lines) if line.strip()), None)


def _parse_fields(lines: list[str], first_line: int) -> tuple[dict[str, str] | None, list[str]]:
    """Parse the block's lines; None when a line is not `key: value`, so nothing is guessed."""
    fields: dict[str, str] = {}
    warnings: list[str] = []
    for number, line in enumerate(lines, start=first_line):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = FIELD.fullmatch(stripped)
        if match is None:
            warnings.append(
                f"front matter: line {number} is not `key: value` ({stripped[:40]!r}); "
                "the whole file is kept as text (fix or remove that line to use the block)"
            )
            return None, warnings
        key, value = match["key"].lower(), _clean_value(match["value"])
        if key in fields:
            warnings.append(f"front matter: `{key}` appears twice; the first value is kept")
        elif value:
            fields[key] = value
    return fields, warnings


def _clean_value(raw: str) -> str:
    """Drop one pair of quotes around the whole value, else a trailing comment."""
    value = raw.strip()
    closer = QUOTE_PAIRS.get(value[:1])
    if closer is not None:
        end = value.find(closer, 1)
        rest = value[end + 1 :].strip() if end > 0 else None
        # `"A" och "B"` is not one quoted value: only a lone pair, maybe with a comment.
        if rest is not None and (not rest or rest.startswith("#")):
            return value[1:end].strip()
    return COMMENT.sub("", value).strip()
