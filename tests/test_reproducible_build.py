"""Two clean builds of the same sources are byte-identical, and a build needs no network.

One build runs in a network namespace with only the loopback interface up (kernels
talk to the build over 127.0.0.1), the other normally; both start from clean
copies of the tracked files, and their sites must match file for file.
"""

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lib import build, site

pytestmark = pytest.mark.slow


def _tracked_copy(target: Path) -> Path:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=site.ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = site.ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _build(copy: Path, *, offline: bool) -> Path:
    env = dict(os.environ, PYTHONPATH=str(copy), SOURCE_DATE_EPOCH=build.build_environment()["SOURCE_DATE_EPOCH"])
    command = [sys.executable, "-m", "lib.build", "--clean"]
    if offline:
        command = ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "offline-build", *command]
    result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return copy / "_build" / "html"


IGNORED = {Path(".buildinfo")}
"""Sphinx's build stamp hashes the configuration, absolute source paths included, and the two
copies sit in different folders by construction; every page and file of the site is compared."""


def _differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} - IGNORED
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()} - IGNORED
    differing = sorted(str(p) for p in files_a & files_b if not filecmp.cmp(a / p, b / p, shallow=False))
    return differing + [f"only in one build: {p}" for p in sorted(map(str, files_a ^ files_b))]


def test_offline_build_and_normal_build_are_identical(tmp_path):
    offline = _build(_tracked_copy(tmp_path / "offline"), offline=True)
    online = _build(_tracked_copy(tmp_path / "online"), offline=False)
    assert (offline / "index.html").exists()
    assert _differences(offline, online) == []
