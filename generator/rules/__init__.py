"""The rules a valid plan can still break, and the one entry point that runs them all.

`check_file` is the door every command goes through: it reads the plan file, validates it into
the model, then runs the decree-body rules, the copy-mistake rules (other regions, spelling of
terms, months and years, citations, people), the unfinished-plan rules and the official-komponen
coverage, and loads the logo. Errors stop
there; warnings come along, but for those a `# zi: abaikan <kode>` comment silences on their line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FsPath

from generator.plan.attachments import attachment_labels
from generator.plan.model import Rencana
from generator.plan.validate import validate_source
from generator.rules import (
    citations,
    copy_mistakes,
    coverage,
    decree_body,
    people,
    regions,
    spelling,
    unfinished,
)
from generator.rules.suppression import baca_abaikan, pisahkan
from generator.source.diagnostics import Diagnostic, PlanError
from generator.source.logo import load_logo
from generator.source.plan_file import decode_source, read_bytes
from generator.source.yaml_reader import Source


def check_rules(plan: Rencana, source: Source) -> list[Diagnostic]:
    """Every rule over a valid plan, errors and warnings together, unsorted."""
    found = decree_body.check_decree_body(plan, source, list(attachment_labels(plan).values()))
    found += copy_mistakes.check_copy_mistakes(plan, source)
    found += regions.check_regions(plan, source)
    found += coverage.check_coverage(plan, source)
    found += spelling.check_spelling(plan, source)
    found += unfinished.check_unfinished(plan, source)
    found += citations.check_citations(plan, source)
    found += people.check_people(plan, source)
    return found


@dataclass(frozen=True)
class Checked:
    """A plan that passed validation, with the warnings its rule checks gave."""

    plan: Rencana
    """The validated plan."""
    warnings: list[Diagnostic]
    """Rule warnings, sorted by position."""
    logo: tuple[bytes, str] | None = None
    """The kop logo's bytes and kind, checked and read from the plan's folder."""
    ditekan: tuple[Diagnostic, ...] = ()
    """Warnings silenced by a `# zi: abaikan <kode>` comment on their line."""


def check_file(path: str | FsPath, shown_as: str | None = None) -> Checked:
    """Validate a plan and run every rule; raise PlanError (errors and warnings) on any error."""
    name = shown_as or str(path)
    return check_bytes(read_bytes(path, name), name, FsPath(path).parent)


def check_bytes(raw: bytes, name: str, plan_dir: FsPath) -> Checked:
    """Validate plan bytes already read (a build reads a plan once and fingerprints exactly the
    bytes it validated and rendered); its logo is looked for in `plan_dir`."""
    source = decode_source(raw, name)
    plan = validate_source(source)
    found = list(source.warnings)
    found += check_rules(plan, source)
    logo = None
    if plan.satker.logo:
        try:
            logo = load_logo(plan_dir, plan.satker.logo)
        except ValueError as exc:
            found.append(Diagnostic(source.file, source.where(("satker", "logo")),
                                    f"'satker.logo': {exc}"))
    found, silenced = pisahkan(found, baca_abaikan(source.lines))
    if any(d.is_error for d in found):
        raise PlanError(found, len(silenced))
    return Checked(plan, sorted(found), logo, tuple(sorted(silenced)))


def load_plan(path: str | FsPath, shown_as: str | None = None) -> Rencana:
    """Read and validate one plan file; raise PlanError listing every problem."""
    return check_file(path, shown_as).plan
