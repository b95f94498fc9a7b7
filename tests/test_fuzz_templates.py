"""Property-based tests of hostile user templates: whatever a DOCX or HTML template asks for, the
writer gives a document or a TemplateProblem; never another exception, never a file written,
never a secret file's bytes, never a connection. Derandomized and bounded, like tests/test_fuzz.py.
"""

from __future__ import annotations

import io
import os
import re
import socket
import tempfile
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from generator.document.decree import build_document
from generator.rules import check_file
from generator.writers import limits
from generator.writers.docx_writer import render_docx
from generator.writers.html_writer import render_pdf
from generator.writers.problem import TemplateProblem
from generator.writers.resources import templates_dir
from tests.conftest import FIXTURES, edited_docx_template

SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SECRET = "RAHASIA0fa8c1d2e3b4"
WHEN = datetime(2026, 1, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A plan's document with a logo, a secret folder, a listener no one may reach, and tight
    bounds so that each example does little work; the listener is checked at the end."""
    root = tmp_path_factory.mktemp("fuzz-templat")
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    Image.new("RGB", (40, 40), (200, 0, 0)).save(root / "logo.png")
    plan = root / "rencana.yaml"
    plan.write_text(text.replace("  tempat: Contoh\n", "  tempat: Contoh\n  logo: logo.png\n"),
                    encoding="utf-8")
    checked = check_file(plan)
    secret = root / "rahasia"
    secret.mkdir()
    for name in ("rahasia.txt", "rahasia.png", "rahasia.css", "rahasia.ttf"):
        (secret / name).write_text(SECRET, encoding="utf-8")
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    saved = {name: os.environ.get(name) for name in (limits.TIME_ENV, limits.MEMORY_ENV)}
    os.environ[limits.TIME_ENV] = "0.4"
    os.environ[limits.MEMORY_ENV] = "300"
    yield {"doc": build_document(checked.plan, "asli", checked.logo), "root": root,
           "secret": secret, "port": server.getsockname()[1]}
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    server.setblocking(False)
    with pytest.raises(BlockingIOError):
        server.accept()
    server.close()


ROOTS = ["doc", "logo", "cycler", "joiner", "namespace", "lipsum", "range", "self", "loop", "dict",
         "doc.kop", "doc.penetapan", "doc.logo", "''", "'x'", "()", "[1, 2]", "{}", "10", "10**9"]
STEPS = [".__class__", ".__init__", ".__globals__", ".__mro__", ".__subclasses__()",
         "._TemplateReference__context", ".tpl", ".save('{target}')", ".docx",
         ".new_subdoc('/etc/passwd')", ".format(doc)", ".center(10**9)", ".ljust(10**8)",
         ".replace('', 'x' * 10**5)", "[0]", "['os']", ".os", ".popen('touch {target}')",
         "|attr('__class__')", "|list", "|join", "|center(10**9)", "|batch(10**9, 0)|list",
         "|tojson(indent=10**9)", "|format(1)", "|rt", " * 10**9", " ~ 'x'", " ** 999999",
         " % 1", "()", "(10**6)", "|string|length"]
EXPRESSIONS = st.builds(lambda root, steps: root + "".join(steps), st.sampled_from(ROOTS),
                        st.lists(st.sampled_from(STEPS), max_size=4))
SNIPPETS = st.one_of(
    EXPRESSIONS.map(lambda e: "{{ " + e + " }}"),
    st.tuples(st.sampled_from(["0", "3", "100000"]), EXPRESSIONS).map(
        lambda p: "{% for i in range(" + p[0] + ") %}{{ " + p[1] + " }}{% endfor %}"),
    EXPRESSIONS.map(lambda e: "{% set ns = namespace(v=(" + e + ")|string) %}{% for i in "
                    "range(40) %}{% set ns.v = ns.v ~ ns.v %}{% endfor %}{{ ns.v|length }}"),
    st.sampled_from(["{% include '/etc/passwd' %}", "{% include '../rahasia/rahasia.txt' %}",
                     "{% import '_bagian.html' as b %}{{ b.teks(doc.judul[0]) }}",
                     "{% extends 'keputusan.html' %}", "{{ range(10**9) }}",
                     "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                     "{% endfor %}", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
                     "{{ lipsum(100, false, 100, 1000) * 1000 }}", "{{ logo }}", "{%", "}}"]),
)
TEMPLATE_TEXT = st.lists(SNIPPETS, min_size=1, max_size=3).map("\n".join)


def url_choices(world) -> list[str]:
    secret, port = world["secret"], world["port"]
    return [
        (secret / "rahasia.png").as_uri(), (secret / "rahasia.css").as_uri(),
        (secret / "rahasia.ttf").as_uri(), "../rahasia/rahasia.txt", "/etc/passwd",
        f"http://127.0.0.1:{port}/a.png", f"https://127.0.0.1:{port}/a.css",
        f"ftp://127.0.0.1:{port}/", f"//127.0.0.1:{port}/x.png", "FILE:///etc/hostname",
        "file://localhost/etc/passwd", "data:text/plain," + SECRET[:3], "data:,", "data:x",
        "data:image/png;base64,@@@", "javascript:alert(1)", "cap.png", "tidak-ada.png",
        "jalan/../../rahasia/rahasia.png", "%2e%2e/rahasia/rahasia.png",
    ]


PLACES = ['<img src="{u}">', '<link rel="stylesheet" href="{u}">',
          '<style>@import url("{u}");</style>',
          '<style>@font-face {{ font-family: X; src: url("{u}"); }} '
          'p {{ font-family: X; }}</style>',
          '<style>body {{ background: url("{u}"); }}</style>', '<iframe src="{u}"></iframe>',
          '<object data="{u}"></object>', '<embed src="{u}">',
          '<link rel="attachment" href="{u}">', '<a rel="attachment" href="{u}">x</a>',
          '<svg><image href="{u}" width="5" height="5"/></svg>', '<a href="{u}">tautan</a>']


def _everything(root: Path) -> list[Path]:
    return sorted(root.rglob("*"))


def _readable(data: bytes) -> bytes:
    """A document's bytes with its zip members and PDF streams unpacked and appended."""
    found = [data]
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found += [archive.read(name) for name in archive.namelist()]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            found.append(zlib.decompress(stream))
        except zlib.error:
            pass
    return b"\n".join(found)


def _check(world, render, own: Path) -> None:
    """The render ends in a document without the secret or a message; nothing is written."""
    target = world["root"] / "dibuat"
    before = _everything(world["root"])
    try:
        data = render(world["doc"], WHEN, own)
    except TemplateProblem as exc:
        assert str(exc).startswith("templat "), str(exc)
        assert "Traceback" not in str(exc)
    else:
        assert SECRET.encode() not in _readable(data)
    assert not target.exists()
    assert _everything(world["root"]) == before


@settings(max_examples=30, **SETTINGS)
@given(text=TEMPLATE_TEXT)
def test_any_docx_template_fills_or_gives_a_message(world, text):
    with tempfile.TemporaryDirectory(dir=world["root"]) as folder:
        own = Path(folder)
        typed = text.replace("{target}", str(world["root"] / "dibuat"))
        typed = typed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        edited_docx_template(templates_dir() / "keputusan.docx", own / "keputusan.docx",
                             b"{{ doc.pejabat }}", b"{{ doc.pejabat }}" + typed.encode())
        _check(world, render_docx, own)


@settings(max_examples=20, **SETTINGS)
@given(text=TEMPLATE_TEXT, places=st.lists(st.tuples(st.sampled_from(PLACES),
                                                     st.integers(0, 19)), max_size=3),
       css=st.booleans())
def test_any_html_template_fills_or_gives_a_message(world, text, places, css):
    urls = url_choices(world)
    body = text.replace("{target}", str(world["root"] / "dibuat")) + "\n" + "\n".join(
        place.format(u=urls[index]) for place, index in places)
    with tempfile.TemporaryDirectory(dir=world["root"]) as folder:
        own = Path(folder)
        Image.new("RGB", (8, 8)).save(own / "cap.png")
        source = (templates_dir() / "keputusan.html").read_text(encoding="utf-8")
        (own / "keputusan.html").write_text(source.replace("<body>", "<body>\n" + body, 1),
                                            encoding="utf-8")
        if css:  # the same addresses from the user's stylesheet
            (own / "keputusan.css").write_text("\n".join(
                f'.x{i} {{ background: url("{urls[index]}"); }}'
                for i, (_, index) in enumerate(places)), encoding="utf-8")
        _check(world, render_pdf, own)
