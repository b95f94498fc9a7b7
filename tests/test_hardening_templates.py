"""A user's template can only fill the document: no library object to misuse, no file outside the
template folders, no connection, and bounded time, memory and size; every attempt is a message."""

from __future__ import annotations

import io
import os
import re
import secrets
import socket
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document
from PIL import Image

from generator.cli import main
from generator.writers import fetch, limits
from generator.writers.resources import templates_dir
from tests.conftest import FIXTURES, edited_docx_template

SECRET = "RAHASIA" + secrets.token_hex(12)
"""Written into files outside the template folders; must never reach a document."""


def plan(folder: Path, logo: bool = True) -> Path:
    """The minimal plan, with a logo beside it."""
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    if logo:
        Image.new("RGB", (60, 60), (180, 20, 20)).save(folder / "logo.png")
        text = text.replace("  tempat: Contoh\n", "  tempat: Contoh\n  logo: logo.png\n")
    path = folder / "rencana.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def build(tmp_path: Path, own: Path, fmt: str, versi: str = "asli") -> tuple[int, str]:
    """`zi build` of the minimal plan with the user's template folder; exit code and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main(["build", str(plan(tmp_path)), "-o", str(tmp_path / "out"), "--templates",
                 str(own), "--versi", versi, "--format", fmt], out, err)
    assert "Traceback" not in err.getvalue()
    return code, err.getvalue()


def recorder(path: Path):
    """A spy's notebook that a build's worker process can write to: one record per line."""
    path.touch()

    def note(data: bytes) -> None:
        with path.open("ab") as notes:
            notes.write(data.hex().encode() + b"\n")

    def read() -> list[bytes]:
        return [bytes.fromhex(line) for line in path.read_text().split()]

    return note, read


def written(tmp_path: Path) -> list[Path]:
    """Every file the build left in the output folder."""
    return [p for p in (tmp_path / "out").rglob("*") if p.is_file()]


def secret_files(tmp_path: Path) -> Path:
    """A folder beside the template folder holding the secret under every kind of name."""
    folder = tmp_path / "rahasia"
    folder.mkdir()
    for name in ("rahasia.txt", "rahasia.css", "rahasia.png", "rahasia.ttf", "rahasia.svg"):
        content = f"body::before {{ content: '{SECRET}'; }}" if name.endswith(".css") else SECRET
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def own_docx(tmp_path: Path, tag: str, name: str = "keputusan.docx") -> Path:
    """A user folder whose DOCX template has `tag` typed after the official's title."""
    own = tmp_path / "templat"
    own.mkdir(exist_ok=True)
    typed = tag.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    edited_docx_template(templates_dir() / name, own / name, b"{{ doc.pejabat }}",
                         b"{{ doc.pejabat }}" + typed.encode("utf-8"))
    return own


def own_html(tmp_path: Path, body: str, head: str = "") -> Path:
    """A user folder whose HTML template has `body` at the start of the body."""
    own = tmp_path / "templat"
    own.mkdir(exist_ok=True)
    source = (templates_dir() / "keputusan.html").read_text(encoding="utf-8")
    source = source.replace("<body>", "<body>\n" + body, 1).replace("</head>", head + "</head>")
    (own / "keputusan.html").write_text(source, encoding="utf-8")
    return own


# --- DOCX: plain data only ------------------------------------------------------------------

