"""The heating contract (供热合同), printed from real requests, on SQLite and PostgreSQL:
the facts in the text, every clause, the version and page x of y on every page, the
QR code decoded back to the tracking URL, the font embedded; the yearly fee in
figures and capitals, the agent who signs, the price document's number on one line."""

from __future__ import annotations

import io
import re

import pypdf
import pypdfium2
import pytest
import zxingcpp

from counter_app.domain.enums import HeatingForm, UserClass
from counter_app.errors import Conflict, ValidationError
from counter_app.services import fees, requests, settings
from counter_app.services.documents.contract import PRICE_PENDING, contract_data
from counter_app.services.requests import DocumentInput
from counter_app.validation import fen_to_capital
from printing import contract as paper
from printing.qr import tracking_url
from tests.helpers import account_input, sample_fields


def contract_pdf(core, actor, request):
    """The contract as the screen and the command line make it: its read, then its paper."""
    return paper.contract_pdf(contract_data(core, actor, request))


SEEN = DocumentInput(received=True, original_seen=True, copies=1)
USCC = "91110000600037341L"
AGENT_ID = "11010519491231002X"
HALL = {"company_name": "蓝煜热力有限公司", "hall_name": "城东客户服务中心",
        "hall_address": "城东区建设路88号", "hall_phone": "0351-1234567",
        "tracking_base_url": "https://heat.example.cn/t"}


# -- helpers shared with tests/test_print_reports.py ---------------------------------------

def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text without line breaks and spaces: a wrapped sentence reads whole."""
    return re.sub(r"\s+", "", text)


def qr_codes(pdf: bytes, page: int = 0) -> list:
    image = pypdfium2.PdfDocument(pdf)[page].render(scale=150 / 72).to_pil()
    return zxingcpp.read_barcodes(image)


def qr_values(pdf: bytes, page: int = 0) -> list[str]:
    return [code.text for code in qr_codes(pdf, page)]


def qr_side_mm(code) -> float:
    """The printed symbol's side, from its corners found at 150 dpi."""
    p = code.position
    return (p.top_right.x - p.top_left.x + 1) / 150 * 25.4


def assert_fonts_embedded(pdf: bytes) -> None:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    seen = 0
    for page in reader.pages:
        for font in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{font.get('/BaseFont')} is not embedded"
            seen += 1
    assert seen


def assert_page_numbers(texts: list[str]) -> None:
    for i, text in enumerate(texts, 1):
        assert f"第 {i} 页 共 {len(texts)} 页" in text


def publish(core, admin, season="2025-2026", residential=2250, non_residential=3390, decree=None):
    y = int(season[:4])
    prices = {(c, f): (residential if c is UserClass.RESIDENTIAL else non_residential)
              for c in UserClass for f in HeatingForm}
    return fees.create_schedule(
        core, admin, season=season, decree_no=decree or f"晋价〔{y}〕18号", effective_date=f"{y}-10-01",
        season_start=f"{y}-11-15", season_end=f"{y + 1}-03-15", due_date=f"{y}-12-31",
        basic_fee_bp=3000, late_fee_ppm_per_day=3000, prices=prices)


def residential(core, clerk) -> int:
    kind = core.catalogue.get("application_residential")
    return requests.receive(
        core, clerk, "application_residential",
        new_account=account_input(7, heating_state="not_connected", area="85.50"),
        documents={"owner_id_card": SEEN, "property_certificate": SEEN},
        fields=sample_fields(kind, owner_name="张伟", address="幸福小区3号楼2单元307室", area="85.50"))


def by_agent(core, clerk) -> int:
    """张伟's application, brought to the counter by his agent 李四."""
    kind = core.catalogue.get("application_residential")
    return requests.receive(
        core, clerk, "application_residential", by_agent=True, agent_name="李四",
        new_account=account_input(7, heating_state="not_connected", area="85.50"),
        documents={"owner_id_card": SEEN, "property_certificate": SEEN, "agent_id_card": SEEN,
                   "power_of_attorney": SEEN},
        fields=sample_fields(kind, owner_name="张伟", address="幸福小区3号楼2单元307室", area="85.50",
                             agent_name="李四", agent_id_number=AGENT_ID))


