"""One stylesheet for every document: the CJK font, CJK line breaking, sizes."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib import textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph

# Chinese punctuation that must not start a line: ReportLab's CJK wrapping knows the
# Japanese set (、。）…) but not the full-width comma, colon, semicolon ... (every
# document uses this stylesheet, so the rule is set once, here)
CANNOT_START = "，；：？！”’》〉」』】％"
for _module in (paragraph, textsplit):
    _module.ALL_CANNOT_START += "".join(c for c in CANNOT_START if c not in _module.ALL_CANNOT_START)

INK = colors.HexColor("#111111")
GREY = colors.HexColor("#666666")
LINE = colors.HexColor("#999999")
MARK = colors.HexColor("#c62828")      # 作废 / 副本 marks


class Styles:
    """Paragraph styles in the registered CJK font, at a base size."""

    def __init__(self, font: str, base: float = 10.5) -> None:
        def style(name: str, size: float, **kw: object) -> ParagraphStyle:
            kw.setdefault("textColor", INK)
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.45,
                                  wordWrap="CJK", **kw)
        self.font = font
        self.title = style("title", base * 1.7, alignment=TA_CENTER, spaceAfter=base * 0.6)
        self.subtitle = style("subtitle", base * 1.05, alignment=TA_CENTER, textColor=GREY,
                              spaceAfter=base * 0.8)
        self.heading = style("heading", base * 1.15, spaceBefore=base * 0.8, spaceAfter=base * 0.3)
        self.body = style("body", base, alignment=TA_LEFT)
        self.small = style("small", base * 0.82, textColor=GREY)
        self.cell = style("cell", base * 0.92)
        self.cell_right = style("cell_right", base * 0.92, alignment=TA_RIGHT)
        self.cell_center = style("cell_center", base * 0.92, alignment=TA_CENTER)
        self.big = style("big", base * 1.4)
        self.right = style("right", base, alignment=TA_RIGHT)
        self.center = style("center", base, alignment=TA_CENTER)


def escape(text: object) -> str:
    """Text for a Paragraph (which reads a little XML)."""
    return (str(text if text is not None else "").replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace("\n", "<br/>"))
