"""The renderer base: every document is a Renderer with overridable steps.

    document()  the page template (size, margins, PDF metadata)
    story()     the flowables of the document (each renderer writes this)
    header()    drawn on every page (company and document title)
    footer()    drawn on every page ("第 x 页 共 y 页", printed time)
    mark()      a diagonal mark: 副本 N on reprints, 作废 on void receipts

``render(data)`` returns the PDF bytes.  Renderers get the plain data one read
service of ``counter_app.services.documents`` returned (the issuing company
with it); they never open a database session and know nothing of Qt.
"""

from __future__ import annotations

import os
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any, Generic, TypeVar

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from counter_app.errors import CounterError
from counter_app.services.documents.common import Company, stamp
from printing import fonts
from printing.styles import GREY, MARK, Styles

D = TypeVar("D")
__all__ = ["Company", "Renderer", "stamp", "write_pdf"]


def _numbered_canvas(footer_font: str, size: float, fmt: str | None,
                     position: tuple[float, float]) -> type[pdfcanvas.Canvas]:
    """A canvas that knows the page count when it writes the page numbers."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = footer_font  # no stray, unembedded Helvetica reference
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab API
            self._pages.append(dict(self.__dict__))
            # as ReportLab's own showPage ends; the stubs leave the private method out
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if fmt is not None:
                    self.setFont(footer_font, size)
                    self.setFillColor(GREY)
                    self.drawCentredString(position[0], position[1],
                                           fmt.format(page=self.getPageNumber(), total=total))
                super().showPage()
            super().save()

    return NumberedCanvas


class Renderer(Generic[D]):
    page_size: tuple[float, float] = A4
    margins_mm: tuple[float, float, float, float] = (18, 18, 20, 18)   # left, right, top, bottom
    base_font_size: float = 10.5
    title: str = ""
    page_numbers: bool = True
    page_format = "第 {page} 页 共 {total} 页"

    def __init__(self, company: Company, font_path: str | None = None) -> None:
        self.company = company
        self.font = fonts.register(font_path)
        self.styles = Styles(self.font.name, self.base_font_size)

    # -- the steps ---------------------------------------------------------------
    def render(self, data: D) -> bytes:
        buffer = BytesIO()
        doc = self.document(buffer, data)
        width, _height = self.page_size
        kwargs: dict[str, Any] = {"onFirstPage": lambda c, d: self.decorate(c, d, data),
                                  "onLaterPages": lambda c, d: self.decorate(c, d, data)}
        kwargs["canvasmaker"] = _numbered_canvas(
            self.font.name, 8, self.page_format if self.page_numbers else None,
            (width / 2, self.margins_mm[3] * mm / 2))
        doc.build(self.story(data), **kwargs)
        return buffer.getvalue()

    def document(self, buffer: BytesIO, data: D) -> SimpleDocTemplate:
        left, right, top, bottom = (m * mm for m in self.margins_mm)
        return SimpleDocTemplate(
            buffer, pagesize=self.page_size, leftMargin=left, rightMargin=right, topMargin=top,
            bottomMargin=bottom, title=self.document_title(data), author=self.company.company_name,
            subject=self.title, creator="供热营业厅柜台系统")

    def document_title(self, data: D) -> str:  # noqa: ARG002 - a document may name itself by its data
        return self.title

    def story(self, data: D) -> list[Flowable]:
        raise NotImplementedError

    def decorate(self, canvas: pdfcanvas.Canvas, doc: SimpleDocTemplate, data: D) -> None:
        canvas.saveState()
        self.header(canvas, doc, data)
        self.footer(canvas, doc, data)
        text = self.mark(data)
        if text:
            self.draw_mark(canvas, text)
        canvas.restoreState()

    def header(self, canvas: pdfcanvas.Canvas, doc: SimpleDocTemplate, data: D) -> None:
        """Company and hall at the top of every page after the first."""
        if doc.page == 1:
            return
        width, height = self.page_size
        canvas.setFont(self.font.name, 8)
        canvas.setFillColor(GREY)
        canvas.drawString(doc.leftMargin, height - doc.topMargin / 2,
                          f"{self.company.company_name} {self.company.hall_name}")
        canvas.drawRightString(width - doc.rightMargin, height - doc.topMargin / 2,
                               self.document_title(data))

    def footer(self, canvas: pdfcanvas.Canvas, doc: SimpleDocTemplate, data: D) -> None:
        """Nothing by default; page numbers come from the numbering canvas."""

    def mark(self, data: D) -> str | None:  # noqa: ARG002 - a document may be marked by its data
        return None

    def draw_mark(self, canvas: pdfcanvas.Canvas, text: str) -> None:
        width, height = self.page_size
        canvas.setFillColor(MARK)
        canvas.setFillAlpha(0.25)
        # big, but "作废 副本 N" must stay on the page at 30°
        size = min(min(width, height) / 6, 0.8 * width / (stringWidth(text, self.font.name, 1) * 0.866))
        canvas.setFont(self.font.name, size)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(30)
        canvas.drawCentredString(0, -size / 3, text)


def write_pdf(path: str | Path, data: bytes) -> Path:
    """Write atomically: a failure leaves no partial file behind."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise CounterError(f"输出目录不存在：{folder}，请换一个保存位置")
    try:
        fd, temp = tempfile.mkstemp(prefix=".", suffix=".pdf.part", dir=folder)
    except OSError as exc:
        raise CounterError(f"无法写入 {folder}（{exc.strerror}），请换一个保存位置") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise CounterError(f"无法保存 {target}（{exc.strerror}），请换一个保存位置") from exc
    return target
