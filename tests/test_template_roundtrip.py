"""Templates an office has opened, changed and saved: each shipped DOCX template saved again by
LibreOffice, the kinds of damage Word does to tags typed in it, and an office's own edits (kop,
style, margins, a picture) still build every example plan, with the same text or with the edit."""

from __future__ import annotations

import copy
import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm, Pt
from lxml import etree
from PIL import Image

from generator.cli import main
from generator.output.monev import render_monev
from generator.writers.markers import TABLE_KINDS, TABLE_MARKER, caption_kind, table_kind
from generator.writers.resources import templates_dir
from generator.writers.tag_repair import MangledTags, join_split_tags, mangled, repair
from tests.conftest import EXAMPLE_PLANS, FIXTURES, convert_with_libreoffice, docx_blocks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
SHIPPED = ("keputusan.docx", "rencana-aksi.docx", "monev.docx")
DECREE_PLANS = [*EXAMPLE_PLANS, FIXTURES / "layouts" / "mandiri.yaml"]
"""The example plans, and the standalone Rencana Aksi (rencana-aksi.docx)."""
MONEV_PLAN = FIXTURES / "monev" / "kutai-timur-2025.yaml"
SMALL_PLAN = next(p for p in EXAMPLE_PLANS if p.stem == "merangin-2025")
"""The plan the damage and edit fixtures build: one Rencana Aksi table, a kop, a signature."""


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def build(plan: Path, out: Path, templates: Path | None = None) -> tuple[int, str, list[str]]:
    """Exit code, error text and the text of the DOCX (asli) `zi build` writes for `plan`;
    the DOCX itself is left in `out`/<plan>/."""
    argv = ["build", str(plan), "-o", str(out), "--format", "docx", "--versi", "asli", "--force"]
    if templates is not None:
        argv += ["--templates", str(templates)]
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(argv, stdout, stderr)
    built = sorted((out / plan.stem).glob("*.docx")) if code == 0 else []
    return code, stderr.getvalue(), docx_blocks(built[0].read_bytes()) if built else []


# --- LibreOffice -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory) -> Path:
    """The shipped DOCX templates, each opened and saved as DOCX by LibreOffice, in one folder."""
    folder = tmp_path_factory.mktemp("libreoffice")
    work = tmp_path_factory.mktemp("soffice")
    for name in SHIPPED:
        saved = convert_with_libreoffice(templates_dir() / name, work, to="docx")
        shutil.move(saved, folder / name)
    return folder


@pytest.fixture(scope="module")
def shipped_out(tmp_path_factory) -> Path:
    """The folder the decree plans are built into with the shipped templates."""
    return tmp_path_factory.mktemp("shipped")


@pytest.fixture(scope="module")
def with_shipped(shipped_out) -> dict[str, list[str]]:
    """The text of each decree plan built with the shipped templates."""
    texts = {}
    for plan in DECREE_PLANS:
        code, err, text = build(plan, shipped_out)
        assert code == 0, err
        texts[plan.stem] = text
    return texts


def pages(folder: Path) -> list[tuple[object, ...]]:
    """Each section's orientation, paper and margins (in mm), and the number of pictures, of the
    one DOCX in `folder`."""
    [docx] = folder.glob("*.docx")
    document = Document(str(docx))
    sections: list[tuple[object, ...]] = [
        (s.orientation, round(s.page_width.mm), round(s.page_height.mm), round(s.left_margin.mm),
         round(s.right_margin.mm), round(s.top_margin.mm), round(s.bottom_margin.mm))
        for s in document.sections]
    return [*sections, ("gambar", len(document.inline_shapes))]


def _tables(docx: Path) -> list[etree._Element]:
    with zipfile.ZipFile(docx) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return list(root.iter(w("tbl")))


@pytest.mark.parametrize("name", SHIPPED)
def test_libreoffice_drops_the_alt_text_but_keeps_the_markers(saved_by_libreoffice, name):
    shipped = [table_kind(t) for t in _tables(templates_dir() / name)]
    saved = _tables(saved_by_libreoffice / name)
    if name != "monev.docx":
        assert set(shipped) <= set(TABLE_KINDS)
    assert all(shipped)
    assert [caption_kind(t) for t in saved] == [None] * len(shipped)
    assert [table_kind(t) for t in saved] == shipped