def non_residential(core, clerk) -> int:
    kind = core.catalogue.get("application_nonresidential")
    docs = {d.code: SEEN for d in kind.documents_for(by_agent=False, non_residential=True)
            if d.one_of in (None, "") or d.code == "property_certificate"}
    return requests.receive(
        core, clerk, "application_nonresidential",
        new_account=account_input(8, holder_name="城东商贸有限公司", holder_kind="organisation",
                                  id_number=USCC, user_class="non_residential",
                                  heating_state="not_connected", area="1250.50"),
        documents=docs,
        fields=sample_fields(kind, company_name="城东商贸有限公司", uscc=USCC, contact_name="刘经理",
                             address="建设路100号", area="1250.50"))


@pytest.fixture
def hall(core, people):
    settings.update(core, people.admin, HALL)
    return people


# -- the contracts --------------------------------------------------------------------------

def test_residential_contract_has_the_parties_terms_clauses_version_pages_and_qr(core, hall):
    publish(core, hall.admin)
    rid = residential(core, hall.clerk)
    view = requests.get_request(core, rid)
    pdf = contract_pdf(core, hall.clerk, rid)
    assert pages_text(pdf) == pages_text(contract_pdf(core, hall.clerk, view.number))  # id or number
    texts = pages_text(pdf)
    whole = flat("".join(texts))
    assert len(texts) >= 2
    assert_page_numbers(texts)
    for text in texts:
        assert "供热合同文本第2026.1版" in flat(text)
    template = core.catalogue.contract_for("application_residential")
    for title, _ in template.clauses:
        assert flat(title) in whole
    number = "HT" + view.number.removeprefix("SQ")
    for fact in ("供热合同", "居民用户", "蓝煜热力有限公司", "城东区建设路88号", "0351-1234567", "张伟",
                 view.fields["owner_id_number"], "幸福小区3号楼2单元307室", view.account_no,
                 "85.50平方米", "每平方米每采暖期22.50元", "晋价〔2025〕18号",
                 "每年11月15日至次年3月15日", "不低于16℃", "每年12月31日前", "30%交纳基本热费",
                 "3‰支付滞纳金", f"合同编号：{number}", "签订日期：2025-11-20", view.tracking_code,
                 "甲方（盖章）", "甲方代表（签字）", "乙方（签字）"):
        assert flat(fact) in whole, fact
    assert "委托代理人" not in whole                                   # he came himself
    assert "33.90" not in whole                                        # the residential price only
    assert qr_values(pdf) == [tracking_url(HALL["tracking_base_url"], view.tracking_code)]
    assert qr_values(pdf)[0] == f"https://heat.example.cn/t/{view.tracking_code}"
    assert qr_side_mm(qr_codes(pdf)[0]) >= 25
    assert_fonts_embedded(pdf)


def test_non_residential_contract_uses_the_organisation_and_its_price(core, hall):
    publish(core, hall.admin)
    rid = non_residential(core, hall.clerk)
    view = requests.get_request(core, rid)
    pdf = contract_pdf(core, hall.clerk, view.number)
    texts = pages_text(pdf)
    whole = flat("".join(texts))
    assert_page_numbers(texts)
    assert all("供热合同文本第2026.1版" in flat(t) for t in texts)
    for title, _ in core.catalogue.contract_for("application_nonresidential").clauses:
        assert flat(title) in whole
    for fact in ("非居民用户", "城东商贸有限公司", f"统一社会信用代码：{USCC}", "联系人：刘经理",
                 "建设路100号", "1250.50平方米", "每平方米每采暖期33.90元", "晋价〔2025〕18号",
                 "在5个工作日内开始供热", "每年11月15日至次年3月15日", "乙方（盖章）", "乙方代表（签字）",
                 # 1,250.50 m² at 33.90 a season
                 "年度热费42,391.95元", f"大写：人民币{fen_to_capital(4239195)}"):
        assert flat(fact) in whole, fact
    assert whole.count("乙方代表（签字）") == 1 and "乙方（签字）" not in whole
    assert qr_values(pdf) == [f"https://heat.example.cn/t/{view.tracking_code}"]
    assert_fonts_embedded(pdf)


