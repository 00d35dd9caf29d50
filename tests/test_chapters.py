"""Chapters: structure rules, and a run of every chapter in a fresh environment.

The slow test builds a virtual environment from requirements.txt alone (as Binder
and a reader do), then executes every chapter top to bottom through jupytext and
nbclient in that environment's own kernel.
"""

import subprocess
import sys
import textwrap

import jupytext
import pytest

from lib import site

CHAPTERS = [site.ROOT / p.replace(".html", ".md") for p in site.toc_pages()]
NOTEBOOKS = [p for p in CHAPTERS if jupytext.read(p).metadata.get("kernelspec")]


def test_every_toc_entry_has_a_source_file():
    missing = [p for p in CHAPTERS if not p.exists()]
    assert missing == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_widget_cells_drop_their_output_on_the_static_site(path):
    notebook = jupytext.read(path)
    for cell in notebook.cells:
        if cell.cell_type == "code" and "_controls(" in cell.source:
            assert "remove-output" in cell.metadata.get("tags", []), cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_installs_inside_chapters(path):
    code = "\n".join(c.source for c in jupytext.read(path).cells if c.cell_type == "code")
    assert "pip install" not in code


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory):
    env = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True)
    subprocess.run([env / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", site.ROOT / "requirements.txt", "-c", site.ROOT / "constraints.txt"],
                   check=True, cwd=site.ROOT)
    return env


RUN_CHAPTER = textwrap.dedent("""
    import sys, jupytext, nbclient
    sys.path.insert(0, sys.argv[3])
    from lib import execution
    execution.install()  # as the build does
    path = sys.argv[1]
    notebook = jupytext.read(path)
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=300,
                            resources={"metadata": {"path": sys.argv[2]}}).execute()
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    print(f"{len(notebook.cells)} cells run, {len(errors)} errors")
    sys.exit(1 if errors else 0)
""")


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_chapter_runs_top_to_bottom_in_a_fresh_environment(fresh_env, path, tmp_path):
    # Run from an unrelated folder: chapters must import lib/ whatever the working directory.
    result = subprocess.run([fresh_env / "bin" / "python", "-c", RUN_CHAPTER, str(path), str(tmp_path), str(site.ROOT)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "0 errors" in result.stdout
