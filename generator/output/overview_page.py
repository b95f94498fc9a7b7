"""The overview rows as one self-contained HTML page: inline style and script, nothing fetched,
every text escaped (plans come from users), sortable and filterable opened as a file."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape
from pathlib import Path

from generator.output.build import Output, write_atomically
from generator.output.overview import (
    ARTI_STATUS,
    NAMA_HALAMAN,
    STATUS_BUILD,
    STATUS_TANPA_BUILD,
    Baris,
    CakupanSel,
    Triwulan,
    area_singkat,
)
from generator.text.indonesian import roman, tanggal

KELAS_STATUS = {"dibangun": "baik", "dilewati": "baik", "terbaru": "baik", "usang": "awas",
                "belum dibangun": "netral", "gagal": "buruk", "salah": "buruk"}
"""The colour of each status's badge."""

GAYA = """
:root{--merah:#8b1a1a;--merah-muda:#f6e7e7;--garis:#d5d8dc;--teks:#1f2933;--redup:#5f6b76;
--hijau:#1e6b3a;--hijau-muda:#e3f1e7;--kuning:#7a5a00;--kuning-muda:#fbf1d6;--abu:#eef0f2}
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",Arial,"Liberation Sans",Helvetica,sans-serif;font-size:14px;
color:var(--teks);background:#f7f7f5}
header{background:var(--merah);color:#fff;padding:14px 24px 12px;border-bottom:4px solid #c9a227}
header .lembaga{font-size:12px;letter-spacing:.12em;font-weight:600;opacity:.9}
header h1{margin:2px 0 2px;font-size:21px;font-weight:600}
header .sumber{font-size:13px;opacity:.92}
main{padding:14px 24px 28px}
.ikhtisar{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 12px;padding:0;list-style:none}
.ikhtisar li{background:#fff;border:1px solid var(--garis);border-radius:4px;padding:6px 12px}
.ikhtisar b{font-size:17px;margin-right:4px}
.alat{display:flex;flex-wrap:wrap;align-items:center;gap:16px;margin:0 0 10px}
.alat label{font-weight:600}
.alat input,.alat select{font:inherit;margin-left:6px;padding:4px 8px;border:1px solid #9aa3ab;
border-radius:3px;background:#fff}
.alat input{width:22em}
#jumlah{color:var(--redup)}
.wadah{overflow-x:auto;background:#fff;border:1px solid var(--garis)}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--garis);padding:5px 6px;vertical-align:top;text-align:left}
thead th{background:#ecebe6;font-size:12.5px;font-weight:600;white-space:nowrap}
thead tr.grup th{text-align:center;background:#e2e0d8}
th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;
color:inherit;display:inline-flex;gap:4px;align-items:center}
th button:focus-visible{outline:2px solid var(--merah);outline-offset:2px}
.panah{font-size:10px;color:#8a949c;min-width:1em}
th[aria-sort=ascending] .panah,th[aria-sort=descending] .panah{color:var(--merah)}
tbody tr:nth-child(even){background:#fafaf8}
tbody tr:hover{background:#fdf6e6}
td.angka,th.angka{text-align:right;font-variant-numeric:tabular-nums}
td.tengah{text-align:center;font-variant-numeric:tabular-nums}
.kantor{font-weight:600;display:block;min-width:13em}
td.tanggal{white-space:nowrap}
td.nomor{min-width:8em}
td.tautan{white-space:nowrap;font-size:13px}
td.tautan span{color:var(--redup)}
.berkas-rencana{color:var(--redup);font-size:12px}
.pesan{color:#8b1a1a;font-size:12px;margin-top:3px;max-width:34em;overflow-wrap:anywhere}
.lencana{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12.5px;
white-space:nowrap}
.lencana.baik{background:var(--hijau-muda);color:var(--hijau)}
.lencana.awas{background:var(--kuning-muda);color:var(--kuning)}
.lencana.buruk{background:var(--merah-muda);color:var(--merah)}
.lencana.netral{background:var(--abu);color:var(--redup)}
.kode{display:block;font-size:12px;color:var(--redup);white-space:nowrap}
.penuh{color:var(--hijau)}
.kurang{color:var(--kuning);font-weight:600}
.sengaja{color:var(--redup)}
.kosong{color:#9aa3ab}
.kecil{display:block;font-size:11.5px;color:var(--redup)}
.tautan a{margin-right:6px;color:#0b4f8a}
.tautan a:visited{color:#5b3a8a}
#tidak-ada{padding:14px;color:var(--redup)}
footer,.keterangan{color:var(--redup);font-size:12.5px;margin-top:14px;line-height:1.5}
.keterangan dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:4px 0}
.keterangan dt{font-weight:600}
.keterangan dd{margin:0}
@media print{.alat{display:none}header{background:none;color:#000;border-color:#000}
body{background:#fff}.wadah{overflow:visible;border:0}}
"""
"""The page's style: sober, the KPU's dark red with a gold rule, system fonts only."""

