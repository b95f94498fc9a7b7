"""Hash every file `zi build` writes for the example plans, to prove a refactor changed no byte.

Builds are reproducible (fixed dates and ids unless SOURCE_DATE_EPOCH says otherwise), so the
SHA-256 of each output before and after a change that should not alter behaviour must match.
The build stamp beside the outputs (.zi-jejak.json) is no output of the plan: it fingerprints
zi's own inputs, the template files among them, so it is left out.

usage: .venv/bin/python tools/output_hashes.py [--write FILE | --check FILE] [PLAN ...]
  (default plans: plans/*.yaml and the layout fixtures in tests/fixtures/layouts/)
  --write FILE  save the hashes; --check FILE  compare with saved hashes (exit 1 on any difference)
  neither       print the hashes
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP = ".zi-jejak.json"
DEFAULT_PLANS = [
    *sorted(p for p in (ROOT / "plans").glob("*.yaml") if not p.name.endswith(".monev.yaml")),
    *sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.yaml")),
]


def output_hashes(plans: list[Path]) -> dict[str, str]:
    """Build the plans into a fresh folder and return {plan/file: sha256} for every output."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    with tempfile.TemporaryDirectory(prefix="zi-hashes-") as tmp:
        out = Path(tmp)
        hashes: dict[str, str] = {}
        for plan in plans:
            # one build per plan: fixtures from different folders may share a file name
            target = out / plan.parent.name
            done = subprocess.run(
                [sys.executable, "-m", "generator", "build", str(plan), "-o", str(target)],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            )
            if done.returncode != 0:
                sys.stderr.write(done.stderr)
                raise SystemExit(f"zi build {plan} failed (exit {done.returncode})")
        for file in sorted(p for p in out.rglob("*") if p.is_file() and p.name != STAMP):
            hashes[file.relative_to(out).as_posix()] = hashlib.sha256(file.read_bytes()).hexdigest()
        return hashes


def main(argv: list[str] | None = None) -> int:
    """Print, save, or compare the output hashes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", type=Path)
    group.add_argument("--check", type=Path)
    parser.add_argument("plans", nargs="*", type=Path)
    args = parser.parse_args(argv)
    hashes = output_hashes([p.resolve() for p in args.plans] or DEFAULT_PLANS)
    text = "".join(f"{digest}  {name}\n" for name, digest in hashes.items())
    if args.write:
        args.write.write_text(text, encoding="utf-8")
        print(f"{len(hashes)} files hashed into {args.write}")
        return 0
    if args.check:
        lines = [line.split("  ", 1) for line in args.check.read_text().splitlines() if line]
        saved = {name: digest for digest, name in lines if not name.endswith(STAMP)}
        differing = sorted(
            name for name in saved.keys() | hashes.keys() if saved.get(name) != hashes.get(name)
        )
        for name in differing:
            print(f"differs: {name} (saved {saved.get(name)}, now {hashes.get(name)})")
        print(f"{len(hashes) - len(differing)} of {len(saved)} files byte-identical")
        return 1 if differing else 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
