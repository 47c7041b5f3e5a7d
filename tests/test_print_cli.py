"""`counter-app register` and `counter-app print`: each document to a PDF file, and
every bad input (unknown number, a day without business, an unwritable path, a
missing font) a plain Chinese message with exit 2 and no file left behind."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from counter_app import cli
from counter_app.services import accounts, billing, payments, requests, settings, shifts
from tests.helpers import account_input, sample_fields
from tests.test_payments import publish
from tests.test_print_contract import residential
from tests.test_print_receipt import HALL, pdf_text

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("COUNTER_APP_DB", raising=False)
    monkeypatch.delenv("COUNTER_APP_FONT", raising=False)
    return tmp_path / "data"


@pytest.fixture
def hall(core, people, monkeypatch):
    """A day at the hall (Thursday 2025-11-20): 张伟 pays 3,000.00 in cash for his
    settlement request (receipt 2025-000001); 张伟 of 307 applies for heat.  The
    command line works on this database, with the tests' clock."""
    settings.update(core, people.admin, HALL)
    publish(core, people.admin, "2024-2025", 1000)
    publish(core, people.admin, "2025-2026", 2000)
    h = type("Hall", (), {})()
    h.core, h.people = core, people
    acc = accounts.register_account(core, people.clerk, account_input(1, area="100"))
    billing.generate_bill(core, people.admin, acc, "2024-2025")
    billing.generate_bill(core, people.admin, acc, "2025-2026")
    shifts.open_shift(core, people.clerk, "500")
    settlement = requests.receive(core, people.clerk, "settlement", account_id=acc,
                                  fields=sample_fields(core.catalogue.get("settlement")))
    h.paid = payments.take_payment(core, people.clerk, acc, "3000", "cash", tendered="3100",
                                   request_id=settlement)
    h.application = requests.get_request(core, residential(core, people.clerk))
    monkeypatch.setattr(cli, "_core", lambda args: core)
    return h


