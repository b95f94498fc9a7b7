"""Compiled template code: reused from memory and disk, and never trusted blindly."""

from __future__ import annotations

import os

import pytest
from jinja2 import StrictUndefined

from generator import templat
from generator.templat import CachedCompileEnvironment, cache_dir


def fresh_environment() -> CachedCompileEnvironment:
    return CachedCompileEnvironment(autoescape=True, undefined=StrictUndefined)


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(templat.CACHE_ENV, str(folder))
    monkeypatch.setattr(templat, "_MEMORY", {})
    return folder


def compiles(monkeypatch) -> list[str]:
    """Sources the Jinja compiler really compiled (not taken from a cache)."""
    seen: list[str] = []
    original = templat.SandboxedEnvironment.compile

    def spy(self, source, *args, **kwargs):
        seen.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(templat.SandboxedEnvironment, "compile", spy)
    return seen


def test_a_template_is_compiled_once_then_read_from_disk(cache, monkeypatch):
    seen = compiles(monkeypatch)
    source = "<p>{{ nama }} & {{ 1 + 1 }}</p>"
    assert fresh_environment().from_string(source).render(nama="A&B") == "<p>A&amp;B & 2</p>"
    assert seen == [source]
    assert len(list(cache.glob("*.jinja-code"))) == 1
    monkeypatch.setattr(templat, "_MEMORY", {})  # as in a new process
    assert fresh_environment().from_string(source).render(nama="<x>") == "<p>&lt;x&gt; & 2</p>"
    assert seen == [source]


def test_other_settings_compile_again(cache, monkeypatch):
    seen = compiles(monkeypatch)
    source = "{{ nama }}"
    fresh_environment().from_string(source)
    plain = CachedCompileEnvironment(autoescape=False)
    assert plain.from_string(source).render(nama="<b>") == "<b>"
    assert len(seen) == 2


def test_a_damaged_entry_is_compiled_again(cache, monkeypatch):
    fresh_environment().from_string("{{ 40 + 2 }}")
    for entry in cache.glob("*.jinja-code"):
        entry.write_bytes(b"rusak")
    monkeypatch.setattr(templat, "_MEMORY", {})
    assert fresh_environment().from_string("{{ 40 + 2 }}").render() == "42"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_to_is_not_read(cache, monkeypatch):
    seen = compiles(monkeypatch)
    fresh_environment().from_string("{{ 1 }}")
    cache.chmod(0o777)
    monkeypatch.setattr(templat, "_MEMORY", {})
    fresh_environment().from_string("{{ 1 }}")
    assert len(seen) == 2


def test_an_empty_setting_turns_the_disk_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(templat.CACHE_ENV, "")
    monkeypatch.setattr(templat, "_MEMORY", {})
    assert cache_dir() is None
    assert fresh_environment().from_string("{{ 'ok' }}").render() == "ok"


def test_an_unwritable_cache_still_renders(tmp_path, monkeypatch):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    monkeypatch.setenv(templat.CACHE_ENV, str(blocker / "cache"))
    monkeypatch.setattr(templat, "_MEMORY", {})
    assert fresh_environment().from_string("{{ 2 * 3 }}").render() == "6"


def test_default_location_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(templat.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "zi"


def test_the_oldest_entries_go_when_there_are_too_many(cache, monkeypatch):
    monkeypatch.setattr(templat, "MAX_ENTRIES", 3)
    for i in range(5):
        fresh_environment().from_string(f"{{{{ {i} }}}}")
        entries = list(cache.glob("*.jinja-code"))
        stamp = 1_000_000_000 + i
        newest = max(entries, key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, (stamp, stamp))  # distinct times even on coarse file systems
    assert len(list(cache.glob("*.jinja-code"))) == 3
