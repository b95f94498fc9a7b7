"""The realisation file beside a plan (`kutai-timur-2025.monev.yaml`): what the Tim ZI's
quarterly monev found for each step, referred to by the step's stable code."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from generator.plan.model import KodeLangkah, Tanggal, TeksBebas, _Model

STATUS = ("belum", "berjalan", "selesai", "batal")
"""A step's state at a quarter: not started, under way, done, cancelled."""
SUFFIX = ".monev.yaml"
"""The realisation file's name is the plan's with this ending."""

def _triwulan(value: object) -> object:
    """A quarter is 1, 2, 3 or 4 (a key YAML gives as text: '5' is told as 5)."""
    number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
    if isinstance(number, bool) or number not in (1, 2, 3, 4):
        raise PydanticCustomError("realisasi", "triwulan harus 1, 2, 3, atau 4, bukan {value}",
                                  {"value": value})
    return number


Triwulan = Annotated[int, BeforeValidator(_triwulan)]
"""A quarter, 1 to 4."""


class CatatanTriwulan(_Model):
    """Apa yang dilaporkan untuk satu langkah pada satu triwulan."""

    status: Literal["belum", "berjalan", "selesai", "batal"]
    """belum, berjalan, selesai, atau batal."""
    persen: float | None = Field(default=None, ge=0)
    """Realisasi dalam persen dari target capaian (0-100), mis. 50."""
    jumlah: int | None = Field(default=None, ge=0, le=999_999)
    """Realisasi sebagai banyaknya, dibanding target capaian {jumlah, satuan}, mis. 1."""
    tanggal: Tanggal | None = None
    """Tanggal selesai (2025-03-20 atau 20 Maret 2025)."""
    bukti: list[Annotated[str, Field(min_length=1)]] = Field(default_factory=list)
    """Bukti pelaksanaan: nama berkas di folder rencana (mis. 'bukti/sk-tim.pdf') atau tautan
    (https://...)."""
    catatan: TeksBebas | None = None
    """Catatan rapat monev."""
    tindak_lanjut: TeksBebas | None = None
    """Tindak lanjut bila langkah terlambat atau belum selesai."""


class RealisasiLangkah(_Model):
    """Realisasi satu langkah, per triwulan."""

    id: KodeLangkah
    """Kode langkah di rencana (kunci 'id' langkahnya), mis. 'I.1.2'."""
    aksi: TeksBebas | None = None
    """Uraian langkah, disalin untuk dibaca (tidak dipakai mencocokkan)."""
    triwulan: dict[Triwulan, CatatanTriwulan] = Field(default_factory=dict)
    """Catatan per triwulan: 1, 2, 3, 4."""

    @field_validator("triwulan", mode="before")
    @classmethod
    def _kosong(cls, value: object) -> object:
        """'triwulan:' left empty in a starting file means nothing reported yet."""
        return {} if value is None else value


class Monev(_Model):
    """Berkas realisasi monev satu rencana."""

    tahun: int = Field(ge=2000, le=2100)
    """Tahun rencana yang dipantau."""
    langkah: list[RealisasiLangkah] = Field(default_factory=list)
    """Setiap langkah rencana dengan catatan triwulannya."""

    @field_validator("langkah")
    @classmethod
    def _sekali(cls, value: list[RealisasiLangkah]) -> list[RealisasiLangkah]:
        """Each step is recorded once: two records of one step would contradict each other."""
        seen: set[str] = set()
        for item in value:
            if item.id in seen:
                raise PydanticCustomError("realisasi", "langkah '{id}' dicatat dua kali; "
                                          "gabungkan catatannya", {"id": item.id})
            seen.add(item.id)
        return value
