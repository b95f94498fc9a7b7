"""Compiled template code: reused from memory and disk, and never trusted blindly."""

from __future__ import annotations

import marshal
import os

import pytest
from jinja2 import StrictUndefined

from generator.writers import templating
from generator.writers.templating import CachedCompileEnvironment, cache_dir


def fresh_environment() -> CachedCompileEnvironment:
    return CachedCompileEnvironment(autoescape=True, undefined=StrictUndefined)


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(templating.CACHE_ENV, str(folder))
    monkeypatch.setattr(templating, "_MEMORY", {})
    return folder


def compiles(monkeypatch) -> list[str]:
    """Sources the Jinja compiler really compiled (not taken from a cache)."""
    seen: list[str] = []
    original = templating.SandboxedEnvironment.compile

    def spy(self, source, *args, **kwargs):
        seen.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(templating.SandboxedEnvironment, "compile", spy)
    return seen


def test_a_template_is_compiled_once_then_read_from_disk(cache, monkeypatch):
    seen = compiles(monkeypatch)
    source = "<p>{{ nama }} & {{ 1 + 1 }}</p>"
    assert fresh_environment().from_string(source).render(nama="A&B") == "<p>A&amp;B & 2</p>"
    assert seen == [source]
    assert len(list(cache.glob("*.jinja-code"))) == 1
    monkeypatch.setattr(templating, "_MEMORY", {})  # as in a new process
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
    monkeypatch.setattr(templating, "_MEMORY", {})
    assert fresh_environment().from_string("{{ 40 + 2 }}").render() == "42"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_to_is_not_read(cache, monkeypatch):
    seen = compiles(monkeypatch)
    fresh_environment().from_string("{{ 1 }}")
    cache.chmod(0o777)
    monkeypatch.setattr(templating, "_MEMORY", {})
    fresh_environment().from_string("{{ 1 }}")
    assert len(seen) == 2


def test_an_empty_setting_turns_the_disk_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(templating.CACHE_ENV, "")
    monkeypatch.setattr(templating, "_MEMORY", {})
    assert cache_dir() is None
    assert fresh_environment().from_string("{{ 'ok' }}").render() == "ok"


def test_an_unwritable_cache_still_renders(tmp_path, monkeypatch):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    monkeypatch.setenv(templating.CACHE_ENV, str(blocker / "cache"))
    monkeypatch.setattr(templating, "_MEMORY", {})
    assert fresh_environment().from_string("{{ 2 * 3 }}").render() == "6"


