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
