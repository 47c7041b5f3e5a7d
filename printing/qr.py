"""QR codes for the tracking URL, with the code printed as text under it."""

from __future__ import annotations

import math

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from counter_app.services.documents.common import tracking_url
from printing.styles import INK

MIN_A4_MM = 25.0     # on A4/A5 paper
MIN_ROLL_MM = 30.0   # on the 80 mm thermal roll
__all__ = ["MIN_A4_MM", "MIN_ROLL_MM", "TrackingQr", "qr_drawing", "tracking_qr", "tracking_url"]


QR_BORDER_MODULES = 4   # the quiet zone around the symbol (ISO/IEC 18004)
QUIET = QR_BORDER_MODULES


def tracking_qr(url: str, code: str, symbol_mm: float, font: str, caption_pt: float = 7.5) -> Drawing:
    """The tracking QR whose symbol itself (quiet zone excluded) is at least
    ``symbol_mm`` wide, with the code as text under it."""
    symbol = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)  # as QrCodeWidget(url, barLevel="M")
    symbol.addData(url)
    symbol.make()
    modules = len(symbol.modules)  # its module count
    side = math.ceil(symbol_mm * (modules + 2 * QR_BORDER_MODULES) / modules * 2) / 2
    return qr_drawing(url, side, code, font, caption_pt)


def qr_drawing(value: str, size_mm: float, caption: str, font: str, caption_pt: float = 7) -> Drawing:
    """A square QR code of ``size_mm`` with ``caption`` (the code) under it."""
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    side = size_mm * mm
    gap = caption_pt * 1.6
    drawing = Drawing(side, side + gap, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, gap])
    drawing.add(widget)
    # the font named, else ReportLab starts the drawing in Times-Roman (not embedded)
    outer = Drawing(side, side + gap, initialFontName=font)
    outer.add(drawing)
    outer.add(String(side / 2, 1, caption, fontName=font, fontSize=caption_pt, textAnchor="middle"))
    return outer


class TrackingQr(Flowable):
    """The tracking QR code with its code as text under it, like ``printing.qr.qr_drawing``
    (level M) at a fraction of the cost: the symbol is encoded once and each row's
    dark runs are filled as one path, where the graphics widget encodes it twice
    and builds a shape per run (40 ms a page).  ``size_mm`` is the printed symbol
    itself; the quiet zone of 4 modules comes on top of it."""

    def __init__(self, value: str, size_mm: float, caption: str, font: str, caption_pt: float = 7) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
        self.modules = [[bool(m) for m in row] for row in code.modules]
        n = len(self.modules)
        self.side = size_mm * mm * (n + 2 * QUIET) / n
        self.caption, self.font, self.caption_pt = caption, font, caption_pt
        self.gap = caption_pt * 1.6

    def wrap(self, available_width: float,  # noqa: ARG002 - ReportLab's Flowable.wrap: a fixed size
             available_height: float) -> tuple[float, float]:  # noqa: ARG002
        return self.side, self.side + self.gap

    def draw(self) -> None:
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
        canvas.setFont(self.font, self.caption_pt)
        canvas.drawCentredString(self.side / 2, 1, self.caption)
