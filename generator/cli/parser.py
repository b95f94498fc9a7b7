"""argparse in Bahasa Indonesia: its own words (usage, headings, usage errors) translated.

argparse asks `gettext` for every word it prints. Users' machines have no Indonesian catalogue
for it (Python ships none), so the translations live here as a dict and are handed to argparse
only while zi's parser is built, formats help or parses: other code in the same process keeps
argparse as it was.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

PESAN_ARGPARSE: dict[str, str] = {
    # help
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "optional arguments": "opsi",  # Python 3.9 and older
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "subcommands": "perintah",
    " (default: %(default)s)": " (bawaan: %(default)s)",
    # usage errors
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: peringatan: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "wajib diisi: %s",
    "one of the arguments %s is required": "isi salah satu dari: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "not allowed with argument %s": "tidak boleh bersama %s",
    "ignored explicit argument %r": "tidak menerima nilai, tetapi diberi %r",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu sedikitnya satu nilai",
    "expected %s argument": "perlu %s nilai",
    "expected %s arguments": "perlu %s nilai",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi %(option)s kurang lengkap, bisa berarti %(matches)s",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "invalid %(type)s value: %(value)r": "%(value)r bukan %(type)s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "%(value)r tidak dikenal; pilih salah satu: %(choices)s",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "%(value)r tidak dikenal (mungkin maksudnya %(closest)r); pilih salah satu: %(choices)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah %(parser_name)r tidak dikenal; perintah yang ada: %(choices)s",
    "command '%(parser_name)s' is deprecated": "perintah '%(parser_name)s' sudah usang",
    "option '%(option)s' is deprecated": "opsi '%(option)s' sudah usang",
    "argument '%(argument_name)s' is deprecated": "argumen '%(argument_name)s' sudah usang",
}
"""argparse's messages (msgids of Python 3.9 to 3.14) and their Indonesian."""


class _Terjemahan(gettext.NullTranslations):
    """A gettext catalogue read from PESAN_ARGPARSE instead of a compiled .mo file."""

    def gettext(self, message: str) -> str:
        return PESAN_ARGPARSE.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        english = msgid1 if n == 1 else msgid2
        return PESAN_ARGPARSE.get(english, english)


TERJEMAHAN = _Terjemahan()


@contextmanager
def indonesian() -> Iterator[None]:
    """argparse speaks Indonesian inside the block; nesting is fine."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = TERJEMAHAN.gettext  # type: ignore[attr-defined]
    argparse.ngettext = TERJEMAHAN.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def bilangan_bulat(text: str) -> int:
    """int() for argparse, so a bad value reads "'x' bukan bilangan bulat"."""
    return int(text)


bilangan_bulat.__name__ = "bilangan bulat"  # argparse names the type by __name__


class UsageError(Exception):
    """A usage error, already worded: 'zi build: galat: ...'."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        """The command the error belongs to, e.g. 'zi build', for the pointer to its help."""


class ParserIndonesia(argparse.ArgumentParser):
    """ArgumentParser whose help and usage errors are Indonesian, and which raises UsageError
    instead of exiting, so `main` can return the code."""

    def __init__(self, *args: Any, _subcommand: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        self._subcommand = _subcommand
        with indonesian():
            super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        with indonesian():
            return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        parser_class = kwargs.pop("parser_class", type(self))
        kwargs["parser_class"] = functools.partial(parser_class, _subcommand=True)
        with indonesian():
            return super().add_subparsers(**kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with indonesian():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with indonesian():
            namespace, extras = super().parse_known_args(*args, **kwargs)
            if extras and self._subcommand:
                # reported here, so the message names 'zi build' rather than 'zi'
                self.error(TERJEMAHAN.gettext("unrecognized arguments: %s") % " ".join(extras))
            return namespace, extras

    def format_usage(self) -> str:
        with indonesian():
            return super().format_usage()

    def format_help(self) -> str:
        with indonesian():
            return super().format_help()

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """A wrong choice, worded the same on every Python version, with the nearest choice."""
        if action.choices is None or value in action.choices:
            return
        names = [str(choice) for choice in action.choices]
        close = difflib.get_close_matches(str(value), names, 1)
        hint = f" (mungkin maksudnya '{close[0]}')" if close else ""
        if action.nargs == argparse.PARSER:
            raise argparse.ArgumentError(
                None, f"perintah '{value}' tidak dikenal{hint}; perintah yang ada: "
                f"{', '.join(names)}")
        raise argparse.ArgumentError(
            action, f"'{value}' tidak dikenal{hint}; pilih salah satu: {', '.join(names)}")

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing and exiting, so `main` returns 2 and tests can call it."""
        text = TERJEMAHAN.gettext("%(prog)s: error: %(message)s\n") % {
            "prog": self.prog, "message": message}
        raise UsageError(self.prog, text.rstrip("\n"))
