"""The README documents every command and option the CLI offers, and its commands exist."""

from __future__ import annotations

import re

import typer
from support import ROOT

from audionews.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_documented() -> None:
    group = typer.main.get_command(app)
    missing = []
    for opt in (o for p in group.params for o in p.opts):  # type: ignore[attr-defined]
        if opt.startswith("-") and opt != "--help" and f"`{opt}" not in README:
            missing.append(opt)
    commands = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        commands.append((name, command))
        for sub, subcommand in getattr(command, "commands", {}).items():
            commands.append((f"{name} {sub}", subcommand))
    for name, command in commands:
        if f"audionews {name}" not in README:
            missing.append(name)
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("-") and f"`{opt}" not in README:
                    missing.append(f"{name} {opt}")
    assert missing == []


def test_readme_set_up_commands_name_real_files() -> None:
    for path in re.findall(r"audionews make (examples/\S+\.txt)", README):
        assert (ROOT / path).is_file(), path
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q -e '.[test]'" in ci and "python -m pytest" in ci
    assert "pip install -e '.[test]' && python -m pytest" in README


def _table_rows(section: str) -> list[list[str]]:
    start = README.index(section)
    end = README.index("\n### ", start + 1)
    rows = []
    for line in README[start:end].splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if line.startswith("| `-") and len(cells) >= 3:
            rows.append(cells)
    return rows


def test_readme_defaults_match_the_cli() -> None:
    group = typer.main.get_command(app)
    make = group.commands["make"]  # type: ignore[attr-defined]
    by_flag = {opt: p for p in make.params for opt in (*p.opts, *p.secondary_opts)}
    checked = 0
    for flags_cell, _meaning, default_cell in _table_rows("### `audionews make INPUT...`"):
        literal = re.fullmatch(r"`([^`]+)`", default_cell)
        for flag in re.findall(r"`(-[-\w]+)", flags_cell):
            assert flag in by_flag, f"README documents {flag}, which make does not take"
            if literal and by_flag[flag].default is not None:
                param = by_flag[flag]
                expected = literal.group(1)
                actual = str(param.default)
                if isinstance(param.default, float) and expected.replace(".", "").isdigit():
                    actual, expected = str(float(actual)), str(float(expected))
                assert actual == expected, f"{flag}: README says {expected}, CLI has {actual}"
                checked += 1
    assert checked >= 8
