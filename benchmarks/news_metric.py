"""The news-gold metric (../shared/data/README.md, "news-gold"), as pure functions.

Records are plain dicts: a gold record is ``gold/ID.json``; a prediction is an
``Analysis`` dumped to JSON (``Analysis.model_dump(mode="json")``), so the code
of any revision can be scored the same way.  Nothing here loads a model.

Definitions the README leaves to the implementer (each chosen to make the
figure no kinder than the text supports):

* Strings are located in ``text`` by exact, case-sensitive search, every
  occurrence; a mention starting or ending with a word character must not sit
  inside a longer word ("IS" is not found in "ISIS" or "This").
* A predicted event's *sentence*: the span it cites (``start``/``end``; the
  model defines it as the event's sentence, and it is the one a user is shown
  first), not its ``evidence`` (other sentences the prediction says tell the same
  event): the README says "its sentence", and letting evidence sentences match
  would credit an event cited on the wrong sentence.  ``own_only=False`` also
  counts the evidence sentences (on the dev set at 0b50eac: lenient precision
  0.351 with the cited sentence, 0.374 with evidence too; the issue's own
  figures, 35% lenient and 42% core, agree with the first).
* One-to-one matching, statements and events alike: all (prediction, gold)
  pairs that qualify are ranked (events: strict-right first, then overlap;
  statements: coverage, then right speaker) and taken greedily, so a second
  prediction of a gold fact is a false one.
* A predicted actor in role ``participant`` must be a gold source or target.
* "At least one role right where gold has one": when the gold event names any
  source or target, at least one predicted source/target must be a gold actor
  in that same role.
* Dates: gold day/month/year precision -> the predicted ISO date cut to the
  gold's length must equal it (a coarser prediction is wrong).  Gold
  ``approximate`` ("last week", "late last year") -> the prediction must lie
  within 7 days (day-long gold value), 1 month (month value) or 1 year (year
  value) of it.  No predicted date where gold has one fails strict but is not a
  *wrong* date; a date set where gold has none is an *invented* date (and wrong).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

Span = tuple[int, int]
ROLES = ("source", "target")


# ------------------------------------------------------------------ locating


def find_all(text: str, needle: str) -> list[Span]:
    """Return every (start, end) where ``needle`` occurs in ``text`` (case-sensitive, whole words at word edges)."""
    if not needle:
        return []
    left = r"(?<!\w)" if needle[0].isalnum() or needle[0] == "_" else ""
    right = r"(?!\w)" if needle[-1].isalnum() or needle[-1] == "_" else ""
    return [(m.start(), m.end()) for m in re.finditer(left + re.escape(needle) + right, text)]


def overlap(a: Span, b: Span) -> int:
    """Return the number of characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def any_overlap(xs: Iterable[Span], ys: Iterable[Span]) -> bool:
    """Return True when some span of ``xs`` shares a character with some span of ``ys``."""
    ys = list(ys)
    return any(overlap(x, y) > 0 for x in xs for y in ys)


def gold_actor_spans(text: str, gold: dict) -> dict[str, list[Span]]:
    """Return gold actor id -> every span of text where one of its mention strings occurs."""
    out: dict[str, list[Span]] = {}
    for actor in gold.get("actors", []):
        spans: set[Span] = set()
        for mention in actor.get("mentions", []) or [actor.get("name", "")]:
            spans.update(find_all(text, mention))
        out[actor["id"]] = sorted(spans)
    return out


def pred_actor_spans(analysis: dict) -> dict[str, list[Span]]:
    """Return predicted actor id -> the spans of its mentions."""
    return {a["id"]: [(m["start"], m["end"]) for m in a.get("mentions", [])] for a in analysis.get("actors", [])}


def sentence_around(text: str, start: int, end: int) -> str:
    """Return the sentence(s) of ``text`` around [start, end), cut at sentence ends (for reading errors)."""
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+", text)]
    left = max((e for e in ends if e <= start), default=0)
    right = min((e for e in ends if e >= end), default=len(text))
    return text[left:right].strip()