def test_without_a_published_schedule_the_price_reads_as_the_current_standard(core, hall):
    rid = residential(core, hall.clerk)
    whole = flat("".join(pages_text(contract_pdf(core, hall.clerk, rid))))
    assert f"每平方米每采暖期{PRICE_PENDING}（" in whole
    assert f"{PRICE_PENDING}元" not in whole
    assert "张伟" in whole and "85.50平方米" in whole
    assert "年度热费按计费面积乘以热费单价计算" in whole and "大写" not in whole   # no figure to state
    assert contract_data(core, hall.clerk, rid).yearly_fee_fen is None


# -- the yearly fee, the agent, the price cell ------------------------------------------------

def test_the_contract_states_the_yearly_fee_in_figures_and_capitals(core, hall):
    publish(core, hall.admin)
    rid = residential(core, hall.clerk)
    data = contract_data(core, hall.clerk, rid)
    assert data.yearly_fee_fen == 2250 * 8550 // 100 == 192375             # 85.50 m² x 22.50, in fen
    whole = flat("".join(pages_text(contract_pdf(core, hall.clerk, rid))))
    assert "年度热费1,923.75元（85.50平方米×22.50元/平方米），大写：人民币壹仟玖佰贰拾叁元柒角伍分" in whole


def test_an_application_filed_by_an_agent_names_the_agent_and_the_customer_signs_once(core, hall):
    publish(core, hall.admin)
    rid = by_agent(core, hall.clerk)
    data = contract_data(core, hall.clerk, rid)
    assert data.agent_name == "李四"
    whole = flat("".join(pages_text(contract_pdf(core, hall.clerk, rid))))
    assert f"委托代理人李四（身份证号码{AGENT_ID}）" in whole                # in the parties' table
    assert whole.count("乙方（签字）") == 1 and whole.count("委托代理人（签字）") == 1
    assert "乙方（签字或盖章）" not in whole                                  # the line that made it twice


def test_the_price_cell_never_breaks_the_price_documents_number(core, hall):
    """A long file name wraps the cell, but between the price's pieces only."""
    decree = ("山西省发展和改革委员会、太原市发展和改革委员会关于调整居民供热价格的通知"
              "晋发改价管发〔2025〕34号")
    publish(core, hall.admin, decree=decree)
    rid = residential(core, hall.clerk)
    lines = [line.strip() for line in pages_text(contract_pdf(core, hall.clerk, rid))[0].splitlines()]
    price = lines.index(next(line for line in lines if line.startswith("22.50 元/平方米·采暖期")))
    assert lines[price] == "22.50 元/平方米·采暖期（2025-2026采暖季，"       # the cell did wrap
    assert "".join(lines[price + 1:price + 3]) == f"依据{decree}）"
    assert lines[price + 2] == "晋发改价管发〔2025〕34号）"                      # the number whole


def test_areas_print_as_square_metres_in_words_not_the_small_glyph(core, hall):
    publish(core, hall.admin)
    for rid in (residential(core, hall.clerk), non_residential(core, hall.clerk)):
        text = "".join(pages_text(contract_pdf(core, hall.clerk, rid)))
        assert "㎡" not in text and "平方米" in text


def test_the_contract_of_a_signed_request_carries_its_signing_date(core, hall, clock):
    publish(core, hall.admin)
    rid = residential(core, hall.clerk)
    for step, note in (("accept", ""), ("reply_plan", "可直接开栓")):
        requests.act(core, hall.clerk, rid, step, note=note)
    clock.set(2025, 11, 24, 15, 0)
    requests.act(core, hall.clerk, rid, "sign_contract")
    clock.set(2025, 11, 26, 9, 0)
    assert "签订日期：2025-11-24" in flat("".join(pages_text(contract_pdf(core, hall.clerk, rid))))


def test_only_applications_that_are_still_open_get_a_contract(core, hall):
    publish(core, hall.admin)
    rid = residential(core, hall.clerk)
    requests.act(core, hall.clerk, rid, "withdraw")
    with pytest.raises(Conflict, match="已撤回，不能打印供热合同"):
        contract_pdf(core, hall.clerk, rid)
    kind = core.catalogue.get("change_area")
    account = requests.get_request(core, rid).account_id
    other = requests.receive(core, hall.clerk, "change_area", account_id=account,
                             fields=sample_fields(kind))
    with pytest.raises(ValidationError, match="不签订供热合同"):
        contract_pdf(core, hall.clerk, other)