def test_default_location_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(templating.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "zi"


def test_the_oldest_entries_go_when_there_are_too_many(cache, monkeypatch):
    monkeypatch.setattr(templating, "MAX_ENTRIES", 3)
    for i in range(5):
        fresh_environment().from_string(f"{{{{ {i} }}}}")
        entries = list(cache.glob("*.jinja-code"))
        stamp = 1_000_000_000 + i
        newest = max(entries, key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, (stamp, stamp))  # distinct times even on coarse file systems
    assert len(list(cache.glob("*.jinja-code"))) == 3


# --- an entry runs only when zi wrote it for this user and this key -------------------------

SOURCE = "{{ 6 * 7 }}"


def entry_path(cache) -> tuple[str, object]:
    key = fresh_environment()._key(SOURCE, None, None, False)
    return key, cache / f"{key}.jinja-code"


def hostile_body(marker) -> bytes:
    """Compiled code that, if ever run, leaves a marker file behind."""
    return marshal.dumps(compile(f"open({str(marker)!r}, 'w').write('x')", "<asing>", "exec"))


def signed(cache, key: str, body: bytes) -> bytes:
    """An entry as zi writes it, with this cache's real key."""
    secret = templating._cache_key(cache, create=True)
    return templating.ENTRY_MAGIC + templating._mac(secret, key, body) + body


def used_again(cache, monkeypatch) -> list[str]:
    """Render SOURCE as a new process would; the sources really compiled."""
    monkeypatch.setattr(templating, "_MEMORY", {})
    seen = compiles(monkeypatch)
    assert fresh_environment().from_string(SOURCE).render() == "42"
    return seen


def prepared(cache, monkeypatch) -> tuple[str, object]:
    fresh_environment().from_string(SOURCE)  # makes the folder and its key
    return entry_path(cache)


@pytest.mark.parametrize("forge", ["wrong-mac", "old-format", "other-entry", "no-magic"])
def test_a_forged_entry_is_never_run(cache, monkeypatch, tmp_path, forge):
    marker = tmp_path / "dijalankan"
    key, path = prepared(cache, monkeypatch)
    body = hostile_body(marker)
    if forge == "wrong-mac":
        path.write_bytes(templating.ENTRY_MAGIC + bytes(32) + body)
    elif forge == "old-format":
        path.write_bytes(body)
    elif forge == "no-magic":
        path.write_bytes(signed(cache, key, body)[len(templating.ENTRY_MAGIC):])
    else:  # a genuine entry of another source, renamed
        other = "z" * 64
        path.write_bytes(signed(cache, other, body))
    assert used_again(cache, monkeypatch) == [SOURCE]
    assert not marker.exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
@pytest.mark.parametrize("kind", ["symlink", "group-writable", "world-writable", "fifo",
                                  "oversized", "foreign-owner", "folder"])
def test_an_entry_that_is_not_a_private_regular_file_is_never_run(cache, monkeypatch, tmp_path,
                                                                   kind):
    marker = tmp_path / "dijalankan"
    key, path = prepared(cache, monkeypatch)
    entry = signed(cache, key, hostile_body(marker))
    path.unlink()
    if kind == "symlink":
        elsewhere = tmp_path / "di-tempat-lain"
        elsewhere.write_bytes(entry)
        path.symlink_to(elsewhere)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(entry)
        if kind == "group-writable":
            path.chmod(0o664)
        elif kind == "world-writable":
            path.chmod(0o646)
        elif kind == "oversized":
            monkeypatch.setattr(templating, "MAX_ENTRY_BYTES", len(entry) - 1)
        elif os.getuid() != 0:
            pytest.skip("changing a file's owner needs root")
        else:
            os.chown(path, 4242, 4242)
    assert used_again(cache, monkeypatch) == [SOURCE]
    assert not marker.exists()


def test_a_valid_entry_is_still_used(cache, monkeypatch):
    prepared(cache, monkeypatch)
    assert used_again(cache, monkeypatch) == []


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
@pytest.mark.parametrize("kind", ["readable", "symlink", "short"])
def test_a_key_others_could_know_or_change_is_replaced(cache, monkeypatch, tmp_path, kind):
    marker = tmp_path / "dijalankan"
    key, path = prepared(cache, monkeypatch)
    key_file = cache / templating.KEY_FILE
    known = key_file.read_bytes()
    path.write_bytes(signed(cache, key, hostile_body(marker)))  # signed with the known key
    if kind == "readable":
        key_file.chmod(0o644)
    elif kind == "symlink":
        outside = tmp_path / "kunci-luar"
        outside.write_bytes(known)
        outside.chmod(0o600)
        key_file.unlink()
        key_file.symlink_to(outside)
    else:
        key_file.write_bytes(known[:16])
    monkeypatch.setattr(templating, "_KEYS", {})
    assert used_again(cache, monkeypatch) == [SOURCE]
    assert not marker.exists()
    assert not key_file.is_symlink() and key_file.read_bytes() != known
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert used_again(cache, monkeypatch) == []  # the fresh key's entry is used


def test_the_key_is_private(cache):
    fresh_environment().from_string(SOURCE)
    assert (cache / templating.KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert len((cache / templating.KEY_FILE).read_bytes()) == templating.KEY_BYTES
