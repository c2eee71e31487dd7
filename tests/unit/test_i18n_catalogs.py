"""G6: the Spanish, Portuguese and Russian catalogues are complete, match the code, and build.

A message that is missing, unfinished, empty, or whose placeholders differ from the English
fails; so does a string in the code that the ``.ts`` files do not have yet (run
``make i18n-update`` and translate it)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from jivo_desktop import i18n, paths

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "i18n"
LANGS = ("es", "pt", "ru")
# Plural forms Qt expects per language (Russian: one, few, many).
NUMERUS_FORMS = {"es": 2, "pt": 2, "ru": 3}
PLACEHOLDER = re.compile(r"%n|%L?\d+|\{[^{}]*\}")


def qt_tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` next to this Python, else on PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"pyside6-{name} not found (it comes with PySide6)")
    return found


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def catalogue_problems(ts: Path, lang: str) -> list[str]:
    problems = []
    for context, message in messages(ts):
        source = message.findtext("source") or ""
        where = f"{ts.name} {context}: {source!r}"
        translation = message.find("translation")
        if translation is None:
            problems.append(f"{where}: no translation")
            continue
        kind = translation.get("type")
        if kind:
            problems.append(f"{where}: marked {kind}")
        if message.get("numerus") == "yes":
            forms = [form.text or "" for form in translation.iter("numerusform")]
            if len(forms) != NUMERUS_FORMS[lang]:
                problems.append(f"{where}: {len(forms)} plural forms, not {NUMERUS_FORMS[lang]}")
        else:
            forms = [translation.text or ""]
        for form in forms:
            if not form.strip():
                problems.append(f"{where}: empty")
            elif placeholders(form) != placeholders(source):
                problems.append(f"{where}: placeholders of {form!r} differ")
    return problems


@pytest.mark.parametrize("lang", LANGS)
def test_G6_catalogue_complete_and_placeholders_match(lang: str) -> None:
    """G6: every message of jivo_<lang>.ts is translated, finished, non-empty, with the same
    placeholders (and the right number of plural forms) as the English."""
    ts = TS_DIR / f"jivo_{lang}.ts"
    assert ts.exists(), f"{ts} is missing"
    assert len(messages(ts)) >= 100
    assert catalogue_problems(ts, lang) == []


def test_G6_completeness_check_catches_gaps(tmp_path: Path) -> None:
    """G6: the check above fails on an unfinished message, an empty one and a lost placeholder."""
    broken = tmp_path / "jivo_es.ts"
    broken.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="es_ES"><context><name>X</name>
<message><source>Open</source><translation type="unfinished"></translation></message>
<message><source>Cannot sign in: {0}</source><translation>No se puede</translation></message>
<message numerus="yes"><source>%n chat(s)</source><translation>
<numerusform>%n chat</numerusform></translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    problems = catalogue_problems(broken, "es")
    assert any("marked unfinished" in x for x in problems)
    assert any("empty" in x for x in problems)
    assert any("placeholders" in x for x in problems)
    assert any("plural forms" in x for x in problems)


def test_G6_catalogues_match_the_code(tmp_path: Path) -> None:
    """G6: running lupdate over jivo_desktop/ adds nothing and drops nothing: every string in
    the code is in the .ts files (else: `make i18n-update`, then translate)."""
    sources = sorted(str(p) for p in (REPO / "jivo_desktop").rglob("*.py"))
    for lang in LANGS:
        committed = TS_DIR / f"jivo_{lang}.ts"
        copy = tmp_path / committed.name
        shutil.copy(committed, copy)
        options = ["-silent", "-locations", "none", "-no-obsolete"]
        subprocess.run(
            [qt_tool("lupdate"), *options, *sources, "-ts", str(copy)],
            check=True,
            capture_output=True,
        )
        before = {(c, m.findtext("source")) for c, m in messages(committed)}
        after = {(c, m.findtext("source")) for c, m in messages(copy)}
        assert after - before == set(), f"{lang}: strings in the code but not in the .ts"
        assert before - after == set(), f"{lang}: strings in the .ts no longer in the code"
        assert catalogue_problems(copy, lang) == []


def test_G6_every_context_is_a_class_qt_asks_for() -> None:
    """G6: Qt looks a ``self.tr()`` text up under the class's name; lupdate files a call like
    ``self.page.tr("x")`` or ``widget.tr("x")`` under the context "self.page" / "widget",
    which nothing asks for, so that text would stay English at run time. Every context must
    be a class of jivo_desktop/ (or a context named in a ``translate`` call)."""
    known = {"platform"}
    for path in (REPO / "jivo_desktop").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                known.add(node.name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                known.add(str(node.args[0].value))
    contexts = {context for context, _ in messages(TS_DIR / "jivo_es.ts")}
    assert contexts - known == set(), "use QCoreApplication.translate('TheClass', ...) there"


def test_G6_qm_builds_and_translates(tmp_path: Path) -> None:
    """G6: lrelease turns each .ts into a .qm that Qt loads, with the guide's own words."""
    from PySide6.QtCore import QTranslator

    expected = {
        "es": ("Centro de Atención", "Equipo", "Ajustes"),
        "pt": ("Chats", "Equipe", "Configurações"),
        "ru": ("Чаты", "Команда", "Настройки"),
    }
    for lang in LANGS:
        qm = tmp_path / f"jivo_{lang}.qm"
        subprocess.run(
            [qt_tool("lrelease"), "-silent", str(TS_DIR / f"jivo_{lang}.ts"), "-qm", str(qm)],
            check=True,
        )
        translator = QTranslator()
        assert translator.load(str(qm))
        got = tuple(translator.translate("MainWindow", s) for s in ("Chats", "Team", "Settings"))
        assert got == expected[lang]
        assert translator.translate("TrayController", "%n chat(s) waiting", "", 5) in (
            "%n chats en espera",
            "%n chats aguardando",
            "%n чатов ждут",
        )


def test_G6_translations_found_in_checkout_and_bundle(monkeypatch: pytest.MonkeyPatch) -> None:
    """G6: the .qm files are looked up in resources/ of the checkout, or of the PyInstaller
    bundle (sys._MEIPASS)."""
    assert i18n.qm_path("es") == REPO / "resources" / "i18n" / "jivo_es.qm"
    monkeypatch.setattr(sys, "_MEIPASS", "/opt/jivo", raising=False)
    assert i18n.qm_path("ru") == Path("/opt/jivo/resources/i18n/jivo_ru.qm")
    assert paths.resources_dir() == Path("/opt/jivo/resources")


def test_G6_default_language_follows_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """G6: with nothing stored, the system's language if it is one of the four, else English;
    a stored choice wins."""

    class Store(dict[str, object]):
        def get(self, key: str, default: object = None) -> object:
            return super().get(key, default)

        def set(self, key: str, value: object) -> None:
            self[key] = value

    store = Store()
    monkeypatch.delenv("JIVO_DESKTOP_LANGUAGE", raising=False)
    for system, expected in (("de_DE", "en"), ("pt_BR", "pt"), ("ru_RU", "ru")):
        monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda s=system: i18n.QLocale(s)))
        assert i18n.stored_language(store) == expected
    monkeypatch.setenv("JIVO_DESKTOP_LANGUAGE", "es")  # stands in for the system's
    assert i18n.stored_language(store) == "es"
    store.set(i18n.SETTING, "ru")
    assert i18n.stored_language(store) == "ru"
    store.set(i18n.SETTING, "xx")  # unknown: as if nothing were stored
    assert i18n.stored_language(store) == "es"