ESCAPES = [
    ("{{ logo.tpl.save('%s') }}", "isian tidak dikenal"),
    ("{{ logo.tpl.new_subdoc('/etc/passwd') }}", "isian tidak dikenal"),
    ("{{ logo.tpl.docx.save('%s') }}", "isian tidak dikenal"),
    ("{{ logo.__class__.__mro__ }}", "dilarang di templat"),
    ("{{ doc.__init__.__globals__ }}", "dilarang di templat"),
    ("{{ doc.__class__.__init__.__globals__['sys'] }}", "dilarang di templat"),
    ("{{ cycler.__init__.__globals__.os.system('touch %s') }}", "dilarang di templat"),
    ("{{ joiner.__init__.__globals__ }}", "dilarang di templat"),
    ("{{ namespace.__init__.__globals__ }}", "dilarang di templat"),
    ("{{ self._TemplateReference__context }}", "dilarang di templat"),
    ("{{ lipsum.__globals__['os'].popen('touch %s') }}", "dilarang di templat"),
    ("{{ ''.__class__.__base__.__subclasses__() }}", "dilarang di templat"),
    ("{{ (doc.kop|attr('__class__')) }}", "dilarang di templat"),
    ("{{ '{0.__class__}'.format(doc) }}", "dilarang di templat"),
    ("{% include '/etc/passwd' %}", "dilarang di templat: templat DOCX tidak dapat menyisipkan "
                                    "berkas lain ('/etc/passwd')"),
]


@pytest.mark.parametrize("tag, message", ESCAPES)
def test_a_docx_template_cannot_reach_files_or_python(tmp_path, tag, message):
    target = tmp_path / "dibuat-templat"
    own = own_docx(tmp_path, tag.replace("%s", str(target)))
    code, err = build(tmp_path, own, "docx")
    assert code == 1
    assert "templat keputusan.docx:" in err and message in err, err
    assert not target.exists()
    assert written(tmp_path) == []


def test_the_logo_marker_becomes_the_picture_where_the_template_prints_it(tmp_path):
    own = own_docx(tmp_path, " Logo: {{ logo }} kantor")
    code, err = build(tmp_path, own, "docx")
    assert code == 0, err
    data = (tmp_path / "out" / "rencana" / "keputusan-asli.docx").read_bytes()
    document = Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert any(t.endswith("KOTA CONTOH, Logo:  kantor") for t in texts), texts
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        assert [n for n in docx.namelist() if n.startswith("word/media/")] == \
            ["word/media/image1.png"]
        assert not any(b"ZILOGO" in docx.read(n) for n in docx.namelist())
    assert body.count("<w:drawing>") == 2  # the kop's and this one, one picture shared


# --- PDF: only data: and the template folders ------------------------------------------------

@pytest.fixture()
def listener():
    """A TCP socket listening on 127.0.0.1: templates point at it; no one may connect."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server
    server.setblocking(False)
    with pytest.raises(BlockingIOError):
        server.accept()
    server.close()


def _pdf_texts(data: bytes) -> bytes:
    """A PDF's bytes with every deflated stream inflated and appended."""
    found = [data]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        try:
            found.append(zlib.decompress(stream))
        except zlib.error:
            pass
    return b"\n".join(found)


def hostile_urls(tmp_path: Path, port: int) -> list[str]:
    folder = tmp_path / "rahasia"
    return [
        (folder / "rahasia.png").as_uri(), (folder / "rahasia.css").as_uri(),
        (folder / "rahasia.ttf").as_uri(), (folder / "rahasia.txt").as_uri(),
        "../rahasia/rahasia.png", "../../rahasia/rahasia.css", "/etc/passwd",
        "file://localhost" + str(folder / "rahasia.svg"),
        f"http://127.0.0.1:{port}/logo.png", f"https://127.0.0.1:{port}/a.css",
        f"ftp://127.0.0.1:{port}/a.png", f"//127.0.0.1:{port}/a.png", "gopher://127.0.0.1/",
    ]


PLACES = [
    '<img src="{url}">',
    '<link rel="stylesheet" href="{url}">',
    '<style>@import url("{url}");</style>',
    '<style>@font-face {{ font-family: X; src: url("{url}"); }} p {{ font-family: X; }}</style>',
    '<style>body {{ background: url("{url}"); }}</style>',
    '<iframe src="{url}"></iframe><object data="{url}"></object><embed src="{url}">',
    '<img src="data:image/svg+xml,<svg xmlns=&quot;http://www.w3.org/2000/svg&quot; '
    'xmlns:xlink=&quot;http://www.w3.org/1999/xlink&quot;><image xlink:href=&quot;{url}&quot; '
    'width=&quot;9&quot; height=&quot;9&quot;/></svg>">',
]


