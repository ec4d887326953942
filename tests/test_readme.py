"""The README's promises: CI runs its test command, and every CLI command is documented."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from wirecoder.cli import app

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _bash_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S)]


def test_readme_gives_exactly_two_setup_commands():
    blocks = _bash_blocks(README.split("## Commands")[0])
    assert len(blocks) == 2
    assert "wirecoder run examples" in blocks[0]
    assert "pytest" in blocks[1]


def test_readme_test_command_is_what_ci_runs():
    test_command = _bash_blocks(README.split("## Commands")[0])[1]
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_documents_every_command():
    commands = get_command(app).commands
    for name, command in commands.items():
        assert f"wirecoder {name}" in README, f"`wirecoder {name}` is not in the README"
        assert "Example:" in (command.help or ""), f"`wirecoder {name} --help` has no Example:"
