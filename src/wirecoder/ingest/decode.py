"""Bytes on disk -> text: read only what is needed, recognise binary files, guess legacy encodings."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

SNIFF_BYTES = 8192  # a NUL in the first 8 KB means binary (unless a UTF-16/32 BOM says otherwise)
GUESS_SAMPLE_BYTES = 1_000_000  # charset detection looks at this much; enough to decide, fast on big files
BOMS = (  # UTF-32 LE starts like UTF-16 LE: check it first
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class BinaryInput(ValueError):
    """The bytes are not text in any encoding we can recognise."""


@dataclass(frozen=True)
class RawFile:
    """The first ``limit`` bytes of a file, and its full size (to say what was left out)."""

    data: bytes
    size: int

    @property
    def truncated(self) -> bool:
        return len(self.data) < self.size


def read_head(path: Path, limit: int) -> RawFile:
    """Read at most ``limit`` bytes: a 50 MB file costs no more than the part we analyse."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        return RawFile(handle.read(limit), size)


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    return bom_encoding(data) is None and b"\x00" in data[:SNIFF_BYTES]


def decode(data: bytes, truncated: bool = False) -> tuple[str, str]:
    """Text and the encoding used. UTF-8 first; else a BOM; else charset-normalizer's best guess.

    Raises BinaryInput when no encoding fits. A file cut mid-character (``truncated``) keeps its
    complete characters only.
    """
    encoding = bom_encoding(data)
    if encoding:
        return data.decode(encoding, errors="replace"), encoding
    if looks_binary(data):
        raise BinaryInput("NUL bytes")
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=not truncated), "utf-8"
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data[:GUESS_SAMPLE_BYTES]).best()
    if guess is None:
        raise BinaryInput("no text encoding fits")
    return data.decode(guess.encoding, errors="replace"), guess.encoding


def decode_line(line: bytes) -> tuple[str, str]:
    """One JSONL line: UTF-8, else Windows-1252 (the usual culprit), never failing."""
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace"), "cp1252"
