"""One stylesheet for every document: the CJK font, CJK line breaking, sizes,
and bold text (``Bold``)."""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, paragraph

# Chinese punctuation that must not start a line: ReportLab's CJK wrapping knows the
# Japanese set (、。）…) but not the full-width comma, colon, semicolon ... (every
# document uses this stylesheet, so the rule is set once, here)
CANNOT_START = "，；：？！”’》〉」』】％"
for _module in (paragraph, textsplit):
    # the stubs leave paragraph's copy out: a module attribute ReportLab reads at each wrap
    _module.ALL_CANNOT_START += "".join(  # type: ignore[attr-defined]
        c for c in CANNOT_START if c not in _module.ALL_CANNOT_START)

INK = colors.HexColor("#111111")
GREY = colors.HexColor("#666666")
LINE = colors.HexColor("#999999")
MARK = colors.HexColor("#c62828")      # 作废 / 副本 marks

# one TableStyle command: its name, the first and last cell it applies to, its arguments
TableCommand: TypeAlias = tuple[str, tuple[int, int], tuple[int, int], *tuple[Any, ...]]
# one table row: ReportLab takes strings, flowables and lists of flowables alike in a cell
Row: TypeAlias = list[Any]


class Styles:
    """Paragraph styles in the registered CJK font, at a base size."""

    def __init__(self, font: str, base: float = 10.5) -> None:
        def style(name: str, size: float, *, alignment: Literal[0, 1, 2] = TA_LEFT, color: colors.Color = INK,
                  space_before: float = 0, space_after: float = 0) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.45,
                                  wordWrap="CJK", alignment=alignment, textColor=color,
                                  spaceBefore=space_before, spaceAfter=space_after)
        self.font = font
        self.title = style("title", base * 1.7, alignment=TA_CENTER, space_after=base * 0.6)
        self.subtitle = style("subtitle", base * 1.05, alignment=TA_CENTER, color=GREY,
                              space_after=base * 0.8)
        self.heading = style("heading", base * 1.15, space_before=base * 0.8, space_after=base * 0.3)
        self.body = style("body", base, alignment=TA_LEFT)
        self.small = style("small", base * 0.82, color=GREY)
        self.cell = style("cell", base * 0.92)
        self.cell_right = style("cell_right", base * 0.92, alignment=TA_RIGHT)
        self.cell_center = style("cell_center", base * 0.92, alignment=TA_CENTER)
        self.big = style("big", base * 1.4)
        self.right = style("right", base, alignment=TA_RIGHT)
        self.center = style("center", base, alignment=TA_CENTER)


class Bold(Paragraph):
    """A paragraph printed bold.  ReportLab's ``<b>`` picks the font's bold face,
    and the Chinese TrueType fonts a hall has (wqy-zenhei, simhei, simsun) come
    without one: ``<b>`` printed regular.  So the glyphs are filled and then
    stroked around their outline in the text's colour (PDF text render mode 2,
    the usual synthetic bold), which works with any embedded font."""

    WEIGHT = 0.04          # the stroke, in font sizes: about a semibold's extra weight

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()                  # the render mode is graphics state: restored after
        canvas.setStrokeColor(self.style.textColor)
        canvas.setLineWidth(self.style.fontSize * self.WEIGHT)
        canvas.addLiteral("2 Tr")           # fill, then stroke: the text state holds it into BT
        super().draw()
        canvas.restoreState()


def escape(text: object) -> str:
    """Text for a Paragraph (which reads a little XML)."""
    return (str(text if text is not None else "").replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace("\n", "<br/>"))
