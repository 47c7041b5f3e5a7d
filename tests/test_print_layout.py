"""Where things land on the page, read back from the PDF with pypdfium2's text
rectangles: a short section of the daily register is not pushed to the next page
while it fits on this one, and the handover sheet's signatures never stand alone
on a page of their own."""

from __future__ import annotations

import dataclasses

import pypdfium2

from counter_app.services.documents.handover import handover_data
from counter_app.services.documents.register import register_data
from printing import handover, register
from printing.register import KEEP
from tests.test_payments import desk  # noqa: F401 - the fixture
from tests.test_print_reports import DAY, a_day_at_the_hall

PT_PER_MM = 72 / 25.4


def text_lines(pdf: bytes) -> list[list[tuple[str, float, float]]]:
    """Per page, each run of text with its top and bottom (pt from the page's foot)."""
    out = []
    for page in pypdfium2.PdfDocument(pdf):
        text = page.get_textpage()
        runs = []
        for i in range(text.count_rects()):
            left, bottom, right, top = text.get_rect(i)
            runs.append((text.get_text_bounded(left, bottom, right, top), top, bottom))
        out.append(runs)
    return out


def find(pages: list[list[tuple[str, float, float]]], needle: str) -> tuple[int, float, float]:
    """(page index, top, bottom) of the first run holding ``needle``."""
    return next((n, top, bottom) for n, runs in enumerate(pages)
                for text, top, bottom in runs if needle in text)


def content_bottom(runs: list[tuple[str, float, float]], footer_pt: float) -> float:
    """The lowest text of a page above its footer line."""
    return min(bottom for text, _top, bottom in runs if bottom > footer_pt)


# -- the daily register ------------------------------------------------------------------------

def test_a_short_section_of_the_register_stays_on_the_page_it_fits_on(desk):  # noqa: F811
    """More and more corrections fill page 1 (section 三) until section 四 (two
    lines) moves on: it may only move when it no longer fits below 三."""
    core, p = desk.core, desk.people
    a_day_at_the_hall(desk)
    data = register_data(core, p.supervisor, DAY)
    renderer = register.RegisterRenderer(data.company)
    bottom_margin = renderer.margins_mm[3] * PT_PER_MM
    seen = set()
    for n in range(1, 30):
        pages = text_lines(renderer.render(dataclasses.replace(data, corrections=data.corrections[:1] * n)))
        page, top, _ = find(pages, "四、结班与现金差额")
        last_page, _, last = find(pages, "打印时尚未结班")                # its last line
        assert last_page == page                                        # the section stays whole
        if page == 0:
            seen.add("kept")
            continue
        seen.add("moved")
        room = content_bottom(pages[0], bottom_margin) - bottom_margin
        # moved only when it did not fit below 三 (20 pt: the heading's space above, a line's leading)
        assert room < top - last + 20, (n, room, top - last)
        assert room < KEEP                                              # not for want of KEEP
    assert seen == {"kept", "moved"}                                    # both cases were met


# -- the handover sheet ------------------------------------------------------------------------

def test_the_handover_signatures_never_stand_alone_on_a_page(desk):  # noqa: F811
    """More open requests push the sheet over a page: whatever their number, the
    signatures have at least the last request above them on their page."""
    core, p = desk.core, desk.people
    a_day_at_the_hall(desk)
    data = handover_data(core, p.clerk, desk.shift.id)
    assert data.open_requests
    renderer = handover.HandoverRenderer(data.company)
    pages_seen = set()
    for n in range(1, 40):
        many = tuple(data.open_requests[:1]) * n
        pages = text_lines(renderer.render(dataclasses.replace(data, open_requests=many)))
        pages_seen.add(len(pages))
        page, _, _ = find(pages, "交班人")
        number = many[-1].number
        on_page = [text for text, _t, _b in pages[page]]
        assert any(number in text for text in on_page), (n, len(pages))   # a request row above it
        assert any("以上现金、票据和业务已当面点交清楚" in text for text in on_page)
    assert {1, 2} <= pages_seen
