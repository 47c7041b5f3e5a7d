"""List the messages of ui/translations/counter_en.ts still to translate, or fill them.

    python scripts/untranslated.py                 # list (context, source) still unfinished
    python scripts/untranslated.py fill FILE.json  # {"source": "English", ...} fills them

Then run scripts/translations.sh to compile."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

TS = Path(__file__).resolve().parent.parent / "ui" / "translations" / "counter_en.ts"
MESSAGE = re.compile(r"<source>([^<]*)</source>(?:\s*<(?!translation|/message)[^>]*>[^<]*</[^>]+>)*"
                     r"\s*<translation type=\"unfinished\">([^<]*)</translation>")


def unescape(text: str) -> str:
    return html.unescape(text)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def main(argv: list[str]) -> int:
    text = TS.read_text(encoding="utf-8")
    if len(argv) == 3 and argv[1] == "fill":
        table = json.loads(Path(argv[2]).read_text(encoding="utf-8"))

        def fill(match: re.Match) -> str:
            english = table.get(unescape(match.group(1)))
            if english is None:
                return match.group(0)
            whole = match.group(0)
            return whole[: whole.rindex("<translation")] + f"<translation>{escape(english)}</translation>"
        TS.write_text(MESSAGE.sub(fill, text), encoding="utf-8")
        text = TS.read_text(encoding="utf-8")
    left = [unescape(m.group(1)) for m in MESSAGE.finditer(text)]
    for source in left:
        print(source)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
