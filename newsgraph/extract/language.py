"""Language identification of an article body (py3langid: small, offline, ISO 639-1 codes)."""

from __future__ import annotations

import functools

#: Bodies shorter than this are too short to identify reliably.
MIN_CHARS = 40
#: Identification on the first characters only: enough, and fast on long pages.
SAMPLE_CHARS = 2000
MIN_PROBABILITY = 0.5


@functools.lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - loaded on first use (a few MB of model)
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s language, or None when it is too short or unclear."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else None