def run(capsys, *argv: str, user: str = "li", password: str = "clerk-pass",
        monkeypatch=None) -> tuple[int, str, str]:
    monkeypatch.setenv("COUNTER_APP_PASSWORD", password)
    code = cli.main(["--as", user, *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def pages(path: Path) -> int:
    return len(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def saved(out: str, path: Path) -> None:
    """The command said where it saved how many pages, and it is so."""
    assert out.strip() == f"已保存 {path}（{pages(path)} 页）"


# -- each document to a file ----------------------------------------------------------------

def test_the_register_of_a_day_is_saved_for_a_supervisor(capsys, monkeypatch, hall, tmp_path):
    out_file = tmp_path / "日报.pdf"
    code, out, _ = run(capsys, "register", "--date", "2025-11-20", "--out", str(out_file),
                       user="wang", password="super-pass", monkeypatch=monkeypatch)
    assert code == 0
    saved(out, out_file)
    text = pdf_text(out_file.read_bytes())
    assert "营业日报" in text and "2025-11-20" in text and hall.paid.receipt_no in text


def test_each_request_paper_is_saved_with_its_number(capsys, monkeypatch, hall, tmp_path):
    number = hall.application.number
    for what in ("slip", "notice", "contract"):
        out_file = tmp_path / f"{what}.pdf"
        code, out, err = run(capsys, "print", what, number, "--out", str(out_file), monkeypatch=monkeypatch)
        assert (code, err) == (0, ""), what
        saved(out, out_file)
        assert number in pdf_text(out_file.read_bytes()), what
    assert "受理回执" in pdf_text((tmp_path / "slip.pdf").read_bytes())
    assert "一次性告知单" in pdf_text((tmp_path / "notice.pdf").read_bytes())
    assert "供热合同" in pdf_text((tmp_path / "contract.pdf").read_bytes())


def test_a_receipt_once_as_the_original_then_logged_copies_in_each_layout(capsys, monkeypatch, hall,
                                                                          tmp_path):
    number = hall.paid.receipt_no
    out_file = tmp_path / "receipt.pdf"
    code, out, err = run(capsys, "print", "receipt", number, "--out", str(out_file), monkeypatch=monkeypatch)
    assert (code, err) == (0, "")
    saved(out, out_file)
    text = pdf_text(out_file.read_bytes())
    assert number in text and "叁仟元整" in text and "副本" not in text
    for n, layout in enumerate(("roll", "preprinted", "a5"), start=1):
        out_file = tmp_path / f"copy-{layout}.pdf"
        code, out, err = run(capsys, "print", "receipt", number, "--copy", "--layout", layout,
                             "--out", str(out_file), monkeypatch=monkeypatch)
        assert (code, err) == (0, ""), layout
        saved(out, out_file)
        text = pdf_text(out_file.read_bytes())
        assert number in text and f"副本{n}" in text, layout
    assert payments.receipt(hall.core, hall.paid.entry_id).copies == 3
    code, out, err = run(capsys, "print", "receipt", number, "--out", str(tmp_path / "again.pdf"),
                         monkeypatch=monkeypatch)
    refused(code, out, err, "已打印过原件", "--copy")
    assert not (tmp_path / "again.pdf").exists()


def test_the_login_may_follow_the_subcommand(capsys, monkeypatch, hall, tmp_path):
    monkeypatch.setenv("COUNTER_APP_PASSWORD", "clerk-pass")
    out_file = tmp_path / "slip.pdf"
    code = cli.main(["print", "slip", hall.application.number, "--out", str(out_file), "--as", "li"])
    assert code == 0 and out_file.exists()
    assert "已保存" in capsys.readouterr().out


def test_the_database_named_on_the_command_line(capsys, monkeypatch, core, people, tmp_path):
    """Without the tests' shortcut: ``--db`` opens the database as the hall does."""
    accounts.register_account(core, people.clerk, account_input(1))
    shifts.open_shift(core, people.clerk, "500")
    url = core.engine.url.render_as_string(hide_password=False)
    out_file = tmp_path / "日报.pdf"
    code, out, err = run(capsys, "--db", url, "register", "--date", "2025-11-20", "--out", str(out_file),
                         user="wang", password="super-pass", monkeypatch=monkeypatch)
    assert (code, err) == (0, "")
    saved(out, out_file)


# -- bad input: a message, exit 2, no file --------------------------------------------------

def only(folder: Path, *names: str) -> None:
    """Nothing in ``folder`` but ``names``: no output file, no temporary file."""
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


def refused(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2 and out == ""
    assert err.startswith("错误：") and CJK.search(err)
    for word in words:
        assert word in err, err


def test_an_unknown_number_is_refused(capsys, monkeypatch, hall, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    cases = [("receipt", "2025-999999", "没有收据号为 2025-999999 的收款"),
             ("slip", "SQ2025999999", "没有编号为 SQ2025999999 的业务"),
             ("notice", "SQ2025999999", "没有编号为 SQ2025999999 的业务"),
             ("contract", "SQ2025999999", "没有编号为 SQ2025999999 的业务")]
    for what, number, message in cases:
        code, out, err = run(capsys, "print", what, number, "--out", str(folder / "x.pdf"),
                             monkeypatch=monkeypatch)
        refused(code, out, err, message)
    code, out, err = run(capsys, "print", "receipt", "2025-999999", "--copy", "--out", str(folder / "x.pdf"),
                         monkeypatch=monkeypatch)
    refused(code, out, err, "没有收据号")
    only(folder)


def test_a_day_without_business_and_a_malformed_date(capsys, monkeypatch, hall, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    for day, words in (("2025-11-19", ("2025-11-19 没有营业记录",)),
                       ("2025-13-01", ("日期“2025-13-01”不对", "YYYY-MM-DD"))):
        code, out, err = run(capsys, "register", "--date", day, "--out", str(tmp_path / "r.pdf"),
                             user="wang", password="super-pass", monkeypatch=monkeypatch)
        refused(code, out, err, *words)
    only(tmp_path)


def test_a_clerk_prints_no_register_and_options_belong_to_receipts(capsys, monkeypatch, hall, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    code, out, err = run(capsys, "register", "--date", "2025-11-20", "--out", str(tmp_path / "r.pdf"),
                         monkeypatch=monkeypatch)
    refused(code, out, err, "营业日报须由")
    code, out, err = run(capsys, "print", "slip", hall.application.number, "--copy",
                         "--out", str(tmp_path / "s.pdf"), monkeypatch=monkeypatch)
    refused(code, out, err, "--copy 只用于收款收据")
    only(tmp_path)


def test_an_unwritable_output_path_leaves_nothing_and_logs_no_copy(capsys, monkeypatch, hall, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    cases = [(tmp_path / "missing" / "r.pdf", "输出目录不存在"),
             (blocker / "r.pdf", "输出目录不存在"),
             (Path("/proc/counter-app-test.pdf"), "无法写入 /proc"),   # read-only, even for root
             (tmp_path, "是一个文件夹")]
    for path, message in cases:
        code, out, err = run(capsys, "print", "receipt", hall.paid.receipt_no, "--copy", "--out", str(path),
                             monkeypatch=monkeypatch)
        refused(code, out, err, message)
        code, out, err = run(capsys, "register", "--date", "2025-11-20", "--out", str(path),
                             user="wang", password="super-pass", monkeypatch=monkeypatch)
        refused(code, out, err, message)
        code, out, err = run(capsys, "print", "receipt", hall.paid.receipt_no, "--out", str(path),
                             monkeypatch=monkeypatch)
        refused(code, out, err, message)
    assert payments.receipt(hall.core, hall.paid.entry_id).copies == 0     # no copy for no paper
    assert not Path("/proc/counter-app-test.pdf").exists()
    only(tmp_path, "not-a-folder")
    assert blocker.read_text() == "a file where the folder should be"
    code, _, err = run(capsys, "print", "receipt", hall.paid.receipt_no, "--out", str(tmp_path / "r.pdf"),
                       monkeypatch=monkeypatch)
    assert (code, err) == (0, "")                      # the original was not used up by the failures


def test_a_missing_font_is_named(capsys, monkeypatch, hall, tmp_path):
    missing = tmp_path / "fonts" / "simsun.ttc"
    monkeypatch.setenv("COUNTER_APP_FONT", str(missing))
    folder = tmp_path / "out"
    folder.mkdir()
    for argv in (("print", "slip", hall.application.number),
                 ("print", "receipt", hall.paid.receipt_no, "--copy")):
        code, out, err = run(capsys, *argv, "--out", str(folder / "x.pdf"), monkeypatch=monkeypatch)
        refused(code, out, err, f"打印字体文件不存在：{missing}", "TrueType")
    code, out, err = run(capsys, "register", "--date", "2025-11-20", "--out", str(folder / "x.pdf"),
                         user="wang", password="super-pass", monkeypatch=monkeypatch)
    refused(code, out, err, "打印字体文件不存在")
    only(folder)
    assert payments.receipt(hall.core, hall.paid.entry_id).copies == 0
    monkeypatch.delenv("COUNTER_APP_FONT")
    code, _, err = run(capsys, "print", "receipt", hall.paid.receipt_no, "--out", str(folder / "r.pdf"),
                       monkeypatch=monkeypatch)
    assert (code, err) == (0, "")                      # the original was not used up by the failure
