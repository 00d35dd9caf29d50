"""Refresh the computed fields of ``data/datapackage.json``: ``bytes`` and ``hash``.

Everything else in the descriptor (titles, descriptions, schemas, sources) is
written by hand. Run this after every change to a CSV file::

    python data/scripts/update_datapackage.py

``hash`` is the MD5 hex digest of the file's bytes, the Data Package v1 default
that ``frictionless validate`` checks. The script fails if a resource's file is
missing or if a CSV file in ``data/`` is not described in the package, and
``--check`` only reports stale entries (exit status 1) without writing.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
PACKAGE = DATA / "datapackage.json"


def file_stats(path: Path) -> tuple[int, str]:
    """Size in bytes and MD5 hex digest of a file."""
    content = path.read_bytes()
    return len(content), hashlib.md5(content).hexdigest()


def refresh(package: dict) -> list[str]:
    """Update ``bytes`` and ``hash`` of every resource in place; return the names that changed."""
    described = {resource["path"] for resource in package["resources"]}
    undescribed = sorted(p.name for p in DATA.glob("*.csv") if p.name not in described)
    if undescribed:
        raise SystemExit(f"CSV files not described in datapackage.json: {', '.join(undescribed)}")
    changed = []
    for resource in package["resources"]:
        path = DATA / resource["path"]
        if not path.exists():
            raise SystemExit(f"{resource['name']}: file {path} not found")
        size, digest = file_stats(path)
        if resource.get("bytes") != size or resource.get("hash") != digest:
            resource["bytes"], resource["hash"] = size, digest
            changed.append(resource["name"])
    return changed


def main(argv: list[str]) -> int:
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    changed = refresh(package)
    if "--check" in argv:
        if changed:
            print("stale bytes/hash: " + ", ".join(changed))
            return 1
        return 0
    PACKAGE.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"refreshed {len(changed)} resource(s)" + (": " + ", ".join(changed) if changed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
