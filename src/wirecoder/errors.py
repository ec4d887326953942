"""Errors a user can hit. Each has a code and a sentence that says what to do.

Hierarchy::

    WirecoderError
    ├── InputError        (W1xx) an input could not be read as an article; the run goes on
    ├── KnowledgeError    (W2xx) a knowledge file does not match its schema
    ├── GazetteerError    (W3xx) the gazetteer index is missing or an import file is malformed
    ├── StoreError        (W4xx) the database file is not a wirecoder database or is newer than this version
    └── PipelineError     (W5xx) stages do not chain (a stage reads what no earlier stage writes)
"""

from __future__ import annotations


class WirecoderError(Exception):
    code = "W000"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code

    def __str__(self) -> str:
        return f"{self.code}: {self.args[0]}"


class InputError(WirecoderError):
    code = "W100"


class KnowledgeError(WirecoderError):
    code = "W200"


class GazetteerError(WirecoderError):
    code = "W300"


class StoreError(WirecoderError):
    code = "W400"


class PipelineError(WirecoderError):
    code = "W500"


# Coded messages (spaCy-style constants). Format with .format(**values).
W101 = "{origin}: empty file, nothing to read."
W102 = "{origin}: binary file (not text, HTML, a feed or JSONL); skipped."
W103 = "{origin}: not valid UTF-8; decoded as {encoding}."
W104 = "{origin}: {size} characters, over the {limit} limit; only the first {limit} were analysed."
W105 = "{origin}: line {line} is not valid JSON ({detail}); skipped that line."
W106 = "{origin}: line {line} has no 'id' or no 'text'; skipped that line."
W107 = "{origin}: malformed feed ({detail}); kept the {count} entries that could be read."
W108 = "{origin}: HTML with no readable main text; skipped."
W109 = "{origin}: cannot read file ({detail}); skipped."
W110 = "{origin}: no such file or directory; check the path."
W111 = "{origin}: {size} bytes, over the {limit}-character limit; only the first {limit} characters were analysed."
W112 = "{origin}: feed entry {entry} has no text; skipped that entry."
W113 = "{origin}: {size} bytes, over the {limit}-byte limit for HTML and feeds; only the start was read."
W114 = "{origin}: {suffix} is not a text, HTML, feed or JSONL extension; skipped (give the file directly to read it anyway)."
W201 = "{path}: row {row} lacks required column '{column}'. Fix the row or remove it."
W202 = "{path}: column '{column}' has value {value!r}; expected {expected}."
W301 = "{path}: line {line} does not have GeoNames' {expected} tab-separated columns; skipped."
W401 = "{path}: database schema version {found} is newer than this wirecoder ({known}); upgrade wirecoder."
W402 = "{path}: not a wirecoder database (no schema_migrations table) and not empty; choose another --db."
W501 = "Stage '{stage}' reads '{field}', which no earlier stage writes. Reorder the stages."