SKRIP = """
(function () {
  "use strict";
  var tabel = document.getElementById("ringkasan");
  var badan = tabel.tBodies[0];
  var baris = Array.prototype.slice.call(badan.rows);
  var cari = document.getElementById("cari");
  var saring = document.getElementById("saring");
  var jumlah = document.getElementById("jumlah");
  var tidakAda = document.getElementById("tidak-ada");
  baris.forEach(function (tr, i) { tr.setAttribute("data-urutan", String(i)); });

  function nilai(tr, kolom) {
    var sel = tr.cells[kolom];
    if (sel.hasAttribute("data-nilai")) { return sel.getAttribute("data-nilai"); }
    return sel.textContent.replace(/\\s+/g, " ").trim();
  }
  function banding(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) { return x - y; }
    return a.localeCompare(b, "id", {sensitivity: "base", numeric: true});
  }
  function urutkan(th) {
    var kolom = Number(th.getAttribute("data-kolom"));
    var naik = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(tabel.querySelectorAll("th[data-kolom]"), function (lain) {
      lain.setAttribute("aria-sort", "none");
      lain.querySelector(".panah").textContent = "\\u2195";
    });
    th.setAttribute("aria-sort", naik ? "ascending" : "descending");
    th.querySelector(".panah").textContent = naik ? "\\u25B2" : "\\u25BC";
    var urut = baris.slice().sort(function (p, q) {
      var a = nilai(p, kolom), b = nilai(q, kolom);
      if (a === "" && b !== "") { return 1; }
      if (b === "" && a !== "") { return -1; }
      var hasil = banding(a, b);
      if (!naik) { hasil = -hasil; }
      return hasil || Number(p.getAttribute("data-urutan")) - Number(q.getAttribute("data-urutan"));
    });
    urut.forEach(function (tr) { badan.appendChild(tr); });
  }
  function cocok(tr, pilihan) {
    if (pilihan === "") { return true; }
    if (pilihan === "peringatan") { return tr.getAttribute("data-peringatan") !== "0"; }
    if (pilihan === "kesalahan") { return tr.getAttribute("data-kesalahan") !== "0"; }
    if (pilihan === "monev") { return tr.getAttribute("data-monev") === "ya"; }
    return "status:" + tr.getAttribute("data-status") === pilihan;
  }
  function saringBaris() {
    var kata = cari.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var pilihan = saring.value;
    var tampak = 0;
    baris.forEach(function (tr) {
      var teks = tr.textContent.toLowerCase();
      var ok = cocok(tr, pilihan) && kata.every(function (k) { return teks.indexOf(k) >= 0; });
      tr.hidden = !ok;
      if (ok) { tampak += 1; }
    });
    jumlah.textContent = tampak + " dari " + baris.length + " rencana ditampilkan";
    tidakAda.hidden = tampak !== 0;
  }
  Array.prototype.forEach.call(tabel.querySelectorAll("th[data-kolom] button"), function (b) {
    b.addEventListener("click", function () { urutkan(b.parentNode); });
  });
  cari.addEventListener("input", saringBaris);
  saring.addEventListener("change", saringBaris);
  saringBaris();
}());
"""
"""Sorting by a column header (numbers as numbers, blanks last, asc/desc toggled) and the
filters; no data lives in the script: it reads the table."""

KOLOM_AWAL = (("Kantor", False), ("Tahun", True), ("Nomor keputusan", False),
              ("Tanggal", False), ("Status", False),
              ("Kesalahan", True), ("Peringatan", True))