@pytest.mark.parametrize("place", PLACES)
def test_a_pdf_template_gets_nothing_outside_its_folders(tmp_path, listener, monkeypatch, place):
    secret_files(tmp_path)
    note, served_so_far = recorder(tmp_path / "disajikan.txt")
    original = fetch.serve

    def spy(url, roots):
        data, media = original(url, roots)
        note(data)
        return data, media

    monkeypatch.setattr(fetch, "serve", spy)
    urls = hostile_urls(tmp_path, listener.getsockname()[1])
    own = own_html(tmp_path, "\n".join(place.format(url=url) for url in urls))
    code, err = build(tmp_path, own, "pdf")
    assert code == 1
    assert "templat keputusan.html: alamat '" in err and "tidak diizinkan" in err, err
    served = served_so_far()
    assert not any(SECRET.encode() in data for data in served)
    assert served  # the shipped stylesheet and fonts were still served
    assert written(tmp_path) == []


def test_a_refusal_names_each_address_once(tmp_path, listener):
    secret_files(tmp_path)
    port = listener.getsockname()[1]
    own = own_html(tmp_path, f'<img src="http://127.0.0.1:{port}/a.png">'
                             f'<img src="http://127.0.0.1:{port}/a.png">'
                             '<img src="../rahasia/rahasia.png">')
    code, err = build(tmp_path, own, "pdf")
    assert code == 1
    assert err.count(f"alamat 'http://127.0.0.1:{port}/a.png' tidak diizinkan: templat hanya "
                     "boleh memakai alamat data: dan berkas di dalam folder templat") == 1
    assert f"alamat '{(tmp_path / 'rahasia' / 'rahasia.png').as_uri()}' tidak diizinkan: " \
        "berkas di luar folder templat" in err


@pytest.mark.parametrize("element", [
    '<link rel="attachment" href="data:text/plain,{secret}">',
    '<a rel="Bookmark ATTACHMENT" href="data:text/plain,{secret}">lampiran</a>',
    '<a rel="attachment" href="logo-kantor.png">lampiran</a>',
])
def test_a_pdf_template_cannot_attach_files(tmp_path, element):
    own = own_html(tmp_path, element.format(secret=SECRET))
    Image.new("RGB", (9, 9)).save(own / "logo-kantor.png")
    code, err = build(tmp_path, own, "pdf")
    assert code == 1
    assert "templat keputusan.html: lampiran berkas di dalam PDF (rel=\"attachment\") tidak " \
        "diizinkan" in err
    assert written(tmp_path) == []


def test_files_inside_the_template_folder_are_used(tmp_path):
    own = own_html(tmp_path, '<img class="cap" src="cap.png">'
                             f'<img src="data:image/png;base64,{_png_base64()}">')
    Image.new("RGB", (30, 30), (0, 90, 0)).save(own / "cap.png")
    (own / "huruf").mkdir()
    (own / "keputusan.css").write_text(
        '@font-face { font-family: "Sendiri"; src: url(huruf/sendiri.ttf); }\n'
        "img.cap { width: 1cm; }\n", encoding="utf-8")
    (own / "huruf" / "sendiri.ttf").write_bytes(
        (templates_dir() / "fonts" / "LiberationSans-Regular.ttf").read_bytes())
    code, err = build(tmp_path, own, "pdf")
    assert code == 0, err
    pdf = (tmp_path / "out" / "rencana" / "keputusan-asli.pdf").read_bytes()
    from pypdf import PdfReader

    assert len(PdfReader(io.BytesIO(pdf)).pages[0].images) == 3  # kop logo, cap, data: image