# ---------------------------------------------------------------- statements


@dataclass
class StatementScore:
    """Counts and errors of one story's statements."""

    gold: int = 0
    pred: int = 0
    found: int = 0
    speaker_right: int = 0
    false: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    wrong_speaker: list[dict] = field(default_factory=list)


def gold_statement_spans(text: str, gold: dict) -> list[list[Span]]:
    """Return, per gold statement, the spans where its content occurs in text."""
    return [find_all(text, st["content"]) or _loose(text, st["content"]) for st in gold.get("statements", [])]


def _loose(text: str, needle: str) -> list[Span]:
    # the exact substring is the rule (GUIDE.md); without word edges only as a fallback
    i = text.find(needle)
    return [(i, i + len(needle))] if needle and i >= 0 else []


def coverage(pred: Span, gold_spans: list[Span]) -> float:
    """Return the largest share of a gold statement's characters that ``pred`` covers."""
    return max((overlap(pred, g) / (g[1] - g[0]) for g in gold_spans if g[1] > g[0]), default=0.0)


def speaker_right(pred_spans: list[Span] | None, gold_speaker: str | None, gold_spans: dict[str, list[Span]]) -> bool:
    """True when the predicted speaker's mention spans overlap the gold speaker's, or both are unnamed (None)."""
    if gold_speaker is None or pred_spans is None:
        return gold_speaker is None and pred_spans is None
    return any_overlap(pred_spans, gold_spans.get(gold_speaker, []))


def score_statements(text: str, gold: dict, preds: list[dict], min_cover: float = 0.3) -> StatementScore:
    """Score predicted statements against gold.

    ``preds``: dicts with ``start``, ``end``, ``speaker_spans`` (the speaker actor's
    mention spans, or None when unnamed) and optionally ``speaker_name``.
    """
    gold_sts = gold.get("statements", [])
    g_spans = gold_statement_spans(text, gold)
    a_spans = gold_actor_spans(text, gold)
    pairs = []
    for i, p in enumerate(preds):
        for j, st in enumerate(gold_sts):
            cov = coverage((p["start"], p["end"]), g_spans[j])
            if cov > min_cover:
                ok = speaker_right(p.get("speaker_spans"), st.get("speaker"), a_spans)
                pairs.append((-cov, not ok, i, j, ok))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    score = StatementScore(gold=len(gold_sts), pred=len(preds))
    for _, _, i, j, ok in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        score.found += 1
        score.speaker_right += ok
        if not ok:
            p = preds[i]
            score.wrong_speaker.append({
                "content": text[p["start"]:p["end"]], "predicted_speaker": p.get("speaker_name"),
                "gold_speaker": _actor_name(gold, gold_sts[j].get("speaker")),
                "sentence": sentence_around(text, p["start"], p["end"])})
    for i, p in enumerate(preds):
        if i not in used_p:
            score.false.append({"content": text[p["start"]:p["end"]], "speaker": p.get("speaker_name"),
                                "sentence": sentence_around(text, p["start"], p["end"])})
    for j, st in enumerate(gold_sts):
        if j not in used_g:
            score.missed.append({"content": st["content"], "speaker": _actor_name(gold, st.get("speaker"))})
    return score


def _actor_name(gold: dict, actor_id: str | None) -> str | None:
    return next((a["name"] for a in gold.get("actors", []) if a["id"] == actor_id), None)


def newsgraph_statements(analysis: dict) -> list[dict]:
    """Return an Analysis dump's statements in the form score_statements reads."""
    spans = pred_actor_spans(analysis)
    names = {a["id"]: a["name"] for a in analysis.get("actors", [])}
    out = []
    for st in analysis.get("statements", []):
        sp = st.get("speaker")
        out.append({"start": st["start"], "end": st["end"],
                    "speaker_spans": spans.get(sp, []) if sp else None,
                    "speaker_name": names.get(sp) if sp else (st.get("speaker_text") and f"({st['speaker_text']})")})
    return out