"""The columns before the coverage columns, and whether each holds a number."""


def _e(text: object) -> str:
    """Text made safe for HTML, quotes too (it goes into attributes)."""
    return escape(str(text), quote=True)


def _angka(value: float) -> str:
    """A number as Indonesians write it: a decimal comma, no needless decimals."""
    return f"{value:.0f}" if value == round(value) else f"{value:.1f}".replace(".", ",")


def halaman(rows: list[Baris], sumber: str, tanggal_data: date | None = None) -> str:
    """The whole page; the same rows give the same bytes."""
    areas = area_singkat()
    statuses = [s for s in (*STATUS_BUILD, *STATUS_TANPA_BUILD) if any(r.status == s
                                                                        for r in rows)]
    kepala = _kepala(areas)
    badan = "\n".join(_baris(r) for r in rows)
    data = f" · data per {_e(tanggal(tanggal_data))}" if tanggal_data else ""
    pilihan = "".join(f'<option value="status:{_e(s)}">status: {_e(s)}</option>'
                      for s in statuses)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ringkasan Rencana Aksi Zona Integritas</title>
<style>{GAYA}</style>
</head>
<body>
<header>
<div class="lembaga">KOMISI PEMILIHAN UMUM</div>
<h1>Ringkasan Rencana Aksi Pembangunan Zona Integritas</h1>
<div class="sumber">{len(rows)} rencana dari {_e(sumber)}{data}</div>
</header>
<main>
<ul class="ikhtisar">{_ikhtisar(rows)}</ul>
<div class="alat">
<label for="cari">Cari</label><input type="search" id="cari" autocomplete="off"
 placeholder="nama kantor, nomor, kode peringatan…" aria-describedby="jumlah">
<label for="saring">Tampilkan</label><select id="saring">
<option value="">semua rencana</option>{pilihan}
<option value="peringatan">dengan peringatan</option>
<option value="kesalahan">dengan kesalahan</option>
<option value="monev">dengan realisasi monev</option>
</select>
<span id="jumlah" aria-live="polite">{len(rows)} dari {len(rows)} rencana ditampilkan</span>
</div>
<div class="wadah">
<table id="ringkasan">
{kepala}
<tbody>
{badan}
</tbody>
</table>
<div id="tidak-ada" hidden>Tidak ada rencana yang cocok dengan pencarian ini.</div>
</div>
{_keterangan(areas, statuses)}
</main>
<script>{SKRIP}</script>
</body>
</html>
"""


def _ikhtisar(rows: list[Baris]) -> str:
    """The counts above the table."""
    items = [(len(rows), "rencana"),
             (sum(1 for r in rows if r.kesalahan), "dengan kesalahan"),
             (sum(1 for r in rows if r.jumlah_peringatan), "dengan peringatan"),
             (sum(1 for r in rows if r.nomor is None and r.berkeputusan), "belum bernomor"),
             (sum(1 for r in rows if r.monev is not None), "dengan realisasi monev")]
    return "".join(f"<li><b>{n}</b>{_e(what)}</li>" for n, what in items)


def _th(index: int, label: str, angka: bool, title: str = "") -> str:
    """A sortable column header."""
    kelas = ' class="angka"' if angka else ""
    judul = f' title="{_e(title)}"' if title else ""
    return (f'<th data-kolom="{index}" aria-sort="none"{kelas}{judul}><button type="button">'
            f'{_e(label)}<span class="panah" aria-hidden="true">\u2195</span></button></th>')


def _kepala(areas: list[tuple[str, str, float]]) -> str:
    """Two header rows: the groups, then a sortable header per column."""
    cells = [_th(i, label, angka) for i, (label, angka) in enumerate(KOLOM_AWAL)]
    start = len(KOLOM_AWAL)
    cells += [_th(start + i, numeral, True, f"Area {numeral} {nama} (bobot {_angka(bobot)})")
              for i, (numeral, nama, bobot) in enumerate(areas)]
    cells.append(_th(start + len(areas), "Jumlah", True, "Komponen resmi yang punya langkah, "
                     "semua area"))
    start += len(areas) + 1
    cells += [_th(start + q, f"TW {roman(q + 1)}", True, f"Triwulan {roman(q + 1)}: langkah "
                  "selesai dari yang jatuh tempo") for q in range(4)]
    cells.append('<th>Berkas</th>')
    groups = (f'<tr class="grup"><th colspan="{len(KOLOM_AWAL)}">Rencana</th>'
              f'<th colspan="{len(areas) + 1}">Cakupan komponen resmi per area</th>'
              '<th colspan="4">Monev: langkah selesai dari yang jatuh tempo</th><th></th></tr>')
    return f"<thead>\n{groups}\n<tr>{''.join(cells)}</tr>\n</thead>"


def _baris(row: Baris) -> str:
    """One plan's table row."""
    attrs = (f' data-status="{_e(row.status)}" data-tingkat="{_e(row.tingkat)}"'
             f' data-peringatan="{row.jumlah_peringatan}" data-kesalahan="{row.kesalahan}"'
             f' data-monev="{"ya" if row.monev is not None or row.monev_kesalahan else "tidak"}"')
    pesan = "".join(f'<div class="pesan">{_e(m)}</div>' for m in row.pesan[:1])
    cells = [
        f'<td data-nilai="{_e(row.wilayah or row.kantor)}"><span class="kantor">{_e(row.kantor)}'
        f'</span><span class="berkas-rencana kecil">{_e(Path(row.rencana).name)}</span>'
        f"{pesan}</td>",
        f'<td class="angka">{row.tahun if row.tahun is not None else ""}</td>',
        _nomor(row),
        f'<td class="tanggal" data-nilai="{row.tanggal.isoformat() if row.tanggal else ""}">'
        f'{_e(tanggal(row.tanggal)) if row.tanggal else _kosong("—")}</td>',
        f'<td data-nilai="{_e(row.status)}"><span class="lencana '
        f'{KELAS_STATUS.get(row.status, "netral")}" title="{_e(ARTI_STATUS.get(row.status, ""))}">'
        f"{_e(row.status)}</span></td>",
        f'<td class="angka">{row.kesalahan}</td>',
        _peringatan(row),
    ]
    cells += _cakupan(row.cakupan)
    cells += _monev(row)
    cells.append(f'<td class="tautan">{_tautan(row)}</td>')
    return f"<tr{attrs}>{''.join(cells)}</tr>"


