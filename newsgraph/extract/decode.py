"""Bytes -> text: refuse what is not text, honour the declared charset, catch the ones that lie."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from newsgraph.errors import NotTextError

#: File signatures of common non-text payloads (a page URL that serves an image, a PDF...).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
)
_NON_TEXT_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/octet-stream")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHARSET_PARAM = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
#: Control characters other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass
class Decoded:
    """A document's text and how it was obtained."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    damaged: bool = False  # some bytes could not be decoded and were replaced


def sniff_binary(content: bytes, content_type: str | None, source: str) -> None:
    """Raise NotTextError when the payload is an image, archive, media file or binary junk."""
    for magic, what in _MAGIC:
        if content.startswith(magic):
            raise NotTextError(f"not a text document: the content is {what}", source=source)
    if content[:4] == b"RIFF" and content[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        raise NotTextError("not a text document: the content is a RIFF media file", source=source)
    if content[4:8] == b"ftyp":
        raise NotTextError("not a text document: the content is an MP4/ISO media file", source=source)
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype.startswith(_NON_TEXT_TYPES):
        raise NotTextError(f"not a text document: served as {ctype}", source=source)


def declared_charset(content: bytes, content_type: str | None) -> str | None:
    """Return the charset the HTTP header or the page's <meta> declares, if it names a known codec."""
    candidates = []
    if content_type and (m := _CHARSET_PARAM.search(content_type)):
        candidates.append(m.group(1))
    if m := _META_CHARSET.search(content[:4096]):
        candidates.append(m.group(1).decode("ascii", "replace"))
    for name in candidates:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def decode(content: bytes, content_type: str | None, source: str) -> Decoded:
    """Return the document's text.

    Order: a byte-order mark; valid UTF-8 (whatever is declared: a page that
    decodes as UTF-8 with non-ASCII characters is UTF-8, and a declared
    single-byte charset would turn it into mojibake); the declared charset when
    it decodes the bytes; mostly-UTF-8 with a few broken bytes (replaced, and
    said so); else charset-normalizer's detection.  Raises NotTextError when no
    encoding gives text.
    """
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return _checked(Decoded(content.decode(codec, errors="replace"), codec), source)
    declared = declared_charset(content, content_type)
    warnings: list[str] = []
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared and declared not in ("utf-8", "ascii") and not text.isascii():
            warnings.append(f"declared charset {declared}, but the content is valid UTF-8: read as UTF-8")
        return _checked(Decoded(text, "utf-8", warnings), source)
    if declared and declared != "utf-8":
        try:
            return _checked(Decoded(content.decode(declared), declared), source)
        except UnicodeDecodeError:
            warnings.append(f"declared charset {declared} does not fit the content")
    elif declared == "utf-8":
        warnings.append("declared charset utf-8 does not fit the content")
    replaced = content.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd")
    valid_multibyte = sum(1 for ch in replaced if ord(ch) > 127) - broken
    if valid_multibyte > broken:
        # Mixed or damaged UTF-8: keep the UTF-8 that is there rather than re-reading it all as Latin-1.
        warnings.append(f"{broken} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
        return _checked(Decoded(replaced, "utf-8", warnings, damaged=True), source)
    best = from_bytes(content).best()
    if best is None or best.encoding is None:
        raise NotTextError("not a text document: no character encoding fits the content", source=source)
    warnings.append(f"read as {best.encoding} (detected)")
    return _checked(Decoded(str(best), best.encoding, warnings), source)


def _checked(decoded: Decoded, source: str) -> Decoded:
    """Refuse decoded 'text' that is mostly control characters or replacement marks (binary junk)."""
    sample = decoded.text[:20000]
    if sample:
        junk = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
        if junk / len(sample) > 0.05:
            raise NotTextError("not a text document: the content is binary", source=source)
    return decoded