# -------------------------------------------------------------------- events


def _parse(value: str) -> tuple[dt.date, int]:
    """Return (first day, length in parts 1-3) of an ISO date, year-month or year."""
    parts = [int(x) for x in value[:10].split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), len(parts)


def date_right(pred: str | None, gold: str | None, gold_precision: str | None) -> bool:
    """True when the predicted date is right at the gold date's precision (both empty counts as right)."""
    if not gold or not pred:
        return not gold and not pred
    try:
        p, p_len = _parse(pred)
        g, g_len = _parse(gold)
    except ValueError:
        return False
    if gold_precision != "approximate":
        return p_len >= g_len and pred[: len(gold[:10])] == gold[:10]
    if g_len == 3:
        return p_len == 3 and abs((p - g).days) <= 7
    if g_len == 2:
        return p_len >= 2 and abs((p.year - g.year) * 12 + p.month - g.month) <= 1
    return abs(p.year - g.year) <= 1


@dataclass
class EventScore:
    """Counts and errors of one story's events."""

    gold: int = 0
    gold_core: int = 0
    pred: int = 0
    lenient: int = 0
    strict: int = 0
    core_lenient: int = 0
    core_strict: int = 0
    invented_places: int = 0
    invented_dates: int = 0
    wrong_dates: int = 0
    false: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    not_strict: list[dict] = field(default_factory=list)


def event_sentences(ev: dict, own_only: bool = True) -> list[Span]:
    """Return the spans where a predicted event is told: its cited sentence, plus its evidence unless ``own_only``."""
    spans = [(ev["start"], ev["end"])]
    if not own_only:
        spans += [(s["start"], s["end"]) for s in ev.get("evidence", [])]
    return spans


def strict_reasons(ev: dict, gev: dict, p_spans: dict[str, list[Span]], g_spans: dict[str, list[Span]]) -> list[str]:
    """Return why a leniently matched prediction is not strictly right (empty list: strictly right)."""
    reasons = []
    gold_roles = {r: gev.get(r) or [] for r in ROLES}
    right_roles = 0
    for role_actor in ev.get("actors", []):
        role, spans = role_actor["role"], p_spans.get(role_actor["actor"], [])
        allowed = [r for r in ROLES if role in (r, "participant")]
        hit = [r for r in allowed if any(any_overlap(spans, g_spans.get(g, [])) for g in gold_roles[r])]
        if hit:
            right_roles += 1
        else:
            reasons.append(f"{role} {role_actor.get('name', role_actor['actor'])!r} is not a gold {'/'.join(allowed)}")
    if (gold_roles["source"] or gold_roles["target"]) and not right_roles:
        reasons.append("no role right")
    if not date_right(ev.get("date"), gev.get("date"), gev.get("date_precision")):
        reasons.append(f"date {ev.get('date')} vs gold {gev.get('date')} ({gev.get('date_precision')})")
    return reasons