def _tautan(row: Baris) -> str:
    """The links, a line per group: 'rencana realisasi', 'asli: docx pdf', ..."""
    groups: dict[str, list[str]] = {}
    for t in row.tautan:
        groups.setdefault(t.kelompok, []).append(
            f'<a href="{_e(t.href)}" title="{_e(t.judul)}">{_e(t.label)}</a>')
    return "".join(f'<div>{"" if name == "rencana" else f"<span>{_e(name)}:</span> "}'
                   f'{" ".join(links)}</div>' for name, links in groups.items())


def _kosong(text: str) -> str:
    return f'<span class="kosong">{_e(text)}</span>'


def _nomor(row: Baris) -> str:
    if row.nomor is not None:
        return f'<td class="nomor">{_e(row.nomor)}</td>'
    text = "belum bernomor" if row.berkeputusan else ("tanpa keputusan" if row.tahun else "—")
    return f'<td data-nilai="">{_kosong(text)}</td>'


def _peringatan(row: Baris) -> str:
    codes = "".join(f'<span class="kode">{_e(kode)} {n}</span>'
                    for kode, n in row.peringatan.items())
    return f'<td class="angka" data-nilai="{row.jumlah_peringatan}">{row.jumlah_peringatan}' \
           f"{codes}</td>"


def _cakupan(cells: Iterable[CakupanSel]) -> list[str]:
    """An area's komponen with a step over its official komponen, and the total."""
    found = list(cells)
    count = len(area_singkat())
    if not found:
        return [f'<td class="tengah" data-nilai="">{_kosong("—")}</td>'] * (count + 1)
    html = [_pecahan(c.ada, c.resmi, bool(c.hilang), _judul_cakupan(c)) for c in found]
    ada, resmi = sum(c.ada for c in found), sum(c.resmi for c in found)
    hilang = sum(len(c.hilang) for c in found)
    title = f"{ada} dari {resmi} komponen resmi punya langkah; {hilang} tanpa langkah"
    html.append(_pecahan(ada, resmi, bool(hilang), title))
    return html


