"""Text as typed in Word made plan text: spaces tidied, capitals turned back into names."""

from __future__ import annotations

import re
import unicodedata

SMALL_WORDS = frozenset({"dan", "di", "dari", "ke", "dalam", "untuk", "yang", "pada", "atas",
                         "atau", "dengan", "oleh", "serta", "bagi", "tentang", "sebagai", "per",
                         "terhadap", "melalui", "antara", "menuju"})
"""Words written small inside a title ('Wilayah Bebas dari Korupsi')."""
ACRONYMS = frozenset({"KPU", "SDM", "ZI", "WBK", "WBBM", "SPIP", "SOP", "SPBE", "RB", "LKE",
                      "PPID", "DIPA", "APBN", "ASN", "PNS", "TIK", "IT", "LHKPN", "LHKASN",
                      "SPT", "SAKIP", "LKJIP", "IKU", "RI", "BMN", "JDIH", "UPPS", "WBS", "PPK",
                      "BPK", "BPKP", "KKN", "SKP", "II", "III", "IV", "VI", "VII", "VIII", "IX"})
"""Words kept in capitals when a heading typed in capitals is turned back into a name."""


def clean(text: str) -> str:
    """Spaces tidied: no-break and repeated spaces made one, tabs made spaces, lines trimmed,
    empty lines dropped (soft line breaks that separate list items stay)."""
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ").replace("\t", " ")
    text = text.replace("\u200b", "").replace("\u00ad", "")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def header_key(text: str) -> str:
    """A header cell as compared: capitals, letters and digits, single spaces."""
    text = text.replace("*", "").upper()
    return " ".join(re.sub(r"[^A-Z0-9]+", " ", text).split())


def title_case(text: str) -> str:
    """'PENATAAN SISTEM MANAJEMEN SDM' -> 'Penataan Sistem Manajemen SDM'."""
    words = text.split(" ")
    out = []
    for index, word in enumerate(words):
        core = re.sub(r"[^A-Za-z]", "", word)
        if core.upper() in ACRONYMS and core:
            out.append(word)
        elif index and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join("/".join(p[:1].upper() + p[1:].lower() for p in part.split("/"))
                                for part in word.split("-")))
    return " ".join(out)
