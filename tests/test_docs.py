"""The README documents every setting, as newsgraph.settings declares them (as Datasette's test_docs does)."""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph.settings import Settings, env_name, markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"


def _table() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- settings table: start -->\n(.*?)\n<!-- settings table: end -->", text, re.S)
    assert match, "README.md has no settings table between its markers"
    return match.group(1)


def test_readme_settings_table_is_the_generated_one():
    assert _table() == markdown_table(), "regenerate the README's table from newsgraph.settings.markdown_table()"


def test_every_setting_has_help_text_and_a_row():
    table = _table()
    for name, info in Settings.model_fields.items():
        assert info.description and len(info.description) > 15, name
        assert f"| `{env_name(name)}` |" in table


def test_no_module_reads_the_environment_but_settings():
    root = Path(__file__).resolve().parents[1] / "newsgraph"
    readers = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                     if re.search(r"os\.environ|getenv\(", p.read_text(encoding="utf-8")) and p.name != "settings.py")
    # plover.py keeps a fallback read for trees without newsgraph.settings (its owner's choice)
    assert set(readers) <= {"analyze/plover.py"}, readers