def _png_base64() -> str:
    import base64

    buffer = io.BytesIO()
    Image.new("RGB", (5, 5), (0, 0, 200)).save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def test_a_template_file_may_not_be_a_symlink_out_of_its_folder(tmp_path):
    folder = secret_files(tmp_path)
    own = tmp_path / "templat"
    own.mkdir()
    (own / "keputusan.html").symlink_to(folder / "rahasia.txt")
    code, err = build(tmp_path, own, "pdf")
    assert code == 1
    assert "templat keputusan.html: berkas berada di luar folder templat (tautan simbolik ke " \
        "tempat lain tidak dipakai)" in err
    (own / "keputusan.html").unlink()
    (own / "keputusan.docx").symlink_to(folder / "rahasia.txt")
    code, err = build(tmp_path, own, "docx")
    assert code == 1 and "templat keputusan.docx: berkas berada di luar folder templat" in err
    assert SECRET not in err


def test_an_include_follows_no_symlink_out(tmp_path):
    folder = secret_files(tmp_path)
    own = own_html(tmp_path, '{% include "sisipan.html" %}')
    (own / "sisipan.html").symlink_to(folder / "rahasia.txt")
    code, err = build(tmp_path, own, "pdf")
    assert code == 1 and "templat sisipan.html: berkas berada di luar folder templat" in err
    own = own_html(tmp_path, '{% include "tidak-ada.html" %}')
    code, err = build(tmp_path, own, "pdf")
    assert code == 1
    assert "templat keputusan.html baris 25: kesalahan templat: templat 'tidak-ada.html' tidak " \
        "ada di folder templat" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFO")
@pytest.mark.parametrize("name, fmt", [("keputusan.docx", "docx"), ("keputusan.html", "pdf"),
                                       ("keputusan.css", "pdf")])
def test_a_fifo_as_template_is_a_message_not_a_hang(tmp_path, name, fmt):
    own = tmp_path / "templat"
    own.mkdir()
    os.mkfifo(own / name)
    code, err = build(tmp_path, own, fmt)
    assert code == 1
    assert "bukan berkas biasa" in err or "tidak diizinkan" in err, err


# --- bounds: time, memory, size ----------------------------------------------------------------

ENDLESS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_an_endless_loop_is_stopped_by_the_time_limit(tmp_path, monkeypatch, fmt):
    monkeypatch.setenv(limits.TIME_ENV, "0.3")
    own = own_docx(tmp_path, ENDLESS) if fmt == "docx" else own_html(tmp_path, ENDLESS)
    code, err = build(tmp_path, own, fmt)
    assert code == 1
    name = "keputusan.docx" if fmt == "docx" else "keputusan.html"
    assert f"templat {name}: melampaui batas: pengisian dihentikan setelah 0.3 detik; periksa " \
        f"perulangan di templat (batas dapat diubah dengan {limits.TIME_ENV})" in err


def test_the_timer_and_handler_before_a_build_are_given_back(tmp_path, monkeypatch):
    import signal

    def mine(signum, frame):
        raise AssertionError("not expected to fire")

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        signal.setitimer(signal.ITIMER_REAL, 1000)
        code, err = build(tmp_path, own_html(tmp_path, ""), "pdf")
        assert code == 0, err
        assert signal.getsignal(signal.SIGALRM) is mine
        left = signal.setitimer(signal.ITIMER_REAL, 0)[0]
        assert 0 < left <= 1000
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="address-space limit")
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_memory_growth_is_stopped_by_the_memory_limit(tmp_path, monkeypatch, fmt):
    monkeypatch.setenv(limits.MEMORY_ENV, "200")
    grow = ("{% set ns = namespace(s='x' * 1000) %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}")
    own = own_docx(tmp_path, grow) if fmt == "docx" else own_html(tmp_path, grow)
    code, err = build(tmp_path, own, fmt)
    assert code == 1
    assert "melampaui batas: pengisian memerlukan memori lebih dari 200 MB" in err, err


