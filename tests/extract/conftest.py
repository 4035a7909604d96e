"""Helpers for the extraction tests: real pages from tests/fixtures/pages."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.model import RawDocument

PAGE_URLS = {
    "cityam_alibaba_listing": "https://www.cityam.com/alibaba-to-raise-up-to-12-9bn-in-landmark-hong-kong-listing/",
    "spokesman_meth_campaign": "https://www.spokesman.com/stories/2019/nov/19/meth-were-on-it-spokane-ad-agencies-divided-on-sou/",
    "paradigmng_senate_adjournment": "http://www.theparadigmng.com/2018/10/09/breaking-lawan-moves-motion-senates-adjournment-nzeribe-adedoyins-deaths/",
}


@pytest.fixture(scope="session")
def page_doc(fixtures_dir: Path) -> Callable[..., RawDocument]:
    """Return a factory: fixture page name -> RawDocument as a fetch of its URL would give it."""

    def make(name: str, *, with_url: bool = True) -> RawDocument:
        content = gzip.decompress((fixtures_dir / "pages" / f"{name}.html.gz").read_bytes())
        return RawDocument(
            content=content,
            source=f"{name}.html",
            content_type="text/html; charset=utf-8",
            url=PAGE_URLS[name] if with_url else None,
        )

    return make
