"""newsgraph's components are spaCy factories whose settings live in the pipeline's config."""

from __future__ import annotations

import pytest
import spacy
from thinc.api import Config

from newsgraph.errors import LexiconError

NAMES = ("newsgraph_actors", "newsgraph_dates", "newsgraph_statements", "newsgraph_events",
         "newsgraph_statement_dates", "newsgraph_framing")


def test_every_component_shows_its_settings_in_the_config(nlp):
    components = nlp.config["components"]
    assert [n for n in nlp.pipe_names if n.startswith("newsgraph_")] == list(NAMES)
    assert components["newsgraph_events"]["lexicon"] == "en" and components["newsgraph_events"]["triggers"] == []
    assert components["newsgraph_actors"]["kb"] is None
    assert components["newsgraph_framing"]["lexicon"] == "en"
    assert components["newsgraph_dates"]["language"] == "en"
    for name in NAMES:
        meta = nlp.get_pipe_meta(name)
        # the statement dater completes the statements (their date fields) after the events are known
        kind = "statements" if name == "newsgraph_statement_dates" else name.split("_", 1)[1]
        assert meta.assigns == [f"doc._.ng_{kind}"]
    assert not any(nlp.analyze_pipes(pretty=False)["problems"].values())


def test_a_pipeline_built_from_a_config_reads_a_non_default_lexicon(tmp_path):
    import newsgraph.analyze.framing  # noqa: F401  (registers the factory)

    (tmp_path / "framing.csv").write_text("pattern,category,note\npuppet regime,Name_Calling,test row\n",
                                          encoding="utf-8")
    config = Config().from_str(f"""
[nlp]
lang = "en"
pipeline = ["newsgraph_framing"]

[components]

[components.newsgraph_framing]
factory = "newsgraph_framing"
lexicon = "{tmp_path}"
""")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    doc = nlp("Officials of the puppet regime fled, and the zionist regime was not named.")
    assert [(f.text, f.category, f.note) for f in doc._.ng_framing] == [("puppet regime", "Name_Calling", "test row")]
    assert nlp.config["components"]["newsgraph_framing"]["lexicon"] == str(tmp_path)


@pytest.fixture(scope="module")
def model():
    from newsgraph.analyze.pipeline import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


def _events(model, events_config: dict, text: str) -> list[tuple[str, str]]:
    import newsgraph.analyze.actors  # noqa: F401  (register the factories)
    import newsgraph.analyze.dates  # noqa: F401
    import newsgraph.analyze.events  # noqa: F401

    nlp = spacy.blank("en", vocab=model.vocab)
    for name, component in model.pipeline:
        nlp.add_pipe(name, source=model)
    nlp.add_pipe("newsgraph_actors", config={"kb": []})
    nlp.add_pipe("newsgraph_dates")
    nlp.add_pipe("newsgraph_events", config=events_config)
    return [(e.type, e.trigger) for e in nlp(text)._.ng_events]


def test_the_events_component_reads_its_lexicon_and_the_users_triggers(model, tmp_path):
    text = "Emmanuel Macron hugged Olaf Scholz in Berlin on Monday."
    assert _events(model, {}, text) == []  # no shipped row for hugging
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "triggers.csv").write_text("# mine\nhug,VERB,CONSULT,\n", encoding="utf-8")
    assert _events(model, {"lexicon": str(tmp_path)}, text) == [("CONSULT", "hugged")]
    mine = tmp_path / "user.csv"
    mine.write_text("hug,VERB,SUPPORT,\n", encoding="utf-8")
    assert _events(model, {"lexicon": str(tmp_path), "triggers": [str(mine)]}, text) == [("SUPPORT", "hugged")]


def test_a_bad_lexicon_setting_is_one_clear_error(model, tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon"):
        _events(model, {"lexicon": str(tmp_path / "nowhere")}, "")
    with pytest.raises(LexiconError, match="triggers.csv"):
        _events(model, {"lexicon": str(tmp_path)}, "")  # a folder without events/triggers.csv


def test_the_trigger_variable_is_the_default_of_the_setting(monkeypatch, tmp_path):
    from newsgraph.analyze.pipeline import component_config

    mine = tmp_path / "mine.csv"
    monkeypatch.setenv("NEWSGRAPH_TRIGGERS", str(mine))
    assert component_config()["newsgraph_events"]["triggers"] == [str(mine)]
    assert component_config(triggers=[])["newsgraph_events"]["triggers"] == []  # the setting wins
