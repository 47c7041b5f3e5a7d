"""QR codes for the tracking URL, with the code printed as text under it.

The code under the symbol is what a resident types when the phone will not
scan: a grouped code (7KQ3-M0XV-2RTC-9HB4-EPZW-N5GA) is printed on two lines
of three groups, so it stays within the symbol's width at a readable size (on
one line it would be wider than the symbol and run into the text beside it).

Without a URL (the tracking address is not set, or still a placeholder) the
paper gets no symbol: the same square holds a dashed frame saying to ask at the
hall with the code, and the code is printed under it as usual."""

from __future__ import annotations

import math

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from counter_app.services.documents.common import tracking_url
from printing.styles import GREY, INK

MIN_A4_MM = 25.0     # on A4/A5 paper
MIN_ROLL_MM = 30.0   # on the 80 mm thermal roll
__all__ = ["MIN_A4_MM", "MIN_ROLL_MM", "TrackingQr", "caption_lines", "qr_drawing", "tracking_qr",
           "tracking_url"]


QR_BORDER_MODULES = 4   # the quiet zone around the symbol (ISO/IEC 18004)
QUIET = QR_BORDER_MODULES
NOMINAL_MODULES = 33    # a tracking URL's symbol (version 4): the size kept when there is none
LINE = 1.2              # caption line pitch, in font sizes
NO_QR = ("暂无二维码", "请凭下方号码", "到营业厅查询")


def caption_lines(code: str) -> list[str]:
    """The code as printed under the symbol: a grouped code on two lines of three
    groups at most, an ungrouped (older) code on one."""
    groups = code.split("-")
    if len(groups) < 4:
        return [code]
    half = (len(groups) + 1) // 2
    # the hyphen stays at the end of the first line: one code, read on
    return ["-".join(groups[:half]) + "-", "-".join(groups[half:])]


def _caption_height(lines: int, caption_pt: float) -> float:
    """Room under the symbol for ``lines`` lines of caption (as the one line always had)."""
    return caption_pt * (1.6 + LINE * (lines - 1))


def _modules(url: str | None) -> int:
    if url is None:
        return NOMINAL_MODULES
    symbol = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)  # as QrCodeWidget(url, barLevel="M")
    symbol.addData(url)
    symbol.make()
    return len(symbol.modules)


def tracking_qr(url: str | None, code: str, symbol_mm: float, font: str,
                caption_pt: float = 7.5) -> Drawing:
    """The tracking QR whose symbol itself (quiet zone excluded) is at least
    ``symbol_mm`` wide, with the code as text under it; without a URL, the same
    square without a symbol."""
    modules = _modules(url)
    side = math.ceil(symbol_mm * (modules + 2 * QR_BORDER_MODULES) / modules * 2) / 2
    return qr_drawing(url, side, code, font, caption_pt)


def qr_drawing(value: str | None, size_mm: float, caption: str, font: str,
               caption_pt: float = 7) -> Drawing:
    """A square QR code of ``size_mm`` with ``caption`` (the code) under it."""
    side = size_mm * mm
    lines = caption_lines(caption)
    gap = _caption_height(len(lines), caption_pt)
    # the font named, else ReportLab starts the drawing in Times-Roman (not embedded)
    outer = Drawing(side, side + gap, initialFontName=font)
    if value is not None:
        widget = QrCodeWidget(value, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(side, side + gap, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, gap])
        drawing.add(widget)
        outer.add(drawing)
    else:
        inset = side * QUIET / (NOMINAL_MODULES + 2 * QUIET)
        frame = Rect(inset, gap + inset, side - 2 * inset, side - 2 * inset)
        frame.strokeColor, frame.strokeWidth, frame.strokeDashArray, frame.fillColor = GREY, 0.6, [2, 2], None
        outer.add(frame)
        pitch = caption_pt * 1.5
        top = gap + side / 2 + pitch * (len(NO_QR) - 1) / 2 - caption_pt / 3
        for n, text in enumerate(NO_QR):
            outer.add(String(side / 2, top - n * pitch, text, fontName=font, fontSize=caption_pt,
                             textAnchor="middle", fillColor=GREY))
    for n, text in enumerate(lines):
        outer.add(String(side / 2, 1 + (len(lines) - 1 - n) * caption_pt * LINE, text, fontName=font,
                         fontSize=caption_pt, textAnchor="middle"))
    return outer


class TrackingQr(Flowable):
    """The tracking QR code with its code as text under it, like ``printing.qr.qr_drawing``
    (level M) at a fraction of the cost: the symbol is encoded once and each row's
    dark runs are filled as one path, where the graphics widget encodes it twice
    and builds a shape per run (40 ms a page).  ``size_mm`` is the printed symbol
    itself; the quiet zone of 4 modules comes on top of it.  Without a value, the
    square says to ask at the hall, as ``qr_drawing`` does."""

    def __init__(self, value: str | None, size_mm: float, caption: str, font: str,
                 caption_pt: float = 7) -> None:
        super().__init__()
        if value is None:
            self.modules: list[list[bool]] = []
            n = NOMINAL_MODULES
        else:
            code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
            code.addData(value)
            code.make()
            self.modules = [[bool(m) for m in row] for row in code.modules]
            n = len(self.modules)
        self.side = size_mm * mm * (n + 2 * QUIET) / n
        self.caption, self.font, self.caption_pt = caption, font, caption_pt
        self.lines = caption_lines(caption)
        self.gap = _caption_height(len(self.lines), caption_pt)

    def wrap(self, available_width: float,  # noqa: ARG002 - ReportLab's Flowable.wrap: a fixed size
             available_height: float) -> tuple[float, float]:  # noqa: ARG002
        return self.side, self.side + self.gap

    def draw(self) -> None:
        canvas = self.canv
        if self.modules:
            self._symbol()
        else:
            self._no_symbol()
        canvas.setFillColor(INK)
        canvas.setFont(self.font, self.caption_pt)
        for n, text in enumerate(self.lines):
            canvas.drawCentredString(self.side / 2, 1 + (len(self.lines) - 1 - n) * self.caption_pt * LINE,
                                     text)

    def _symbol(self) -> None:
        canvas, n, border = self.canv, len(self.modules), QUIET
        unit = self.side / (n + 2 * border)
        top = self.gap + self.side
        path = canvas.beginPath()
        for r, row in enumerate(self.modules):
            c = 0
            while c < n:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect((border + start) * unit, top - (border + r + 1) * unit, (c - start) * unit, unit)
        canvas.setFillColor(INK)
        canvas.drawPath(path, stroke=0, fill=1)

    def _no_symbol(self) -> None:
        canvas = self.canv
        inset = self.side * QUIET / (NOMINAL_MODULES + 2 * QUIET)
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.6)
        canvas.setDash(2, 2)
        canvas.rect(inset, self.gap + inset, self.side - 2 * inset, self.side - 2 * inset, stroke=1, fill=0)
        canvas.setFillColor(GREY)
        canvas.setFont(self.font, self.caption_pt)
        pitch = self.caption_pt * 1.5
        top = self.gap + self.side / 2 + pitch * (len(NO_QR) - 1) / 2 - self.caption_pt / 3
        for n, text in enumerate(NO_QR):
            canvas.drawCentredString(self.side / 2, top - n * pitch, text)
        canvas.restoreState()