def score_events(text: str, gold: dict, analysis: dict, own_only: bool = True) -> EventScore:
    """Score an Analysis dump's events against gold: lenient and strict matches, invented places and dates."""
    g_events = gold.get("events", [])
    g_spans = gold_actor_spans(text, gold)
    p_spans = pred_actor_spans(analysis)
    names = {a["id"]: a["name"] for a in analysis.get("actors", [])}
    preds = [dict(ev, actors=[dict(r, name=names.get(r["actor"], r["actor"])) for r in ev.get("actors", [])],
                  place_name=names.get(ev.get("place"), ev.get("place")))
             for ev in analysis.get("events", [])]
    evidence = [[s for e in gev.get("evidence", []) for s in (find_all(text, e) or _loose(text, e))] for gev in g_events]
    pairs = []
    for i, ev in enumerate(preds):
        sents = event_sentences(ev, own_only)
        for j, gev in enumerate(g_events):
            if ev["type"] != gev["type"]:
                continue
            shared = sum(overlap(s, g) for s in sents for g in evidence[j])
            if shared:
                reasons = strict_reasons(ev, gev, p_spans, g_spans)
                pairs.append((bool(reasons), -shared, i, j, reasons))
    pairs.sort(key=lambda p: p[:4])
    score = EventScore(gold=len(g_events), gold_core=sum(bool(g.get("core")) for g in g_events), pred=len(preds))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, _, i, j, reasons in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        _count_match(score, preds[i], g_events[j], reasons)
    for i, ev in enumerate(preds):
        if i not in used_p:
            score.false.append(_event_view(ev))
    for j, gev in enumerate(g_events):
        if j not in used_g:
            score.missed.append({"type": gev["type"], "core": bool(gev.get("core")), "evidence": gev.get("evidence", []),
                                 "source": [_actor_name(gold, a) for a in gev.get("source", [])],
                                 "target": [_actor_name(gold, a) for a in gev.get("target", [])],
                                 "date": gev.get("date")})
    return score


def _count_match(score: EventScore, ev: dict, gev: dict, reasons: list[str]) -> None:
    core = bool(gev.get("core"))
    score.lenient += 1
    score.core_lenient += core
    if not reasons:
        score.strict += 1
        score.core_strict += core
    else:
        score.not_strict.append(dict(_event_view(ev), reasons=reasons, gold_evidence=gev.get("evidence", [])))
    if ev.get("place") and not gev.get("place"):
        score.invented_places += 1
    if ev.get("date"):
        if not gev.get("date"):
            score.invented_dates += 1
            score.wrong_dates += 1
        elif not date_right(ev.get("date"), gev.get("date"), gev.get("date_precision")):
            score.wrong_dates += 1


def _event_view(ev: dict) -> dict:
    return {"type": ev["type"], "trigger": ev.get("trigger"), "sentence": ev.get("text"),
            "actors": [f"{r['role']}: {r.get('name', r['actor'])}" for r in ev.get("actors", [])],
            "date": ev.get("date"), "place": ev.get("place_name", ev.get("place"))}


# ------------------------------------------------------------------- totals


def ratio(num: float, den: float) -> float | None:
    """Return num / den, or None when den is 0."""
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    """Return the harmonic mean of p and r (None when either is missing)."""
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def statement_figures(scores: list[StatementScore]) -> dict[str, float | None]:
    """Return P, R, F1, speaker accuracy and P/R with the right speaker over several stories."""
    g = sum(s.gold for s in scores)
    p = sum(s.pred for s in scores)
    found = sum(s.found for s in scores)
    right = sum(s.speaker_right for s in scores)
    prec, rec = ratio(found, p), ratio(found, g)
    return {"gold": g, "pred": p, "P": prec, "R": rec, "F1": f1(prec, rec), "speaker": ratio(right, found),
            "P_speaker": ratio(right, p), "R_speaker": ratio(right, g)}


def event_figures(scores: list[EventScore], non_political: list[EventScore] | None = None) -> dict[str, float | None]:
    """Return the event figures (precision/recall lenient and strict, core recall, invented, wrong dates)."""
    def total(name: str) -> int:
        return sum(getattr(s, name) for s in scores)

    pred, gold, core = total("pred"), total("gold"), total("gold_core")
    out = {"gold": gold, "pred": pred,
           "P_lenient": ratio(total("lenient"), pred), "R_lenient": ratio(total("lenient"), gold),
           "P_strict": ratio(total("strict"), pred), "R_strict": ratio(total("strict"), gold),
           "core_lenient": ratio(total("core_lenient"), core), "core_strict": ratio(total("core_strict"), core),
           "invented_places": total("invented_places"), "invented_dates": total("invented_dates"),
           "wrong_dates": ratio(total("wrong_dates"), pred)}
    if non_political is not None:
        out["per_non_political"] = ratio(sum(s.pred for s in non_political), len(non_political))
    return out