@pytest.mark.parametrize("plan", DECREE_PLANS, ids=lambda p: p.stem)
def test_a_template_saved_by_libreoffice_builds_the_same_text(saved_by_libreoffice, with_shipped,
                                                              shipped_out, tmp_path, plan):
    code, err, text = build(plan, tmp_path, saved_by_libreoffice)
    assert code == 0, err
    assert text == with_shipped[plan.stem]
    assert pages(tmp_path / plan.stem) == pages(shipped_out / plan.stem)


def test_the_monev_template_saved_by_libreoffice_builds_the_same_text(saved_by_libreoffice,
                                                                       tmp_path):
    def report(templates: Path | None) -> list[str]:
        """The report's text; a soft hyphen (U+00AD in the shipped heading 'PERSEN-TASE') is
        saved by LibreOffice as a <w:softHyphen/> element, which prints the same but is no
        character of python-docx's text, so it is left out on both sides."""
        [output] = render_monev(MONEV_PLAN, 2, tmp_path, formats=("docx",), versions=("asli",),
                                templates=templates)
        charts = len(Document(io.BytesIO(output.data)).inline_shapes)
        return [line.replace("\xad", "") for line in docx_blocks(output.data)] + [str(charts)]

    shipped = report(None)
    assert shipped[-1] == "2"  # both charts
    assert report(saved_by_libreoffice) == shipped


# --- Word's damage to tags ---------------------------------------------------------------------


def _edited(folder: Path, edit: Callable[[etree._Element], None],
            name: str = "keputusan.docx") -> Path:
    """A copy of the shipped template in `folder` with its body changed by `edit`."""
    folder.mkdir(exist_ok=True)
    with zipfile.ZipFile(templates_dir() / name) as source, \
            zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            target.writestr(info, data)
    return folder


def _run_of(root: etree._Element, text: str) -> etree._Element:
    return next(t.getparent() for t in root.iter(w("t")) if t.text == text)


def _props(xml: str) -> etree._Element:
    return etree.fromstring(f"<w:rPr {NS}>{xml}</w:rPr>")