@pytest.mark.parametrize("expression", [
    "'x' * 10**9", "[1, 2] * 10**9", "9 ** 999999", "(10**5000) * (10**5000)",
    "'x'|center(10**9)", "'x'|indent(10**9)", "'%0999999999d' % 1", "'%*d' % (10**9, 1)",
    "'%0999999999d'|format(1)", "'{:>999999999}'.format(1)", "'{:>{w}}'.format(1, w=10**9)",
    "'x'.ljust(10**9)", "'x'.zfill(10**9)", "('x' * 1000)|replace('x', 'y' * 100000)",
    "('x' * 1000).replace('', 'y' * 100000)", "lipsum(10**6)", "range(3)|batch(10**9, 0)|list",
    "range(3)|slice(10**9)|list", "{'a': 1}|tojson(indent=10**9)",
])
def test_a_huge_value_is_refused_before_it_is_made(tmp_path, expression):
    code, err = build(tmp_path, own_html(tmp_path, "{{ " + expression + " }}"), "pdf")
    assert code == 1
    assert "templat keputusan.html baris" in err and ": melampaui batas: " in err, err


def test_a_huge_output_is_refused(tmp_path):
    own = own_docx(tmp_path, "{% for i in range(100000) %}{{ lipsum(100, false, 100, 1000) }}"
                             "{% endfor %}")
    code, err = build(tmp_path, own, "docx")
    assert code == 1
    assert "templat keputusan.docx: melampaui batas: hasil pengisian lebih dari 32.000.000 " \
        "karakter (periksa perulangan di templat)" in err


def test_other_errors_of_template_code_are_messages(tmp_path):
    code, err = build(tmp_path, own_docx(tmp_path, "{{ 1 / 0 }}{{ doc|rt }}"), "docx")
    assert code == 1
    assert "templat keputusan.docx: kesalahan templat saat mengisi (ZeroDivisionError: division " \
        "by zero)" in err
    code, err = build(tmp_path, own_html(tmp_path, "\n{{ doc.kop|sum }}"), "pdf")
    assert code == 1
    assert "templat keputusan.html baris 26: kesalahan templat saat mengisi (TypeError: " in err
    code, err = build(tmp_path, own_html(tmp_path, "{% macro m() %}{{ m() }}{% endmacro %}"
                                                   "{{ m() }}"), "pdf")
    assert code == 1
    assert "templat keputusan.html baris 25: kesalahan templat: makro atau isian memanggil " \
        "dirinya sendiri tanpa akhir" in err
    code, err = build(tmp_path, own_docx(tmp_path, "{{ range(10**9)|length }}"), "docx")
    assert code == 1
    assert "templat keputusan.docx: melampaui batas: range dengan 1000000000 angka (paling " \
        "banyak 100000)" in err


