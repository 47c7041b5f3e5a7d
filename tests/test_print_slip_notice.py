"""The acceptance slip (受理回执) and the one-time notice (一次性告知单), rendered
from requests registered through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pypdfium2
import pytest

from counter_app.errors import NotFound
from counter_app.services import accounts, fees, requests, settings
from counter_app.services.documents.notice import notice_data, standard
from counter_app.services.documents.slip import slip_data
from counter_app.services.requests import DocumentInput
from printing import notice, slip
from printing.qr import tracking_url
from tests.helpers import account_input, sample_fields
from tests.test_billing import publish
from tests.test_print_receipt import (
    HALL,
    assert_fonts_embedded,
    page_count,
    page_mm,
    pdf_text,
    qr_codes,
)

SEEN = DocumentInput(received=True, original_seen=True, copies=1)


def slip_pdf(core, actor, request):
    """The slip as the screen and the command line make it: its read, then its paper."""
    return slip.slip_pdf(slip_data(core, actor, request))


def notice_pdf(core, actor, request):
    return notice.notice_pdf(notice_data(core, actor, request))


@pytest.fixture
def office(core, people):
    """张伟 applies for heat (96.40 m², radiators) on Thursday 2025-11-20 10:00 with
    no document at all; the supervisor waives the ID card (seen lost, checked
    otherwise); the property proof (certificate or purchase contract) is missing."""
    settings.update(core, people.admin, HALL)
    o = type("Office", (), {})()
    o.core, o.people = core, people
    kind = core.catalogue.get("application_residential")
    o.rid = requests.receive(core, people.clerk, "application_residential",
                             new_account=account_input(3, area="96.40"), fields=sample_fields(kind))
    requests.waive_document(core, people.supervisor, o.rid, "owner_id_card", "原件遗失，已核对户籍证明")
    o.view = requests.get_request(core, o.rid)
    o.url = tracking_url(HALL["tracking_base_url"], o.view.tracking_code)
    return o


def test_the_slip_lists_what_was_waived_and_what_is_missing(office):
    core, clerk, r = office.core, office.people.clerk, office.view
    pdf = slip_pdf(core, clerk, r.number)
    text = pdf_text(pdf)
    for fact in (HALL["company_name"], HALL["hall_name"], "受理回执", r.number, "居民用热申请", "张伟",
                 r.account_no, "幸福小区3号楼2单元303室", "2025-11-2010:00", "产权人身份证免交",
                 "经批准免交：原件遗失，已核对户籍证明", "尚缺材料", "1.不动产权证（房产证）或购房合同",
                 "暂无办理期限：材料齐全、受理后3个工作日内答复供热方案", "李营业员", HALL["hall_address"],
                 HALL["hall_phone"], "周一至周日8:30-17:30", r.tracking_code, "扫码查询办理进度"):
        assert fact in text, fact
    assert page_count(pdf) == 1 and page_mm(pdf) == pytest.approx((148, 210), abs=0.5)
    [(decoded, side)] = qr_codes(pdf)
    assert decoded == office.url and side >= 25
    assert_fonts_embedded(pdf)
    assert pdf_text(slip_pdf(core, clerk, r.id)) == text          # by id: the same slip


def test_the_slip_after_acceptance_gives_the_reply_deadline(office):
    core, p = office.core, office.people
    requests.record_document(core, p.clerk, office.rid, "property_certificate", SEEN)
    requests.act(core, p.clerk, office.rid, "accept")
    assert requests.get_request(core, office.rid).deadline == dt.date(2025, 11, 25)   # 3 working days
    text = pdf_text(slip_pdf(core, p.clerk, office.view.number))
    for fact in ("不动产权证（房产证）已收原件已核验；复印件1份", "材料已齐全", "2025-11-25前答复供热方案"):
        assert fact in text, fact
    assert "暂无办理期限" not in text and "购房合同" not in text      # the group is satisfied


def test_the_notice_lists_the_missing_documents_the_procedure_and_the_fees(office):
    core, p, r = office.core, office.people, office.view
    publish(core, p.admin)                          # 2025-2026: 22.50 元/m², valve seal 50.00
    pdf = notice_pdf(core, p.clerk, r.number)
    text = pdf_text(pdf)
    for fact in ("一次性告知单", r.number, "居民用热申请", "张伟", "尚需补交的材料",
                 "不动产权证（房产证）或购房合同须出示原件；复印件1份尚未取得不动产权证的，提供购房合同",
                 "1.登记申请，核对所需材料", "2.材料齐全后受理，之后3个工作日内答复供热方案",
                 "3.答复供热方案", "4.签订供热合同", "5.开栓供热", "采暖费",
                 "居民散热器22.50元/平方米·采暖期", "96.40平方米整季2,169.00元", "价格〔2025〕12号",
                 "请备齐上述材料到营业厅补交", "李营业员", "经办人（签字）", "客户签收", "扫码查询办理进度"):
        assert fact in text, fact
    assert "产权人身份证" not in text                # waived: nothing to bring
    assert "㎡" not in text                          # areas in words: the glyph prints tiny
    assert page_count(pdf) == 1 and page_mm(pdf) == pytest.approx((210, 297), abs=0.5)
    [(decoded, side)] = qr_codes(pdf)
    assert decoded == office.url and side >= 25
    assert_fonts_embedded(pdf)


def test_the_notice_of_a_stop_states_the_published_amounts(core, people):
    settings.update(core, people.admin, HALL)
    publish(core, people.admin)
    account = accounts.register_account(core, people.clerk, account_input(4, area="100"))
    rid = requests.receive(core, people.clerk, "stop", account_id=account,
                           fields=sample_fields(core.catalogue.get("stop")))
    text = pdf_text(notice_pdf(core, people.clerk, rid))
    for fact in ("1产权人身份证须出示原件；复印件1份", "2不动产权证（房产证）", "3上一采暖季缴费凭证",
                 "2.材料齐全后受理（待审批），之后5个工作日内答复审批结果（由值班长/主管审批）",
                 "3.批准停热", "4.关阀停热办结", "基本热费停热期间按热费的30%收取（整季675.00元）",
                 "5个工作日内答复审批结果（由值班长/主管审批）"):
        assert fact in text, fact
    if "valve_seal" in {f.code for f in core.catalogue.get("stop").fees}:
        assert "关阀施封费50.00元" in text            # an item the schedule prices itself


def test_without_a_published_schedule_the_notice_says_the_current_standard_applies(office):
    text = pdf_text(notice_pdf(office.core, office.people.clerk, office.rid))
    assert "采暖费按现行收费标准" in text and "2025-2026采暖季收费标准尚未发布" in text
    assert standard("valve_seal", None, None) == "按现行收费标准"


def test_the_schedule_amount_of_an_item_is_printed_as_published(office):
    publish(office.core, office.people.admin)
    schedule = fees.get_schedule(office.core, "2025-2026")
    assert standard("valve_seal", schedule, None) == "50.00 元"
    assert standard("connection_fee", schedule, None) == "收费标准未列出金额，按核定方案另行告知"


def test_an_unknown_request_is_refused_with_a_clear_message(core, people):
    with pytest.raises(NotFound, match="SQ2099000001"):
        slip_pdf(core, people.clerk, "SQ2099000001")
    with pytest.raises(NotFound, match="9999"):
        notice_pdf(core, people.clerk, 9999)


# -- signed for: the slip's seal and signature lines -------------------------------------------

def fullest_slip(core, people) -> int:
    """The longest slip of the catalogue: a non-residential application brought by an
    agent, all nine documents handed in."""
    settings.update(core, people.admin, HALL)
    kind = core.catalogue.get("application_nonresidential")
    docs = kind.documents_for(by_agent=True, non_residential=True)
    assert len(docs) == 9
    return requests.receive(
        core, people.clerk, "application_nonresidential", by_agent=True, agent_name="李四",
        new_account=account_input(8, holder_name="城东商贸有限公司", holder_kind="organisation",
                                  id_number="91110000600037341L", user_class="non_residential",
                                  heating_state="not_connected", area="1250.50"),
        documents={d.code: SEEN for d in docs},
        fields=sample_fields(kind, company_name="城东商贸有限公司", contact_name="刘经理",
                             address="建设路100号", area="1250.50", agent_name="李四"))


def test_the_slip_is_signed_for_by_the_hall_and_the_agent_on_one_page(core, people):
    pdf = slip_pdf(core, people.clerk, fullest_slip(core, people))
    text = pdf_text(pdf)
    for fact in ("受理单位（盖章）：" + HALL["company_name"], "经办人（签字）：", "代理人（签字）：",
                 "日期：", "城东商贸有限公司（代理人：李四）"):
        assert fact in text, fact
    assert "申请人（签字）" not in text                   # the agent signs for the company
    assert page_count(pdf) == 1                            # nine documents and the signatures: one A5
    [(_decoded, side)] = qr_codes(pdf)
    assert side >= 25


def test_an_applicant_who_came_in_person_signs_the_slip(office):
    text = pdf_text(slip_pdf(office.core, office.people.clerk, office.rid))
    assert "申请人（签字）：" in text and "代理人（签字）" not in text and "受理单位（盖章）" in text


# -- the notice's cells keep clear of their lines ------------------------------------------------

def clearance_pt(pdf: bytes, needle: str) -> tuple[float, float, float]:
    """(above, below, left) pt of blank paper between the first character of ``needle``
    and the nearest dark pixel - in a table cell, its grid line."""
    page = pypdfium2.PdfDocument(pdf)[0]
    text = page.get_textpage()
    left, bottom, right, top = text.get_charbox(text.get_text_range().index(needle))
    scale, height = 300 / 72, page.get_height()
    image = page.render(scale=scale).to_pil().convert("L")

    def dark(x: float, y: float) -> bool:
        return image.getpixel((int(x * scale), int((height - y) * scale))) < 200

    x, y = (left + right) / 2, (bottom + top) / 2
    steps = [n / 10 for n in range(1, 300)]
    return (next(d for d in steps if dark(x, top + d)), next(d for d in steps if dark(x, bottom - d)),
            next(d for d in steps if dark(left - d, y)))


def test_the_notice_cells_are_padded_and_nine_missing_documents_still_fit_one_page(core, people):
    kind = core.catalogue.get("application_nonresidential")
    settings.update(core, people.admin, HALL)
    company = account_input(8, holder_name="城东商贸有限公司", holder_kind="organisation",
                            id_number="91110000600037341L", user_class="non_residential")
    rid = requests.receive(core, people.clerk, "application_nonresidential", by_agent=True, agent_name="李四",
                           new_account=company,
                           fields=sample_fields(kind, company_name="城东商贸有限公司", agent_name="李四"))
    pdf = notice_pdf(core, people.clerk, rid)
    assert page_count(pdf) == 1 and "客户签收" in pdf_text(pdf)
    for needle in ("业务编号", "营业执照", "授权委托书"):        # the facts, the first and last missing
        above, below, left = clearance_pt(pdf, needle)
        assert min(above, below, left) >= 3, (needle, above, below, left)   # it was 2
