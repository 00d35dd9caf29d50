"""The data package as one zip file, written the same way, byte for byte, every time.

The zip holds ``datapackage.json``, every resource it lists (at the same relative
path, so Frictionless opens the zip as it opens the folder) and the licence of the
text and data. Entries are sorted, stamped with one fixed date and fixed
permissions, and compressed at one fixed level, so two builds of the same data
give identical files.

The book's build writes it to :data:`ZIP_PATH` before reading the pages
(:mod:`lib.sphinxext.downloads`), and pages link it with Sphinx's ``{download}``
role, which copies it into the site.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from lib import data

ROOT = Path(__file__).resolve().parent.parent
ZIP_NAME = "ai-semiconductor-data.zip"
ZIP_PATH = ROOT / "_build" / "downloads" / ZIP_NAME
LICENCE = ROOT / "LICENSE-CONTENT.md"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)
"""The earliest date a zip entry can hold: no entry carries the time it was built."""


def package_members(data_dir: Path | str = data.DATA_DIR) -> dict[str, Path]:
    """Name in the zip -> file on disk: the descriptor, every resource and the licence, sorted by name."""
    data_dir = Path(data_dir)
    descriptor = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    members = {"datapackage.json": data_dir / "datapackage.json"}
    for resource in descriptor["resources"]:
        members[resource["path"]] = data_dir / resource["path"]
    if LICENCE.exists():
        members["LICENSE.md"] = LICENCE
    return dict(sorted(members.items()))


def zip_bytes(data_dir: Path | str = data.DATA_DIR) -> bytes:
    """The zip file's bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, path in package_members(data_dir).items():
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def write_data_zip(target: Path = ZIP_PATH, data_dir: Path | str = data.DATA_DIR) -> Path:
    """Write the zip to ``target``, leaving the file untouched when its bytes would not change."""
    content = zip_bytes(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != content:
        target.write_bytes(content)
    return target