def _zip(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _shipped_members() -> dict[str, bytes]:
    with zipfile.ZipFile(templates_dir() / "keputusan.docx") as docx:
        return {name: docx.read(name) for name in docx.namelist()}


def test_a_docx_zip_bomb_is_refused_before_unpacking(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "DOCX_MAX_UNPACKED", 4 * 1024 * 1024)
    own = tmp_path / "templat"
    own.mkdir()
    members = _shipped_members()
    members["word/media/bom.bin"] = bytes(5 * 1024 * 1024)
    (own / "keputusan.docx").write_bytes(_zip(members))
    code, err = build(tmp_path, own, "docx")
    assert code == 1
    assert "templat keputusan.docx: isinya setelah dibuka lebih dari 4 MB" in err


def test_a_docx_whose_sizes_lie_is_stopped_at_the_size_it_declares(tmp_path, monkeypatch):
    own = tmp_path / "templat"
    own.mkdir()
    members = _shipped_members()
    members["word/media/bom.bin"] = bytes(3 * 1024 * 1024)
    data = bytearray(_zip(members))
    # declare 100 bytes for the bomb in its local header and in the central directory
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            length = struct.unpack("<H", data[start + offset + 4:start + offset + 6])[0]
            if data[name_at:name_at + length] == b"word/media/bom.bin":
                data[start + offset:start + offset + 4] = struct.pack("<I", 100)
            start += 4
    (own / "keputusan.docx").write_bytes(bytes(data))
    note, unpacked = recorder(tmp_path / "dibuka.txt")
    original = limits._unpack
    monkeypatch.setattr(limits, "_unpack", lambda source, info: note(
        str(info.file_size).encode()) or original(source, info))
    code, err = build(tmp_path, own, "docx")
    assert code == 1
    assert "templat keputusan.docx tidak dapat dibuka sebagai DOCX" in err
    assert b"100" in unpacked()


def test_a_docx_with_too_many_members_is_refused_unlisted(tmp_path):
    own = tmp_path / "templat"
    own.mkdir()
    members = _shipped_members()
    members.update({f"x/{i}": b"" for i in range(limits.DOCX_MAX_MEMBERS)})
    (own / "keputusan.docx").write_bytes(_zip(members, zipfile.ZIP_STORED))
    code, err = build(tmp_path, own, "docx")
    assert code == 1
    assert f"berisi {limits.DOCX_MAX_MEMBERS + 18} berkas di dalamnya (paling banyak " \
        f"{limits.DOCX_MAX_MEMBERS}); bukan DOCX biasa" in err


def test_a_template_that_is_not_a_zip_is_named(tmp_path):
    own = tmp_path / "templat"
    own.mkdir()
    (own / "keputusan.docx").write_text("bukan docx", encoding="utf-8")
    code, err = build(tmp_path, own, "docx")
    assert code == 1 and "templat keputusan.docx tidak dapat dibuka sebagai DOCX" in err


def test_pdf_layout_is_bounded_too(tmp_path, monkeypatch):
    import weasyprint

    def endless(self, *args, **kwargs):
        while True:
            pass

    monkeypatch.setenv(limits.TIME_ENV, "0.3")
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", endless)
    code, err = build(tmp_path, own_html(tmp_path, ""), "pdf")
    assert code == 1
    assert "templat keputusan.html: melampaui batas: tata letak PDF dihentikan setelah 0.3 " \
        "detik" in err


# --- the fetcher itself -----------------------------------------------------------------------

def test_the_fetcher_serves_data_and_template_files_only(tmp_path):
    folder = secret_files(tmp_path)
    own = tmp_path / "templat"
    own.mkdir()
    (own / "gaya.css").write_text("p { color: red; }", encoding="utf-8")
    (own / "catatan.txt").write_text(SECRET, encoding="utf-8")
    roots = fetch.template_roots(own)
    assert fetch.serve("data:text/css;charset=utf-8,p%20%7B%7D", roots) == \
        (b"p {}", "text/css; charset=utf-8")
    assert fetch.serve("data:image/png;base64,iVBORw==", roots) == (b"\x89PNG", "image/png")
    assert fetch.serve((own / "gaya.css").as_uri(), roots) == (b"p { color: red; }", "text/css")
    assert fetch.serve((templates_dir() / "keputusan.css").as_uri(), roots)[1] == "text/css"
    refusals = {
        (own / "catatan.txt").as_uri(): "templat hanya boleh memakai lembar gaya (.css), gambar, "
                                        "dan huruf dari folder templat",
        (folder / "rahasia.css").as_uri(): "berkas di luar folder templat",
        (own / ".." / "rahasia" / "rahasia.css").as_uri(): "berkas di luar folder templat",
        "file://server/berkas.css": "berkas di komputer lain",
        "http://127.0.0.1/": "templat hanya boleh memakai alamat data: dan berkas di dalam folder "
                             "templat",
        "data:image/png;base64,@": "alamat 'data:image/png;base64,@' tidak sah: base64-nya rusak",
        "data:text/plain": "alamat 'data:text/plain' tidak sah: alamat data: tanpa tanda koma",
    }
    for url, reason in refusals.items():
        with pytest.raises(fetch.Refused) as info:
            fetch.serve(url, roots)
        assert reason in str(info.value), url
    (own / "tautan.css").symlink_to(folder / "rahasia.css")
    with pytest.raises(fetch.Refused, match="berkas di luar folder templat"):
        fetch.serve((own / "tautan.css").as_uri(), roots)


def test_the_fetcher_for_an_older_weasyprint_refuses_alike(tmp_path):
    own = tmp_path / "templat"
    own.mkdir()
    refused: list[str] = []
    fetcher = fetch.legacy_fetcher(fetch.template_roots(own), refused)
    assert fetcher("data:text/plain,ok") == {"string": b"ok", "mime_type": "text/plain",
                                             "redirected_url": "data:text/plain,ok"}
    with pytest.raises(fetch.Refused):
        fetcher("https://127.0.0.1/a.css")
    assert refused == ["alamat 'https://127.0.0.1/a.css' tidak diizinkan: templat hanya boleh "
                       "memakai alamat data: dan berkas di dalam folder templat"]


def test_installed_fonts_named_by_a_stylesheet_are_allowed():
    font = next((path for folder in fetch.SYSTEM_FONT_DIRS if folder.is_dir()
                 for path in folder.rglob("*.ttf")), None)
    if font is None:
        pytest.skip("no installed font")
    data, _ = fetch.serve(font.as_uri(), fetch.template_roots(None))
    assert data == font.read_bytes()
    with pytest.raises(fetch.Refused):
        fetch.serve(font.with_suffix(".txt").as_uri(), fetch.template_roots(None))


def test_the_logo_is_printed_a_bounded_number_of_times(tmp_path):
    own = own_docx(tmp_path, "{% for i in range(100000) %}{{ logo }}{% endfor %}")
    code, err = build(tmp_path, own, "docx")
    assert code == 1
    assert "templat keputusan.docx: logo dicetak lebih dari 20 kali (periksa perulangan di " \
        "templat)" in err


@pytest.mark.parametrize("content, message", [
    (b"<p>" + b"x" * (fetch.MAX_TEMPLATE_BYTES + 1), "templat keputusan.html lebih dari 2 MB"),
    ("<p>Kantor \u00e9</p>".encode("latin-1"), "templat keputusan.html: bukan teks UTF-8"),
])
def test_an_html_template_is_read_within_bounds(tmp_path, content, message):
    own = tmp_path / "templat"
    own.mkdir()
    (own / "keputusan.html").write_bytes(content)
    code, err = build(tmp_path, own, "pdf")
    assert code == 1 and message in err, err


def test_a_stylesheet_importing_another_by_data_url_is_confined_too(tmp_path, listener):
    folder = secret_files(tmp_path)
    port = listener.getsockname()[1]
    inner = f"@import url({(folder / 'rahasia.css').as_uri()}); @import url(http://127.0.0.1:{port}/);"
    own = own_html(tmp_path, "", head=f'<link rel="stylesheet" href="data:text/css,{inner}">')
    code, err = build(tmp_path, own, "pdf")
    assert code == 1
    assert f"alamat '{(folder / 'rahasia.css').as_uri()}' tidak diizinkan" in err
    assert f"alamat 'http://127.0.0.1:{port}/' tidak diizinkan" in err


def test_a_layout_engine_failure_is_a_message(tmp_path, monkeypatch):
    import weasyprint

    def trips(self, *args, **kwargs):
        raise ValueError("nilai CSS aneh")

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", trips)
    code, err = build(tmp_path, own_html(tmp_path, ""), "pdf")
    assert code == 1
    assert "templat keputusan.html: tata letak PDF gagal (ValueError: nilai CSS aneh)" in err


def test_a_docx_template_that_makes_broken_xml_is_a_message(tmp_path):
    own = tmp_path / "templat"
    own.mkdir()
    edited_docx_template(templates_dir() / "keputusan.docx", own / "keputusan.docx",
                         b"<w:body>", b"<w:body>{{ '<w:p>'|safe }}")
    code, err = build(tmp_path, own, "docx")
    assert code == 1
    assert "templat keputusan.docx: hasil pengisian bukan XML Word yang sah (" in err, err
