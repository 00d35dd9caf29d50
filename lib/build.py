"""Build the book strictly: ``python -m lib.build [--clean] [--student]`` (what ``make book`` runs).

``--student`` builds the student edition (no exercise solutions, see
:mod:`lib.sphinxext.student`) into ``_build/student/html``, with its own
execution cache and doctrees beside it.

Jupyter Book's execution cache is keyed on each notebook's code alone, so a change
to the data, to ``lib/`` or to the pinned versions would leave stale outputs in
the cache. The build therefore fingerprints those inputs and starts from a clean
``_build/`` whenever the fingerprint differs from the last build's.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_DIR = ROOT / "_build"
STUDENT_DIR = BUILD_DIR / "student"
FINGERPRINT_FILE = BUILD_DIR / ".inputs-fingerprint"
CACHED_INPUTS = ["data", "lib", "requirements.txt", "constraints.txt"]


def fingerprint(root: Path = ROOT) -> str:
    """SHA-256 over the paths and contents of every file the cached outputs depend on."""
    digest = hashlib.sha256()
    for entry in CACHED_INPUTS:
        path = root / entry
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def build_environment(root: Path = ROOT) -> dict[str, str]:
    """The environment of the build and its kernels.

    Kernels draw charts with the book's static renderer (:mod:`lib.embed`), and
    ``SOURCE_DATE_EPOCH`` (the last commit's time, unless already set) fixes every
    date the build writes, so two builds of one commit are identical.
    """
    from lib import embed

    env = dict(os.environ, **{embed.ENV_FLAG: "1", "PYTHONHASHSEED": "0"})
    if "SOURCE_DATE_EPOCH" not in env:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
        env["SOURCE_DATE_EPOCH"] = stamp.stdout.strip() or "0"
    return env


def _start_clean_if_stale(build_dir: Path, current: str, *, clean: bool) -> Path:
    """Empty ``build_dir`` when asked or when its last build saw other inputs; return its stamp."""
    stamp = build_dir / FINGERPRINT_FILE.name
    if clean or (stamp.exists() and stamp.read_text() != current):
        print(f"lib.build: data, lib/ or pinned versions changed since the last build; building {build_dir.name}/ "
              "from clean")
        shutil.rmtree(build_dir, ignore_errors=True)
    return stamp


def build(*, clean: bool = False, root: Path = ROOT) -> int:
    """Run ``jupyter-book build`` with warnings as errors; return its exit code."""
    current = fingerprint(root)
    build_dir = root / "_build"
    stamp = _start_clean_if_stale(build_dir, current, clean=clean)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", "--warningiserror", "--nitpick",
               "--keep-going", "--builder", "html", str(root)]
    result = subprocess.run(command, cwd=root, env=build_environment(root))
    if result.returncode == 0:
        build_dir.mkdir(exist_ok=True)
        stamp.write_text(current)
    return result.returncode


STUDENT_SPHINX = """
import sys
from pathlib import Path
from jupyter_book.sphinx import build_sphinx

root, out = Path(sys.argv[1]), Path(sys.argv[2])
result = build_sphinx(root, out, use_external_toc=True, noconfig=True, path_config=str(root / "_config.yml"),
                      confoverrides={"external_toc_path": str(root / "_toc.yml"), "latex_individualpages": False,
                                     "nitpicky": True, "student_edition": True},
                      builder="html", warningiserror=True, keep_going=True)
sys.exit(result if isinstance(result, int) else 1)
"""
"""What ``jupyter-book build`` runs, with the student edition switched on and its own output folder
(the command line offers neither a Sphinx setting nor an output folder not ending in ``_build/html``)."""


def build_student(*, clean: bool = False, root: Path = ROOT) -> int:
    """Build the student edition into ``_build/student/html``; return the exit code."""
    current = fingerprint(root)
    student_dir = root / STUDENT_DIR.relative_to(ROOT)
    stamp = _start_clean_if_stale(student_dir, current, clean=clean)
    command = [sys.executable, "-c", STUDENT_SPHINX, str(root), str(student_dir / "html")]
    result = subprocess.run(command, cwd=root, env=build_environment(root))
    if result.returncode == 0:
        stamp.write_text(current)
    return result.returncode


def missing_font_message() -> str | None:
    """Why the charts cannot be laid out on this machine, or None when they can."""
    from lib.embed import MEASURING_FONT, measuring_font_missing

    if measuring_font_missing():
        return (f"lib.build: the charts lay their text out with {MEASURING_FONT}, which this machine lacks; "
                "install it (Debian: apt-get install fonts-dejavu-core)")
    return None


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if problem := missing_font_message():
        sys.exit(problem)
    builder = build_student if "--student" in arguments else build
    sys.exit(builder(clean="--clean" in arguments))
