"""`zi templat salin` and `zi templat periksa`: an office gets its own copy of the templates to
change its kop and style, and learns what its editor broke before a build does."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TextIO

from generator.writers.resources import templates_dir
from generator.writers.template_check import CHECKED_FILES, check_folder

FONT_FOLDER = "fonts"
"""Copied too: the copied keputusan.css names its fonts by a path relative to itself."""


def copy_templates(folder: Path, overwrite: bool, out: TextIO, err: TextIO) -> int:
    """Copy the shipped templates (and their fonts) into `folder`; refuse to overwrite."""
    shipped = templates_dir()
    fonts = sorted(p.name for p in (shipped / FONT_FOLDER).iterdir()
                   if p.is_file() and p.suffix in (".ttf", ".otf", ".txt"))
    targets = [*CHECKED_FILES, *(f"{FONT_FOLDER}/{name}" for name in fonts)]
    if folder.exists() and not folder.is_dir():
        print(f"zi templat salin: {folder} sudah ada dan bukan folder", file=err)
        return 1
    existing = [name for name in targets if (folder / name).exists()
                or (folder / name).is_symlink()]
    if existing and not overwrite:
        shown = ", ".join(existing[:5]) + (f", dan {len(existing) - 5} lagi"
                                           if len(existing) > 5 else "")
        print(f"zi templat salin: {folder} sudah berisi {shown}; tidak ditimpa (pakai --timpa "
              "untuk menimpa)", file=err)
        return 1
    try:
        (folder / FONT_FOLDER).mkdir(parents=True, exist_ok=True)
        for name in targets:
            if (folder / name).is_symlink():
                (folder / name).unlink()
            shutil.copyfile(shipped / name, folder / name)
    except OSError as exc:
        print(f"zi templat salin: {folder} tidak dapat ditulis ({exc.strerror or exc})", file=err)
        return 1
    print(f"Templat disalin ke {folder}:", file=out)
    for name in CHECKED_FILES:
        print(f"  {name}", file=out)
    print(f"  {FONT_FOLDER}/ ({len(fonts)} berkas huruf dan lisensinya)", file=out)
    print(f"Lanjutkan: ubah kop dan gaya di {folder / 'keputusan.docx'} (Word atau LibreOffice, "
          f"simpan sebagai .docx), lalu `zi templat periksa {folder}`, lalu "
          f"`zi build RENCANA --templates {folder}`.", file=out)
    return 0


def check_templates(folder: Path, out: TextIO, err: TextIO) -> int:
    """Report every problem of the template folder; 0 when there is none."""
    if not folder.is_dir():
        what = "bukan folder" if folder.exists() else "tidak ada"
        print(f"zi templat periksa: {folder} {what}; salin templat bawaan dengan "
              f"`zi templat salin {folder}`", file=err)
        return 1
    present, findings = check_folder(folder)
    if not present:
        print(f"zi templat periksa: {folder} tidak berisi templat zi (mis. keputusan.docx, "
              f"keputusan.html, keputusan.css); salin dengan `zi templat salin {folder}`",
              file=err)
        return 1
    if not findings:
        print(f"Templat di {folder} baik: {len(present)} berkas diperiksa "
              f"({', '.join(present)}).", file=out)
        return 0
    for finding in findings:
        print(finding, file=err)
    print(f"{len(findings)} masalah di templat {folder}; betulkan, lalu jalankan lagi "
          f"`zi templat periksa {folder}`.", file=err)
    return 1
