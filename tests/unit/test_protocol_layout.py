"""The protocol package's layout: dependency-free, every name re-exported, the doc by domain."""

from __future__ import annotations

import ast
import inspect
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import msgspec
import pytest

from server import protocol as p
from server.protocol import codec, doc, structs

ROOT = Path(__file__).resolve().parents[2]
SUBMODULES = [*doc.DOMAINS, structs, codec, doc]


def test_importing_the_protocol_loads_only_msgspec_and_the_standard_library() -> None:
    """The desktop app and a web console import it without the relay's stack: after msgspec
    (and what msgspec itself imports), importing ``server.protocol`` adds no module but the
    standard library's and its own (``server/__init__.py`` stays light)."""
    code = (
        "import json, sys, msgspec, msgspec.json, msgspec.structs; before = set(sys.modules); "
        "import server.protocol; print(json.dumps(sorted(set(sys.modules) - before)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    foreign = [
        name
        for name in loaded
        if name.split(".")[0] not in (*sys.stdlib_module_names, "msgspec", "server")
        or (name.startswith("server.") and not name.startswith("server.protocol"))
    ]
    assert foreign == []
    assert "server.protocol.chats" in loaded


def _defined_names(module: ModuleType) -> set[str]:
    """The public names a module's own top-level statements define (imports left out)."""
    names: set[str] = set()
    for node in ast.parse(inspect.getsource(module)).body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {
        n for n in names if not n.startswith("_") and not isinstance(getattr(module, n), TypeVar)
    }


def test_every_public_name_is_in_its_module_all_and_in_the_package() -> None:
    """``from server import protocol as p; p.X`` reaches everything a module defines."""
    for module in SUBMODULES:
        assert _defined_names(module) - {"DOMAINS", "HOW_TO_ADD_A_FRAME"} == set(module.__all__), (
            module.__name__
        )
        for name in module.__all__:
            assert getattr(p, name) is getattr(module, name), name


def test_every_frame_is_in_a_union_and_defined_in_a_domain_module() -> None:
    unions = {*p.AGENT_FRAMES, *p.VISITOR_FRAMES, *p.SERVER_FRAMES}
    domains = {m.__name__ for m in doc.DOMAINS}
    frames = {
        value
        for module in SUBMODULES
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, p.Frame)
    }
    assert frames - unions == {p.Frame, p.ListAnswer}
    assert all(cls.__module__ in domains for cls in unions)


def test_the_doc_lists_each_frame_and_structure_under_its_domain() -> None:
    text = p.render_doc()
    sections = {
        chunk.partition("\n")[0]: chunk for chunk in text.split("\n## ")[1:]
    }  # title -> its text
    for module in (*doc.DOMAINS, structs):
        title = (module.__doc__ or "").strip().partition(":")[0]
        section = sections[title]
        assert f"`server/protocol/{module.__name__.rsplit('.', 1)[1]}.py`" in section
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, msgspec.Struct)
                and value.__module__ == module.__name__
                and value not in (p.Frame, p.ListAnswer)
            ):
                name = p.tag_of(value) if issubclass(value, p.Frame) else value.__name__
                assert f"### `{name}`" in section, (title, name)
    # The steps live in one place, CONTRIBUTING.md, and the page links to them.
    assert "CONTRIBUTING.md#how-to-add-a-frame" in sections["How to add a frame"]
    steps = (Path(__file__).resolve().parents[2] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## How to add a frame" in steps and "@serves(p.YourRequest" in steps


def test_a_page_budget_set_on_the_package_holds_for_the_codec(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``p.MAX_PAGE_BYTES`` is the one setting (the relay reads it; a test shrinks it), as when
    the protocol was one module: encode_answer cuts by its value at the time of the call."""
    answer = p.LogList(
        id=1,
        logs=[
            p.LogInfo(
                id=n, agent_id=1, agent_name="A", agent_email="a@x", name="n", size=1, created_at=0
            )
            for n in range(40)
        ],
    )
    assert len(p.encode_answer(answer)) == 1
    monkeypatch.setattr(p, "MAX_PAGE_BYTES", 1024)
    parts = p.encode_answer(answer)
    assert len(parts) > 1 and all(len(part.encode()) <= 1024 for part in parts)
