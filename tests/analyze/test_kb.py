"""The actor knowledge base: the shipped files, CSV and Phoenix import, the kb commands."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.analyze.actors import ActorsComponent
from newsgraph.analyze.kb import SHIPPED_DIR, KnowledgeBase, import_file, parse_phoenix, read_csv
from newsgraph.cli import app
from newsgraph.errors import KnowledgeBaseError

USER_CSV = """name,aliases,type,wikidata,titles,country,affiliation
Zorvan Quellat,Quellat|Z. Quellat,PERSON,Q99999991,Grand Vizier of Examplestan|Examplestani vizier,EXA,Examplestan Council
Examplestan Council,the Examplestan Council|EXC,ORG,,,EXA,
"""

# PETRARCH actor dictionary lines (openeventdata/petrarch2 docs/source/dictionaries.rst)
PHOENIX = """# .actor file, test sample
AFGHANISTAN_  [AFG]
+AFGHANESTAN_

MOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt
\t[AFGELI 320101-331108]
\t[AFGGOV 331108-730717]

UNITED_NATIONS_SECURITY_COUNCIL_ [IGOUNO]

KHAMENEI_  ; comment
+ALI_KHAMENEI_
+AYATOLLAH_SEYYED_ALI_KHAMENEI_
\t[IRNGOV 810101-890603]
\t[IRNELI 890604-]
"""


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_shipped_kb_is_valid_and_cites_its_qids():
    kb = KnowledgeBase.load([SHIPPED_DIR])
    assert len(kb) > 80
    sources = (SHIPPED_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for entry in kb:
        assert entry.type in ("PERSON", "ORG", "GPE", "LOC", "GROUP", "FAC")
        if entry.wikidata:  # every shipped QID is listed with its source
            assert entry.wikidata in sources, entry.name
    khamenei = kb.get("Imam Khamenei")
    assert khamenei.name == "Ali Khamenei" and khamenei.country == "IRN" and "Iran" in khamenei.affiliations
    assert kb.get("khomeini").name == "Ruhollah Khomeini"
    assert kb.get("ISLAMIC REPUBLIC OF IRAN").wikidata == "Q794"


def test_import_csv_into_user_kb_and_component_uses_it(home, tmp_path, actors_nlp):
    src = tmp_path / "my-actors.csv"
    src.write_text(USER_CSV, encoding="utf-8")
    dest, count = import_file(src, "csv")
    assert count == 2 and dest.parent == home / "kb"
    kb = KnowledgeBase.default()
    assert kb.get("Quellat").wikidata == "Q99999991"
    text = ("Zorvan Quellat, who heads the Examplestan Council, arrived on Sunday. "
            "The Examplestani vizier said Quellat would stay a week.")
    comp = ActorsComponent(actors_nlp, kb=kb)
    actors = comp(actors_nlp(text))._.ng_actors
    vizier = next(a for a in actors if a.kb_id == "zorvan-quellat")
    assert vizier.wikidata == "Q99999991" and vizier.country == "EXA"
    assert [m.text for m in vizier.mentions if m.kind in ("name", "alias")] == ["Zorvan Quellat", "Quellat"]
    council = next(a for a in actors if a.name == "Examplestan Council")
    assert council.id in vizier.affiliations  # the KB affiliation, as the council is in the article


def test_import_phoenix_dictionary(home, tmp_path):
    src = tmp_path / "Phoenix.test.actors.txt"
    src.write_text(PHOENIX, encoding="utf-8")
    dest, count = import_file(src, "phoenix")
    assert count == 4
    entries = {e.name: e for e in read_csv(dest)}
    council = entries["United Nations Security Council"]
    assert council.type == "ORG" and council.country is None
    assert entries["Afghanistan"].type == "GPE" and entries["Afghanistan"].country == "AFG"
    assert entries["Afghanistan"].aliases == ["Afghanestan"]
    shah = entries["Mohammad Zahir Shah"]
    assert shah.type == "PERSON" and shah.country == "AFG"
    assert any("government" in t and "331108-730717" in t for t in shah.titles)
    # merged into the shipped entry of the same person (shared alias "Ali Khamenei")
    kb = KnowledgeBase.default()
    khamenei = kb.get("Ayatollah Seyyed Ali Khamenei")
    assert khamenei is not None and khamenei.id == "ali-khamenei"
    assert kb.get("khamenei") is khamenei


@pytest.mark.parametrize("text, where", [
    ("name,type\nA,PERSON\nB,ROBOT\n", "line 3"),
    ("name,type,wikidata\nA,PERSON,X12\n", "line 2"),
    ("name,type,country\nA,PERSON,Iran\n", "line 2"),
    ("type,aliases\nPERSON,x\n", "line 1"),
    ("name,type\nA,PERSON,extra\n", "line 2"),
])
def test_malformed_csv_names_file_and_line(tmp_path, home, text, where):
    bad = tmp_path / "bad.csv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as info:
        import_file(bad, "csv")
    assert str(bad) in str(info.value) and where in str(info.value)
    assert not (home / "kb").exists()  # nothing written


@pytest.mark.parametrize("text, line", [
    ("+ORPHAN_SYNONYM\n", 1),
    ("\t[IRNGOV 810101-890603]\n", 1),
    ("KHAMENEI_\n\t[IRNGOV 810101-890603\n", 2),
    ("KHAMENEI_\n{NOT AN ACTOR}\n", 2),
])
def test_malformed_phoenix_names_line(text, line):
    with pytest.raises(KnowledgeBaseError, match=f"x.txt: line {line}:"):
        parse_phoenix(text, "x.txt")


def test_kb_commands(home, tmp_path):
    runner = CliRunner()
    src = tmp_path / "mine.csv"
    src.write_text(USER_CSV, encoding="utf-8")
    result = runner.invoke(app, ["kb", "import", str(src)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["kb", "list", "vizier"])
    assert result.exit_code == 0 and "Zorvan Quellat" in result.stdout and "Hamas" not in result.stdout
    result = runner.invoke(app, ["kb", "show", "Haniyeh"])
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["name"] == "Ismail Haniyeh" and shown["affiliations"] == ["Hamas"]
    result = runner.invoke(app, ["kb", "show", "Nobody Atall"])
    assert result.exit_code == 1
    bad = tmp_path / "bad.txt"
    bad.write_text("+ORPHAN\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "import", str(bad), "--format", "phoenix"])
    assert result.exit_code == 1 and "line 1" in result.output
    result = runner.invoke(app, ["kb", "import", str(tmp_path / "missing.csv")])
    assert result.exit_code == 1