def _judul_cakupan(cell: CakupanSel) -> str:
    parts = [f"{cell.area}: {cell.ada} dari {cell.resmi} komponen resmi punya langkah"]
    if cell.hilang:
        parts.append("tanpa langkah: " + ", ".join(cell.hilang))
    if cell.dikecualikan:
        parts.append("dikecualikan: " + ", ".join(cell.dikecualikan))
    return "; ".join(parts)


def _pecahan(ada: int, resmi: int, hilang: bool, title: str) -> str:
    """'4/6': green when complete, amber when a komponen lacks a step, plain when the rest
    are left out on purpose."""
    kelas = "penuh" if ada == resmi else ("kurang" if hilang else "sengaja")
    share = f"{ada / resmi:.4f}" if resmi else ""
    return (f'<td class="tengah {kelas}" data-nilai="{share}" title="{_e(title)}">'
            f"{ada}/{resmi}</td>")


def _monev(row: Baris) -> list[str]:
    """Four quarter cells: percent done of due, with the counts below."""
    if row.monev_kesalahan:
        title = (f"berkas realisasi punya {row.monev_kesalahan} kesalahan; periksa dengan "
                 "zi monev")
        return [f'<td class="tengah" data-nilai="" title="{_e(title)}">'
                f'<span class="lencana buruk">salah</span></td>'] * 4
    if row.monev is None:
        return [f'<td class="tengah" data-nilai="" title="tanpa berkas realisasi">'
                f'{_kosong("—")}</td>'] * 4
    by_quarter = {t.triwulan: t for t in row.monev}
    return [_triwulan(by_quarter.get(q)) for q in range(1, 5)]


def _triwulan(state: Triwulan | None) -> str:
    if state is None:
        return f'<td class="tengah" data-nilai="" title="belum dilaporkan">{_kosong("·")}</td>'
    percent = state.persen
    if percent is None:
        return (f'<td class="tengah" data-nilai="" title="belum ada langkah yang jatuh tempo">'
                f'{_kosong("0 jatuh tempo")}</td>')
    kelas = "penuh" if state.selesai == state.jatuh_tempo else "kurang"
    title = f"{state.selesai} dari {state.jatuh_tempo} langkah yang jatuh tempo sudah selesai"
    return (f'<td class="tengah {kelas}" data-nilai="{percent:.2f}" title="{_e(title)}">'
            f'{_angka(percent)}%<span class="kecil">{state.selesai}/{state.jatuh_tempo}'
            "</span></td>")


def _keterangan(areas: list[tuple[str, str, float]], statuses: list[str]) -> str:
    """The legend: areas, statuses, and how the figures are counted."""
    area_items = "".join(f"<dt>{_e(n)}</dt><dd>{_e(nama)} (bobot {_e(_angka(b))})</dd>"
                         for n, nama, b in areas)
    status_items = "".join(f"<dt>{_e(s)}</dt><dd>{_e(ARTI_STATUS[s])}</dd>" for s in statuses)
    return f"""<section class="keterangan">
<strong>Keterangan</strong>
<dl>{area_items}</dl>
<p>Cakupan: komponen resmi PermenPANRB 90/2021 pada area itu yang punya langkah di rencana,
dari semua komponen resmi area itu (dicocokkan menurut nama, seperti peringatan
komponen-hilang). Monev: langkah berstatus selesai dari langkah yang jadwalnya jatuh tempo
sampai akhir triwulan, per triwulan yang sudah dilaporkan di berkas realisasi (.monev.yaml).
Klik judul kolom untuk mengurutkan; klik lagi untuk membalik urutan.</p>
<dl>{status_items}</dl>
</section>"""


def tulis_ringkasan(rows: list[Baris], out_dir: Path, sumber: str,
                    tanggal_data: date | None = None) -> Path:
    """Write `ringkasan.html` into `out_dir`, whole or not at all; returns its path."""
    target = out_dir / NAMA_HALAMAN
    write_atomically(Output(target, halaman(rows, sumber, tanggal_data).encode("utf-8")))
    return target
