"""The lexicon layer: one validating reader for every word list, languages as folders."""

from __future__ import annotations

import pytest

from newsgraph.analyze.lexicon import DATA_DIR, Lexicon, language_dir, lexicon, read_table
from newsgraph.errors import LexiconError, NewsgraphError

COLUMNS = ("word", "kind", "note")


def _write(tmp_path, text: str, name: str = "list.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_comments_blank_lines_and_a_header_in_any_order(tmp_path):
    path = _write(tmp_path, "# a list\n\nkind,word\n# the rows\nsaying,say\nsaying , tell \n")
    rows = read_table(path, COLUMNS, key=("word", "kind"))
    assert [(r["word"], r["kind"], r["note"]) for r in rows] == [("say", "saying", ""), ("tell", "saying", "")]
    assert rows[1].source.endswith("list.csv:6")


def test_without_a_header_the_cells_are_the_columns_in_order(tmp_path):
    rows = read_table(_write(tmp_path, "meet,VERB,CONSULT,\n"), ("trigger", "pos", "type", "mode", "cameo"))
    assert rows[0].cells == {"trigger": "meet", "pos": "VERB", "type": "CONSULT", "mode": "", "cameo": ""}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("word,kind,colour\nsay,saying,red\n", "line 1: unknown column 'colour'"),
        ("word,kind\nsay,saying\n# again\nSay,saying\n", "line 4: duplicate word/kind 'say/saying' .first on line 2"),
        ("word,kind\nsay,saying,a note,more\n", "line 2: 4 cells"),
        ("word,kind\n,saying\n", "line 2: no 'word'"),
    ],
)
def test_a_malformed_list_is_an_error_naming_file_and_line(tmp_path, text, message):
    path = _write(tmp_path, text, "cues.csv")
    with pytest.raises(LexiconError, match=message) as err:
        read_table(path, COLUMNS, key=("word", "kind"))
    assert isinstance(err.value, NewsgraphError) and err.value.source.endswith("cues.csv")


def test_an_unreadable_list_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="missing.csv"):
        read_table(tmp_path / "missing.csv", COLUMNS)
    path = tmp_path / "latin1.csv"
    path.write_bytes("word\ncaf\xe9\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="cannot read"):
        read_table(path, COLUMNS)


def test_a_language_is_a_folder_or_a_directory(tmp_path):
    assert language_dir("en") == DATA_DIR / "en"
    assert language_dir(tmp_path) == tmp_path.resolve()
    with pytest.raises(LexiconError, match="no such lexicon"):
        language_dir("xx-none")


def test_every_shipped_english_list_reads():
    en = lexicon("en")
    assert {"say", "tell", "warn"} <= en.words("speech/cues.csv", "saying")
    assert en.demonyms()["palestinian"] == "PSE"
    assert en.canonical_demonyms()["ISR"] == "Israeli"
    assert en.agent_sectors()["police"] == "COP"
    # every module that reads a list imports (each list is read and checked when first used)
    from newsgraph.analyze import actors_groups, actors_titles, coref, cues, events_args, framing, plover

    assert actors_groups.load_nouns()["soldier"].cls == "military"
    assert coref.PRONOUNS["she"] == ("f", "subj")
    assert "mr." in actors_titles.HONORIFICS and "supreme" in actors_titles.TITLE_WORDS
    assert cues.PARTICLE_CUES["point"] == frozenset({"out"})
    assert {"bomb", "mine"} <= events_args.EXPLOSIVE_LEMMAS and "tank" in events_args.HEAVY_LEMMAS
    assert framing.load_lexicon() and plover.load_rules()


def test_a_role_word_has_one_class(tmp_path):
    """"chairman" was listed as a leader and as a director and silently became a director; the
    reader now refuses a word in two classes, and the chairman leads."""
    from newsgraph.analyze.actors_titles import ROLE_CLASS

    assert ROLE_CLASS["chairman"] == ROLE_CLASS["chairwoman"] == ROLE_CLASS["chair"] == "lead"
    rows = (DATA_DIR / "en" / "actors" / "roles.csv").read_text(encoding="utf-8")
    with pytest.raises(LexiconError, match="duplicate word 'chairman'"):
        read_table(_write(tmp_path, rows + "chairman,director,\n", "roles.csv"), ("word", "class", "generic"))


def test_a_users_lexicon_folder_is_read_like_a_shipped_one(tmp_path):
    (tmp_path / "speech").mkdir()
    _write(tmp_path / "speech", "word,kind\nopine,saying\n", "cues.csv")
    mine = Lexicon(tmp_path)
    assert mine.words("speech/cues.csv", "saying") == frozenset({"opine"})
    assert mine.words("speech/cues.csv", "saying") is mine.words("speech/cues.csv", "saying")  # read once
