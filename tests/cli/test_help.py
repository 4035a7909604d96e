"""`newsgraph --help` lists every command, and each command has its own help."""

from __future__ import annotations

import subprocess
import sys

import pytest

COMMANDS = ["read", "analyze", "ingest", "search", "actor", "network", "related", "export", "kb", "serve", "batch", "load"]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, timeout=120)


def test_help_lists_every_command():
    out = _run("--help")
    assert out.returncode == 0, out.stderr
    listed = {line.split()[1] for line in out.stdout.splitlines() if line.startswith("│ ") and len(line.split()) > 1}
    missing = [c for c in COMMANDS if c not in listed]
    assert not missing, out.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command):
    out = _run(command, "--help")
    assert out.returncode == 0, out.stderr
    assert "Usage" in out.stdout


def test_unknown_command_is_a_clear_error():
    out = _run("no-such-command")
    assert out.returncode != 0
    assert "no-such-command" in (out.stderr + out.stdout)