def split_as_word_does(root: etree._Element, tag: str, cuts: tuple[int, ...], kind: str) -> None:
    """The run holding `tag` cut into runs at `cuts`, with one kind of Word's damage between or
    on the pieces; the first piece keeps the run's own formatting."""
    run = _run_of(root, tag)
    pieces = [tag[a:b] for a, b in zip((0, *cuts), (*cuts, len(tag)), strict=True)]
    runs = []
    for number, piece in enumerate(pieces):
        part = copy.deepcopy(run)
        part.find(w("t")).text = piece
        part.find(w("t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        props = part.find(w("rPr"))
        if props is None:
            props = etree.SubElement(part, w("rPr"))
            part.insert(0, props)
        if number and kind == "huruf":
            props.append(_props('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
                                "<w:b/>")[0])
        if number and kind == "bahasa":
            props.append(_props('<w:lang w:val="en-US"/>')[0])
        if kind == "rsid":
            part.set(w("rsidR"), f"00A1B2C{number}")
            part.set(w("rsidRPr"), "00F00D00")
        runs.append(part)
    placed: list[etree._Element] = []
    for number, part in enumerate(runs):
        if number and kind == "ejaan":
            placed.append(etree.fromstring(f'<w:proofErr {NS} w:type="spellStart"/>'))
        if number and kind == "penanda":
            placed.append(etree.fromstring(f'<w:bookmarkStart {NS} w:id="9{number}" '
                                           f'w:name="_GoBack{number}"/>'))
            placed.append(etree.fromstring(f'<w:bookmarkEnd {NS} w:id="9{number}"/>'))
        if number == 1 and kind == "sisipan":
            insertion = etree.fromstring(f'<w:ins {NS} w:id="7" w:author="Operator" '
                                         'w:date="2026-01-05T09:00:00Z"/>')
            insertion.append(part)
            part = insertion
        placed.append(part)
    if kind == "rsid":
        run.getparent().set(w("rsidR"), "00C0FFEE")
        run.getparent().set(w("rsidRDefault"), "00C0FFEE")
    anchor = run
    for element in placed:
        anchor.addnext(element)
        anchor = element
    run.getparent().remove(run)


SPLIT_TAGS = (
    ("{{ doc.pejabat }}", (1, 9, 15)),  # '{' | '{ doc.pe' | 'jabat ' | '}}'
    ("{{ doc.penetapan.tempat }}", (3, 17, 25)),
    ("{{r item.text|rt }}", (2, 8)),  # rich text: '{{' | 'r item' | '.text|rt }}'
    ("{%p for item in doc.diktum %}", (1, 12, 28)),  # a paragraph tag
)
WORD_DAMAGE = ("huruf", "ejaan", "rsid", "bahasa", "penanda", "sisipan")
"""A font change inside the tag, spelling marks (w:proofErr), revision ids (w:rsid*), another
language, bookmarks, and a tracked insertion (w:ins) inside the tag."""


@pytest.mark.parametrize("kind", WORD_DAMAGE)
def test_tags_split_by_word_build_the_same_text(with_shipped, tmp_path, kind):
    def damage(root: etree._Element) -> None:
        for tag, cuts in SPLIT_TAGS:
            split_as_word_does(root, tag, cuts, kind)

    own = _edited(tmp_path / "templat", damage)
    with zipfile.ZipFile(own / "keputusan.docx") as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "{{ doc.pejabat }}" not in body  # the damage is really there
    code, err, text = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 0, err
    assert text == with_shipped[SMALL_PLAN.stem]


def test_a_split_tag_prints_with_the_formatting_of_its_first_character(tmp_path):
    own = _edited(tmp_path / "templat",
                  lambda root: split_as_word_does(root, "{{ doc.pejabat }}", (1, 9, 15), "huruf"))
    code, err, _ = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 0, err
    document = Document(io.BytesIO((tmp_path / "out" / SMALL_PLAN.stem /
                                    "keputusan-asli.docx").read_bytes()))
    pejabat = next(p for p in document.paragraphs if p.text.startswith("KETUA KOMISI"))
    assert [(run.text, run.bold, run.font.name) for run in pejabat.runs] == \
        [(pejabat.text, None, None)]


# the joining itself, on one paragraph: runs as Word leaves them -> runs after joining
RUN_JOINS = [
    pytest.param(
        '<w:r><w:t>{{ doc.pe</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>jabat }} (Kota)</w:t></w:r>',
        [("{{ doc.pejabat }}", ""), (" (Kota)", "b")],
        id="text after the tag keeps its own run and formatting"),
    pytest.param(
        '<w:r><w:t xml:space="preserve">Nomor {</w:t></w:r><w:proofErr w:type="spellStart"/>'
        '<w:r><w:rPr><w:i/></w:rPr><w:t>{ doc.nomor }</w:t></w:r><w:proofErr w:type="spellEnd"/>'
        '<w:r><w:t>}</w:t></w:r>',
        [("Nomor {{ doc.nomor }}", "")],
        id="text before the tag stays, emptied runs go"),
    pytest.param(
        '<w:r><w:t>{{ a }}{{ b</w:t></w:r>'
        '<w:ins w:id="1" w:author="x" w:date="2026-01-01T00:00:00Z"><w:r>'
        '<w:t> }}{% if c</w:t></w:r></w:ins><w:r><w:t> %}</w:t></w:r>',
        [("{{ a }}{{ b }}", ""), ("{% if c %}", "")],
        id="two tags across a tracked insertion, each in the run of its first character"),
    pytest.param(
        '<w:r><w:t>{{ ditulis utuh }}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>tebal</w:t></w:r>',
        [("{{ ditulis utuh }}", ""), ("tebal", "b")],
        id="a tag typed at once is left alone"),
]


def _runs(paragraph: etree._Element) -> list[tuple[str, str]]:
    """Each run's text and the names of its formatting, e.g. ('tebal', 'b')."""
    found = []
    for run in paragraph.iter(w("r")):
        props = run.find(w("rPr"))
        names = [etree.QName(p).localname for p in props] if props is not None else []
        found.append(("".join(t.text or "" for t in run.iter(w("t"))), "".join(names)))
    return found


@pytest.mark.parametrize("runs, joined", RUN_JOINS)
def test_split_tags_are_joined_into_their_first_run(runs, joined):
    paragraph = etree.fromstring(f"<w:p {NS}>{runs}</w:p>")
    join_split_tags(paragraph)
    assert _runs(paragraph) == joined


# a paragraph's text -> what is wrong with its tags
MANGLED_TEXT = [
    ("KOMISI PEMILIHAN UMUM {{ wilayah }", "tag '{{' tidak ditutup '}}'"),
    ("{% if doc.salinan }", "tag '{%' tidak ditutup '%}'"),
    ("{# catatan", "tag '{#' tidak ditutup '#}'"),
    ("Nomor: doc.nomor }}", "'}}' tanpa pembuka '{{'"),
    ("{ { doc.nomor }}", "tag '{ {' berspasi: tulis '{{' tanpa spasi"),
    ("{{ doc.nomor } }", "tag '} }' berspasi: tulis '}}' tanpa spasi"),
    ('{%p if blok.jenis == “sampul” %}', "tanda kutip lengkung “ di dalam tag "
     "'{%p if blok.jenis == “sampul” %}': ketik ulang dengan tanda kutip lurus (\" atau ')"),
    ("{{ ‘x’ }}", "tanda kutip lengkung ‘ di dalam tag '{{ ‘x’ }}': ketik ulang dengan tanda "
     "kutip lurus (\" atau ')"),
    ("Menetapkan: {{r doc.menetapkan|rt }} {% if a %}“kutip” biasa{% endif %}", ""),
    ("tanda { kurung } biasa dan 50% saja", ""),
]


@pytest.mark.parametrize("text, problem", MANGLED_TEXT)
def test_mangled_tags_are_named(text, problem):
    assert mangled(text) == problem


def test_a_mangled_tag_in_a_header_says_so():
    header = (f'<w:hdr {NS}><w:p><w:r><w:t>Halaman</w:t></w:r></w:p>'
              '<w:p><w:r><w:t>{{ doc.nomor </w:t></w:r><w:r><w:t>}</w:t></w:r></w:p></w:hdr>')
    with pytest.raises(MangledTags) as raised:
        repair(header)
    assert str(raised.value) == \
        "kepala halaman, paragraf ke-2 ('{{ doc.nomor }'): tag '{{' tidak ditutup '}}'"


def _retype(old: str, new: str) -> Callable[[etree._Element], None]:
    def edit(root: etree._Element) -> None:
        _run_of(root, old).find(w("t")).text = new
    return edit


MANGLED_TEMPLATES = [
    ("{{ doc.pejabat }}", "KOMISI PEMILIHAN UMUM {{ doc.pejabat }",
     "templat keputusan.docx: paragraf ke-15 ('KOMISI PEMILIHAN UMUM {{ doc.pejabat }'): "
     "tag '{{' tidak ditutup '}}'"),
    ('{%p if blok.jenis == "sampul" %}', "{%p if blok.jenis == “sampul” %}",
     "templat keputusan.docx: paragraf ke-325 ('{%p if blok.jenis == “sampul” %}'): tanda kutip "
     "lengkung “ di dalam tag '{%p if blok.jenis == “sampul” %}': ketik ulang dengan tanda "
     "kutip lurus (\" atau ')"),
    ("{{ doc.penetapan.tempat }}", "{ { doc.penetapan.tempat }}",
     "templat keputusan.docx: paragraf ke-31 ('{ { doc.penetapan.tempat }}'): tag '{ {' "
     "berspasi: tulis '{{' tanpa spasi"),
]


@pytest.mark.parametrize("old, new, message", MANGLED_TEMPLATES)
def test_a_mangled_tag_in_the_template_is_named_with_its_paragraph(tmp_path, old, new, message):
    own = _edited(tmp_path / "templat", _retype(old, new))
    code, err, _ = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 1
    assert message in err.splitlines()
    assert "Traceback" not in err
    assert not (tmp_path / "out" / SMALL_PLAN.stem).exists()


def test_every_problem_of_a_template_is_named_at_once(tmp_path):
    def edit(root: etree._Element) -> None:
        _retype("{{ doc.pejabat }}", "{{ doc.pejabat }")(root)
        _retype("{{ doc.penetapan.tempat }}", "{{ doc.penetapan.tempat ")(root)

    own = _edited(tmp_path / "templat", edit)
    code, err, _ = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 1
    assert "templat keputusan.docx: paragraf ke-15 ('{{ doc.pejabat }'): tag '{{' tidak ditutup " \
           "'}}'; paragraf ke-31 ('{{ doc.penetapan.tempat'): tag '{{' tidak ditutup '}}'" \
           in err.splitlines()


# --- markers -----------------------------------------------------------------------------------


def test_an_old_template_with_alt_text_and_no_markers_still_builds(with_shipped, tmp_path):
    def without_markers(root: etree._Element) -> None:
        for text in root.iter(w("t")):
            if text.text and TABLE_MARKER.search(text.text):
                text.text = TABLE_MARKER.sub("", text.text)

    own = _edited(tmp_path / "templat", without_markers)
    assert all(caption_kind(t) for t in _tables(own / "keputusan.docx"))
    code, err, text = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 0, err
    assert text == with_shipped[SMALL_PLAN.stem]


def test_a_marker_split_by_word_still_names_its_table(with_shipped, tmp_path):
    def damage(root: etree._Element) -> None:
        for caption in list(root.iter(w("tblCaption"))):
            caption.getparent().remove(caption)  # as LibreOffice does
        for text in list(root.iter(w("t"))):
            if text.text == "{#zi:tabel rencana_aksi_7#}":
                split_as_word_does(root, text.text, (1, 12, 20), "ejaan")

    own = _edited(tmp_path / "templat", damage)
    code, err, text = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 0, err
    assert text == with_shipped[SMALL_PLAN.stem]


# --- an office's own edits ---------------------------------------------------------------------

ADDRESS = "Jalan Pangeran Diponegoro Nomor 1, Bangko, Telepon (0746) 21000"


def _with_python_docx(folder: Path, edit: Callable[[object], None]) -> Path:
    """A copy of the shipped keputusan.docx changed through python-docx, as an editor saves it."""
    folder.mkdir()
    document = Document(str(templates_dir() / "keputusan.docx"))
    edit(document)
    document.save(str(folder / "keputusan.docx"))
    return folder


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def _after_kop_loop(document) -> object:
    """The paragraph just after the kop's `{%p endfor %}`."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "{%p for line in doc.kop %}")
    return paragraphs[start + 3]


def add_address(document) -> None:
    line = _after_kop_loop(document).insert_paragraph_before(ADDRESS)
    line.style = document.styles["Kop"]


def add_picture(document) -> None:
    before = next(p for p in document.paragraphs if p.text == "{%p for line in doc.kop %}")
    holder = before.insert_paragraph_before("")
    holder.add_run().add_picture(io.BytesIO(_png()), width=Cm(2))


def change_style(document) -> None:
    document.styles["Normal"].font.size = Pt(13)
    document.styles["Kop"].font.name = "Times New Roman"


def change_normal_font(document) -> None:
    document.styles["Normal"].font.name = "Cambria"


def change_margins(document) -> None:
    for section in document.sections:
        section.left_margin, section.right_margin = Cm(3.5), Cm(2.5)


def _saw_address(document, text) -> None:
    assert text[:3] == ["KOMISI PEMILIHAN UMUM", "KABUPATEN MERANGIN", ADDRESS]


def _saw_picture(document, text) -> None:
    pictures = [rel.target_part.blob for rel in document.part.rels.values()
                if rel.reltype.endswith("/image")]
    assert _png() in pictures
    assert text[0] == ""  # the picture's own paragraph, before the kop


def _saw_style(document, text) -> None:
    assert document.styles["Normal"].font.size == Pt(13)
    assert document.styles["Kop"].font.name == "Times New Roman"


def _saw_normal_font(document, text) -> None:
    """The plan keeps the default font (arial): the office's choice in its template stays."""
    assert document.styles["Normal"].font.name == "Cambria"


def _saw_margins(document, text) -> None:
    assert {(round(s.left_margin.mm), round(s.right_margin.mm)) for s in document.sections} == \
        {(35, 25)}


OFFICE_EDITS = [  # the edit, what the built decree shows of it, the line it adds (or None)
    pytest.param(add_address, _saw_address, ADDRESS, id="alamat di bawah kop"),
    pytest.param(add_picture, _saw_picture, "", id="gambar logo sendiri di kop"),
    pytest.param(change_style, _saw_style, None, id="ukuran Normal dan huruf Kop"),
    pytest.param(change_normal_font, _saw_normal_font, None, id="huruf lain di Normal"),
    pytest.param(change_margins, _saw_margins, None, id="margin lain"),
]


@pytest.mark.parametrize("edit, shows, added", OFFICE_EDITS)
def test_an_office_edit_builds_and_shows(with_shipped, tmp_path, edit, shows, added):
    own = _with_python_docx(tmp_path / "templat", edit)
    code, err, text = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 0, err
    data = (tmp_path / "out" / SMALL_PLAN.stem / "keputusan-asli.docx").read_bytes()
    shows(Document(io.BytesIO(data)), text)
    if added is not None:
        text.remove(added)  # the first such line: the edit's own
    assert text == with_shipped[SMALL_PLAN.stem]


@pytest.mark.parametrize("edit, shows, added", OFFICE_EDITS)
def test_an_office_edit_survives_libreoffice_too(tmp_path, edit, shows, added):
    edited = _with_python_docx(tmp_path / "edited", edit)
    own = tmp_path / "templat"
    own.mkdir()
    saved = convert_with_libreoffice(edited / "keputusan.docx", tmp_path / "soffice", to="docx")
    shutil.move(saved, own / "keputusan.docx")
    code, err, text = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 0, err
    data = (tmp_path / "out" / SMALL_PLAN.stem / "keputusan-asli.docx").read_bytes()
    shows(Document(io.BytesIO(data)), text)


def test_joining_reads_no_file_an_entity_names(tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA", encoding="utf-8")
    part = (f'<!DOCTYPE d [<!ENTITY e SYSTEM "{secret.as_uri()}">]><w:body {NS}><w:p><w:r>'
            '<w:t>{{ a</w:t></w:r><w:r><w:t> }}&e;</w:t></w:r></w:p></w:body>')
    repaired = repair(part)
    assert "{{ a }}" in repaired
    assert "RAHASIA" not in repaired


def test_a_table_with_neither_marker_nor_alt_text_is_named(tmp_path):
    def unmarked(root: etree._Element) -> None:
        for text in root.iter(w("t")):
            if text.text and TABLE_MARKER.search(text.text):
                text.text = TABLE_MARKER.sub("", text.text)
        for caption in list(root.iter(w("tblCaption"))):
            caption.getparent().remove(caption)

    own = _edited(tmp_path / "templat", unmarked)
    code, err, _ = build(SMALL_PLAN, tmp_path / "out", own)
    assert code == 1
    assert "templat keputusan.docx: tabel Rencana Aksi harus bertanda "\
        "'{#zi:tabel rencana_aksi_7#}', '{#zi:tabel rencana_aksi_6#}' atau "\
        "'{#zi:tabel rencana_aksi_18#}' di awal sel pertamanya (atau berjudul alt text itu) dan "\
        "ada di dalam perulangan lampiran" in err.splitlines()
