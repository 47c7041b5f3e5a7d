"""Conventions a reader of the repository depends on.

Comments and docstrings cite nothing a reader of this repository cannot open:
no tracker numbers, no paths outside the repository.  The service standard's
articles are cited freely, because docs/domain.md has a heading for each one.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("counter_app", "ui", "printing", "tests", "bench", "scripts")
ARTICLE_DIRS = (*CODE_DIRS, "forms")
DOMAIN_DOC = ROOT / "docs" / "domain.md"

# a tracker's word (issue, ticket, bug, PR, pull request) followed by a number, with or
# without "#"; "#" and a number in brackets or after "see"; a bare "#" and digits is left
# alone (it is a colour more often than not)
ISSUE = re.compile(r"\b(?:issues?|tickets?|bugs?|PR|pull request)\s?#?\d+\b"
                   r"|\(#\d+\)|\b(?:see|cf\.?|fixes|closes)\s+#\d+\b", re.IGNORECASE)
# the project's shared folder, however it is reached
OUTSIDE = re.compile(r"\.\./shared/|/work/(?:shared)|\bshared/(?:domain)\b")
# "article 9", "article 5(2)", "articles 17-20"; 服务规范第10条, 规范第十八条
ARTICLE = re.compile(r"\barticles?\s+(\d+)(?:\s*[-–]\s*(\d+))?", re.IGNORECASE)
ARTICLE_ZH = re.compile(r"规范第([0-9]+|[一二三四五六七八九十]+)条")
HEADING = re.compile(r"^#{2,3} Articles? (\d+)(?:\s*[-–]\s*(\d+))?\b", re.MULTILINE)
_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _files(dirs: tuple[str, ...], suffixes: tuple[str, ...]) -> list[Path]:
    out = []
    for name in dirs:
        for path in sorted((ROOT / name).rglob("*")):
            if path.suffix in suffixes and path.is_file() and "__pycache__" not in path.parts:
                out.append(path)
    return out


def _where(path: Path, text: str, start: int) -> str:
    return f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, start) + 1}"


def zh_number(text: str) -> int:
    """十八 -> 18, 二十 -> 20, 九 -> 9, 12 -> 12 (up to 99)."""
    if text.isdigit():
        return int(text)
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return _ZH_DIGITS[text]
    return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[ones] if ones else 0)


def _span(first: str, last: str | None) -> range:
    low = int(first)
    return range(low, int(last) + 1 if last else low + 1)


def cited_articles(text: str) -> list[tuple[int, int]]:
    """(article, offset) for every article of the standard the text cites."""
    found = [(n, m.start()) for m in ARTICLE.finditer(text) for n in _span(m[1], m[2])]
    found += [(zh_number(m[1]), m.start()) for m in ARTICLE_ZH.finditer(text)]
    return found


def bad_citations(text: str) -> list[tuple[str, int]]:
    """(what, offset) for every tracker number or outside path the text cites."""
    return [(m[0].strip(), m.start()) for m in ISSUE.finditer(text)] + \
           [(m[0], m.start()) for m in OUTSIDE.finditer(text)]


def domain_headings() -> set[int]:
    text = DOMAIN_DOC.read_text(encoding="utf-8")
    return {n for m in HEADING.finditer(text) for n in _span(m[1], m[2])}


# -- the detectors catch what they are meant to, and nothing else ------------------

# the examples are put together from parts, so this file never cites what it forbids
# (it is checked like every other file)
ISSUE_WORD, SHARED = "iss" + "ue", "shared" + "/"


def test_the_detectors_catch_citations_and_leave_ordinary_text_alone() -> None:
    bracketed, see = "(" + "#7)", "see " + "#8"
    text = f"# {ISSUE_WORD} 6 and {ISSUE_WORD.title()} #12; done {bracketed}, {see}, P" + "R 9"
    assert [w for w, _ in bad_citations(text)] == \
        [f"{ISSUE_WORD} 6", f"{ISSUE_WORD.title()} #12", bracketed, see, "P" + "R 9"]
    assert bad_citations(f"rules in ../{SHARED}x.md") != []
    assert bad_citations(f"the defaults of /work/{SHARED}domain/practice.md") != []
    assert bad_citations('color: #555; "12#45" shared settings tissue 5') == []
    cited = cited_articles("article 5(2); Articles 17-20; 服务规范第9条；规范第十八条")
    assert [n for n, _ in cited] == [5, 17, 18, 19, 20, 9, 18]
    assert cited_articles("Civil Code art. 561; 第一条 合同双方") == []
    numbers = [zh_number(t) for t in ("九", "十", "十八", "二十", "二十一", "12")]
    assert numbers == [9, 10, 18, 20, 21, 12]


# -- the repository ---------------------------------------------------------------

def test_code_cites_no_tracker_numbers_and_no_paths_outside_the_repository() -> None:
    offenders = []
    for path in _files(CODE_DIRS, (".py",)):
        text = path.read_text(encoding="utf-8")
        offenders += [f"{_where(path, text, at)}: {what}" for what, at in bad_citations(text)]
    assert offenders == [], (
        "say the why in the repository's own terms instead (docs/domain.md explains the "
        "standard and the practice): " + "; ".join(offenders))


def test_every_article_the_code_cites_has_a_heading_in_docs_domain() -> None:
    headings = domain_headings()
    assert headings, "docs/domain.md has no '## Article N - ...' headings"
    missing = []
    for path in _files(ARTICLE_DIRS, (".py", ".toml")):
        text = path.read_text(encoding="utf-8")
        missing += [f"{_where(path, text, at)}: article {n}"
                    for n, at in cited_articles(text) if n not in headings]
    assert missing == [], ("add a '## Article N - ...' heading to docs/domain.md for: "
                           + "; ".join(missing))
