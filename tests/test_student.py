"""The student edition: solutions cut from the source, and a build that shows none."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from lib.sphinxext.student import strip_solutions

ROOT = Path(__file__).resolve().parent.parent

PAGE = """\
# A page

:::{exercise}
:label: demo-plain
How many?
:::

:::{solution} demo-plain
:class: dropdown
Seven, PLAIN-ANSWER.
:::

::::{solution} demo-nested
:::{note}
NESTED-ANSWER
:::
::::

```{solution-start} demo-gated
:class: dropdown
```
GATED-TEXT

```{code-cell} ipython3
print("GATED-CODE")
```

More GATED-TEXT.
```{solution-end}
```

Text after the exercises.

```{code-cell} ipython3
print("kept")
```
"""


def test_plain_nested_and_gated_solutions_are_cut_and_the_rest_is_kept():
    stripped = strip_solutions(PAGE)
    for gone in ["PLAIN-ANSWER", "NESTED-ANSWER", "GATED-TEXT", "GATED-CODE", "solution"]:
        assert gone not in stripped
    for kept in [":::{exercise}", "How many?", "Text after the exercises.", 'print("kept")']:
        assert kept in stripped
    assert stripped.count("```") == 2  # only the last code cell's fences are left


def test_text_without_solutions_is_unchanged():
    assert strip_solutions("# Title\n\n:::{exercise}\nQ\n:::\n") == "# Title\n\n:::{exercise}\nQ\n:::\n"


@pytest.mark.parametrize("broken", [":::{solution} x\nnever closed\n",
                                    "```{solution-start} x\n```\ntext without an end\n"])
def test_unclosed_solutions_are_an_error(broken):
    with pytest.raises(ValueError):
        strip_solutions(broken)


@pytest.mark.parametrize("path", sorted((ROOT / "chapters").glob("*.md")), ids=lambda p: p.stem)
def test_every_chapter_strips_to_a_page_with_its_exercises_and_no_solution(path):
    text = path.read_text(encoding="utf-8")
    stripped = strip_solutions(text)
    assert not re.search(r"\{solution(-start|-end)?\}", stripped)
    assert stripped.count("{exercise}") == text.count("{exercise}")


def _solution_texts(chapter: Path) -> list[str]:
    """Distinctive lines of a chapter's solutions (long enough not to occur elsewhere by chance)."""
    text = chapter.read_text(encoding="utf-8")
    removed = set(text.splitlines()) - set(strip_solutions(text).splitlines())
    return sorted(line.strip() for line in removed
                  if len(line.strip()) > 40 and not line.lstrip().startswith(("```", ":::", ":class:")))


@pytest.mark.slow
def test_student_edition_builds_without_any_solution(tmp_path):
    """Build the student edition; no page of it holds a solution, while the normal build shows them."""
    from bs4 import BeautifulSoup

    result = subprocess.run([sys.executable, "-m", "lib.build", "--student"], cwd=ROOT)
    assert result.returncode == 0
    student = ROOT / "_build" / "student" / "html"
    normal = ROOT / "_build" / "html"
    assert (normal / "index.html").exists(), "build the normal edition first (make book)"

    def page_text(site: Path, chapter: Path) -> str:
        html = (site / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
        return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())

    checked = 0
    for chapter in sorted((ROOT / "chapters").glob("*.md")):
        if not (student / "chapters" / f"{chapter.stem}.html").exists():
            continue
        student_html = (student / "chapters" / f"{chapter.stem}.html").read_text(encoding="utf-8")
        assert 'class="solution' not in student_html and "solution-content" not in student_html
        for source in (student / "_sources" / "chapters").glob(f"{chapter.stem}.*"):
            assert "{solution" not in source.read_text(encoding="utf-8"), source.name
        student_text, normal_text = page_text(student, chapter), page_text(normal, chapter)
        for line in _solution_texts(chapter):
            words = " ".join(line.split()[:8])
            if "{" in words or "`" in words or "$" in words:
                continue  # markup, not text as shown
            if words in normal_text:
                assert words not in student_text, f"{chapter.stem}: {words!r}"
                checked += 1
    assert checked > 0, "no solution text was found in the normal build to compare"
