"""Bad input: each gets a clear one-line error naming the input (or an honest low-confidence Article)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import DocumentTooLargeError, EmptyDocumentError, NotTextError
from newsgraph.extract import extract_article
from newsgraph.model import RawDocument

FRENCH = [
    "Le café du village a rouvert ses portes mardi après deux ans de travaux, a annoncé la mairie.",
    "Les habitants étaient nombreux à la réouverture, selon le maire qui s'est dit très ému.",
    "La gérante, arrivée de Lyon, prévoit des concerts chaque vendredi soir à partir de décembre.",
    "Le conseil municipal a voté une aide de douze mille euros pour rénover la façade du bâtiment.",
]


def page(charset: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in FRENCH)
    return (
        f"<html><head><meta charset='{charset}'><title>Réouverture du café</title></head>"
        f"<body><article><h1>Réouverture du café</h1>{paragraphs}</article></body></html>"
    )


def doc(content: bytes, content_type: str | None = "text/html", source: str = "page.html") -> RawDocument:
    return RawDocument(content=content, source=source, content_type=content_type)


def test_empty_document() -> None:
    for content in (b"", b"  \n\t\n"):
        with pytest.raises(EmptyDocumentError, match=r"^page.html: empty document$"):
            extract_article(doc(content))


def test_binary_junk() -> None:
    junk = random.Random(1).randbytes(20_000)
    with pytest.raises(NotTextError, match=r"^junk.bin: not a text document"):
        extract_article(doc(junk, None, "junk.bin"))


def test_image_served_as_html() -> None:
    png = b"\x89PNG\r\n\x1a\n" + random.Random(2).randbytes(4000)
    with pytest.raises(NotTextError, match="PNG image"):
        extract_article(doc(png, "text/html; charset=utf-8"))


def test_page_lying_about_latin1_is_read_as_utf8() -> None:
    article = extract_article(doc(page("iso-8859-1").encode("utf-8"), "text/html; charset=iso-8859-1"))
    assert "Le café du village" in article.body
    assert "Ã" not in article.body  # no mojibake
    assert any("valid UTF-8" in w for w in article.warnings)
    assert article.language == "fr"


def test_page_lying_about_utf8_is_detected() -> None:
    article = extract_article(doc(page("utf-8").encode("cp1252"), "text/html; charset=utf-8"))
    assert "Le café du village" in article.body
    assert "\ufffd" not in article.body
    assert any("does not fit" in w for w in article.warnings)


def test_broken_utf8_is_kept_flagged_low_confidence() -> None:
    raw = page("utf-8").encode("utf-8")
    cut = raw.index(b" du village")
    article = extract_article(doc(raw[:cut] + b"\xff\xfe\x80" + raw[cut:]))
    assert article.low_confidence
    assert article.body.count("\ufffd") == 3  # the three bad bytes, nothing else lost
    assert "rouvert ses portes" in article.body
    assert any("invalid UTF-8" in w for w in article.warnings)


def test_fifty_megabyte_page_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    chunk = ("<p>" + "All work and no play makes a very long page. " * 20 + "</p>\n").encode()
    with big.open("wb") as out:
        out.write(b"<html><body>")
        for _ in range(50_000_000 // len(chunk) + 1):
            out.write(chunk)
    assert big.stat().st_size > 50_000_000
    with pytest.raises(DocumentTooLargeError, match="over the 20,000,000-byte cap"):
        extract_article(doc(big.read_bytes(), source=str(big)))
    result = CliRunner().invoke(app, ["read", str(big)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{big}: file is" in result.stderr and "cap" in result.stderr


def test_html_without_an_article() -> None:
    html = (
        b"<html><head><title>Log in</title></head><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
        b"<form><input name='q'><button>Search</button></form></body></html>"
    )
    with pytest.raises(EmptyDocumentError, match="no article text found"):
        extract_article(doc(html))


def test_cli_reports_each_bad_file_and_goes_on(tmp_path: Path, seed_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.html").write_bytes(b"<" + random.Random(3).randbytes(8000))
    (tmp_path / "image.html").write_bytes(b"\xff\xd8\xff\xe0" + random.Random(4).randbytes(2000))
    (tmp_path / "lying.html").write_bytes(page("iso-8859-1").encode("utf-8"))
    sources = [
        str(tmp_path / "empty.txt"),
        str(tmp_path / "junk.html"),
        str(seed_path),
        str(tmp_path / "image.html"),
        str(tmp_path / "missing.html"),
        str(tmp_path / "lying.html"),
    ]
    result = CliRunner().invoke(app, ["read", *sources])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(seed_path), str(tmp_path / "lying.html")]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    for line, name in zip(errors, ["empty.txt", "junk.html", "image.html", "missing.html"]):
        assert line.startswith(f"error: {tmp_path / name}: ")
    assert "JPEG image" in errors[2]
    assert "Traceback" not in result.output


def test_a_page_over_a_megabyte_is_extracted_whole_and_its_parse_memory_handed_back() -> None:
    # past 1 MB extract_article hands the freed parse trees back to the system (glibc malloc_trim)
    paragraphs = [f"Paragraph {n}: the council met on Tuesday and voted to extend the service until March." for n in range(14_000)]
    raw = ("<html><head><title>Council votes</title></head><body><article>"
           + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>").encode()
    assert len(raw) > 1_000_000
    article = extract_article(doc(raw))
    assert article.body.count("Paragraph ") == len(paragraphs)
    assert article.body.endswith(paragraphs[-1])


def test_a_page_past_the_fast_size_gives_the_same_article_as_the_full_comparison(monkeypatch) -> None:
    # past FAST_CHARS trafilatura skips its readability/jusText comparison (memory and time on huge pages)
    from newsgraph.extract import html as html_extract

    raw = (b"<html><head><title>Council votes</title><meta property='article:published_time' content='2024-05-01'>"
           b"</head><body><nav><a href='/'>Home</a></nav><article>"
           + b"".join(b"<p>Paragraph %d: the council met on Tuesday and voted to extend the service until March.</p>" % n
                      for n in range(200))
           + b"</article><footer>Contact us</footer></body></html>")
    full = extract_article(doc(raw))
    monkeypatch.setattr(html_extract, "FAST_CHARS", 1000)
    fast = extract_article(doc(raw))
    assert (fast.body, fast.title, fast.published) == (full.body, full.title, full.published)
    assert fast.body.count("Paragraph ") == 200
