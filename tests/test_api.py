"""The top-level Python API: ``newsgraph.analyze`` and ``newsgraph.read``."""

from __future__ import annotations

import subprocess
import sys

import newsgraph
from newsgraph.model import Analysis, Article


def test_analyze_stays_a_function_once_the_analyze_package_is_loaded(seed_text):
    import newsgraph.analyze.pipeline  # noqa: F401  (loads the subpackage of the same name)

    assert callable(newsgraph.analyze)
    first = newsgraph.analyze(seed_text)
    second = newsgraph.analyze(seed_text)
    assert isinstance(second, Analysis)
    assert [a.name for a in first.actors] == [a.name for a in second.actors]
    assert any("Khamenei" in a.name for a in second.actors)


def test_analyze_twice_in_a_fresh_interpreter():
    """What a user does first: import newsgraph, call analyze, call it again."""
    code = (
        "import newsgraph\n"
        "text = 'Kenya said on Monday that it will send 1,000 police officers to Haiti.'\n"
        "newsgraph.analyze(text)\n"
        "print(type(newsgraph.analyze(text)).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "Analysis"


def test_read_returns_the_article(seed_path):
    article = newsgraph.read(str(seed_path))
    assert isinstance(article, Article)
    assert "Haniyeh" in article.body


def test_analyze_takes_an_html_fragment_and_given_metadata():
    fragment = ("<article><h1>Envoys meet in Geneva</h1><p>The UN envoy met Yemeni officials in Geneva on Monday, "
                "the UN said.</p><p>Both sides called the talks useful.</p></article>")
    analysis = newsgraph.analyze(fragment, site="UN News", published="2024-03-04", byline="Staff")
    article = analysis.article
    assert article.extractor == "html" and article.title == "Envoys meet in Geneva" and "<" not in article.body
    assert (article.site, article.published, article.byline) == ("UN News", "2024-03-04", "Staff")
    assert "site as given: 'UN News'" in article.warnings


def test_analyze_raises_the_error_of_an_input_with_no_article():
    import pytest

    from newsgraph.errors import EmptyDocumentError

    with pytest.raises(EmptyDocumentError):
        newsgraph.analyze("   ")
