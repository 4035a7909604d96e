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


#: Codecs Python calls text encodings that are no page's charset: they raise on any input ("undefined"),
#: or turn escapes and punycode into arbitrary text.
_NOT_A_CHARSET = frozenset({
    "undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "mbcs", "oem",
})
#: A few non-ASCII letters read as one single-byte charset or another are all equally "clean" to a detector;
#: then windows-1252 is the web's legacy default (WHATWG Encoding Standard), and it is the one chosen.
_WEB_DEFAULT = "cp1252"
#: Share of zero bytes in the right lanes that marks UTF-16/UTF-32 text without a byte-order mark.
_WIDE_SHARE = 0.9


@dataclass
class Decoded:
    """A document's text and how it was obtained."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    damaged: bool = False  # some bytes could not be decoded and were replaced
    guessed: bool = False  # the declared charset did not fit and the encoding was detected: may be mojibake


def text_codec(name: str) -> str | None:
    """Return the Python codec name for a charset label when it is a real text encoding, else None
    (unknown labels, and codecs such as rot13, base64, zlib or "undefined" that no page can be written in)."""
    try:
        info = codecs.lookup(name.strip())
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_A_CHARSET:
        return None
    return info.name


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


def declared_charsets(content: bytes, content_type: str | None) -> list[str]:
    """Return the charset labels the HTTP header and the page's <meta> declare, in that order (as written)."""
    labels = []
    if content_type and (m := _CHARSET_PARAM.search(content_type)):
        labels.append(m.group(1))
    if m := _META_CHARSET.search(content[:4096]):
        labels.append(m.group(1).decode("ascii", "replace"))
    return labels


def declared_charset(content: bytes, content_type: str | None) -> str | None:
    """Return the first declared charset that is a real text encoding (see ``text_codec``), else None."""
    for label in declared_charsets(content, content_type):
        if codec := text_codec(label):
            return codec
    return None


def wide_encoding(content: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be"/"utf-32-le"/"utf-32-be" when the bytes are mostly ASCII text in one
    of them without a byte-order mark (zero bytes in the high lanes), else None."""
    sample = content[:4000]
    if len(sample) < 8:
        return None
    for width, name in ((4, "utf-32"), (2, "utf-16")):
        units = len(sample) // width
        lanes = [sum(1 for i in range(units) if sample[i * width + lane] == 0) / units for lane in range(width)]
        if width == 4 and lanes[1] > _WIDE_SHARE and lanes[2] > _WIDE_SHARE:
            if lanes[3] > _WIDE_SHARE and lanes[0] < 0.5:
                return f"{name}-le"
            if lanes[0] > _WIDE_SHARE and lanes[3] < 0.5:
                return f"{name}-be"
        if width == 2:
            if lanes[1] > _WIDE_SHARE and lanes[0] < 0.5:
                return f"{name}-le"
            if lanes[0] > _WIDE_SHARE and lanes[1] < 0.5:
                return f"{name}-be"
    return None


def _try(content: bytes, codec: str) -> str | None:
    """Return the bytes decoded strictly with ``codec``, or None when it does not fit or the codec fails."""
    try:
        return content.decode(codec)
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None


def decode(content: bytes, content_type: str | None, source: str) -> Decoded:
    """Return the document's text.

    Order: a byte-order mark; UTF-16/32 without one; valid UTF-8 (whatever is
    declared: a declared single-byte charset would turn it into mojibake); the
    declared charset when it is a real text encoding and decodes the bytes;
    mostly-UTF-8 with a few broken bytes (replaced, and said so); else
    charset-normalizer's detection, flagged ``guessed`` (the text may be
    mojibake).  A label that is no text encoding (rot13, base64, zlib...) is
    ignored with a warning.  Raises NotTextError when no encoding gives text.
    """
    for bom, codec in _BOMS:
        if content.startswith(bom):
            return _checked(Decoded(content.decode(codec, errors="replace"), codec), source)
    warnings: list[str] = []
    labels = declared_charsets(content, content_type)
    for label in labels:
        if text_codec(label) is None:
            warnings.append(f"declared charset {label!r} is not a text encoding: ignored")
    declared = declared_charset(content, content_type)
    if (wide := wide_encoding(content)) and (text := _try(content, wide)) is not None:
        warnings.append(f"read as {wide} (no byte-order mark)")
        return _checked(Decoded(text, wide, warnings), source)
    text = _try(content, "utf-8")
    if text is not None:
        if declared and declared not in ("utf-8", "ascii") and not text.isascii():
            warnings.append(f"declared charset {declared}, but the content is valid UTF-8: read as UTF-8")
        return _checked(Decoded(text, "utf-8", warnings), source)
    if declared and declared != "utf-8":
        if (text := _try(content, declared)) is not None:
            return _checked(Decoded(text, declared, warnings), source)
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
    return _checked(_detected(content, warnings, source), source)


def _detected(content: bytes, warnings: list[str], source: str) -> Decoded:
    """Return the text in the encoding charset-normalizer finds (windows-1252 among equally clean fits)."""
    try:
        matches = list(from_bytes(content))
    except Exception as err:  # noqa: BLE001 - the detector's own failures on odd bytes mean "no encoding fits"
        raise NotTextError(f"not a text document: charset detection failed ({type(err).__name__})", source=source) from err
    if not matches or matches[0].encoding is None:
        raise NotTextError("not a text document: no character encoding fits the content", source=source)
    best = matches[0]
    tied = [m for m in matches if abs(m.chaos - best.chaos) < 0.01]
    chosen = next((m for m in tied if m.encoding == _WEB_DEFAULT), best)
    text = _try(content, chosen.encoding) or str(chosen)
    warnings.append(f"read as {chosen.encoding} (detected; the text may be mis-decoded)")
    return Decoded(text, chosen.encoding, warnings, guessed=True)


def _checked(decoded: Decoded, source: str) -> Decoded:
    """Refuse decoded 'text' that is mostly control characters or replacement marks (binary junk)."""
    sample = decoded.text[:20000]
    if sample:
        junk = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
        if junk / len(sample) > 0.05:
            raise NotTextError("not a text document: the content is binary", source=source)
    return decoded
