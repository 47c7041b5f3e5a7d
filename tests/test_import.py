"""Import of accounts from the old system's CSV / XLSX exports (counter_app.importer)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from counter_app import importer, search
from counter_app.db.models import Account, AuditRecord, Customer
from counter_app.domain.enums import HeatingForm, HeatingState, HolderKind, UserClass
from counter_app.errors import Conflict, CounterError, NotFound, PermissionDenied, ValidationError
from counter_app.importer import import_accounts
from counter_app.services.accounts import AccountInput, create_account, register_account

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def rid(n: int, birth: str = "19800101") -> str:
    """A valid 18-character resident ID, different for each n < 1000."""
    body = f"410105{birth}{n % 1000:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


def bad_checksum(n: int) -> str:
    good = rid(n)
    return good[:17] + ("0" if good[17] != "0" else "1")


HEADER = ["户号", "户主", "身份证号", "联系电话", "小区", "楼号", "单元", "房号", "供热面积",
          "用户类别", "采暖方式", "供热状态"]


def row(n: int, **changes: str) -> list[str]:
    values = {"户号": f"2001{n:05d}", "户主": f"张{'伟芳娜敏静丽强磊军洋'[n % 10]}{n}",
              "身份证号": rid(n), "联系电话": f"1391234{n % 10000:04d}", "小区": "幸福家园",
              "楼号": str(n % 20 + 1), "单元": "2", "房号": str(100 + n), "供热面积": "85.50",
              "用户类别": "居民", "采暖方式": "散热器", "供热状态": "供热"}
    values.update(changes)
    return [values[h] for h in HEADER]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER,
              encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_rejects(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "rejects file must carry a BOM for Excel"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def counts(core) -> tuple[int, int, int]:
    with core.reading() as s:
        return (s.scalar(select(func.count(Account.id))), s.scalar(select(func.count(Customer.id))),
                s.scalar(select(func.count(AuditRecord.id)).where(AuditRecord.action == "import")))


# -- good files ---------------------------------------------------------------------

def test_csv_with_bom_and_chinese_headers(core, people, tmp_path):
    src = write_csv(tmp_path / "old.csv", [row(n) for n in range(1, 26)])
    report = import_accounts(core, people.admin, src)
    assert (report.total, report.imported, report.rejected) == (25, 25, 0)
    assert report.rejects_path is None and not (tmp_path / "old.rejects.csv").exists()
    assert report.summary() == "共 25 行：导入 25 行，拒绝 0 行"
    assert counts(core) == (25, 25, 26)  # one record per account + the summary record
    with core.reading() as s:
        account = s.scalar(select(Account).where(Account.account_no == "200100007"))
        assert account.customer.name == "张磊7" and account.customer.id_number == rid(7)
        assert account.area_x100 == 8550 and account.address == "幸福家园8号楼2单元107室"
        assert (account.user_class, account.heating_form, account.heating_state) == (
            UserClass.RESIDENTIAL, HeatingForm.RADIATOR, HeatingState.HEATING)
        hits = search.find_accounts(s, "张磊7")
        assert [h.account_no for h in hits] == ["200100007"]
        assert [h.account_no for h in search.find_accounts(s, "幸福家园8号楼")][:1] == ["200100007"]
        trail = s.scalar(select(AuditRecord).where(AuditRecord.entity == "account",
                                                   AuditRecord.entity_id == str(account.id)))
        assert trail.action == "import" and trail.staff_id == people.admin.staff_id
        assert trail.after["account_no"] == "200100007" and trail.after["area"] == "85.50"
        assert trail.after["user_class"] == "residential" and trail.after["source_line"] == 8
        assert trail.after["customer_id"] == account.customer_id
        summary = s.scalar(select(AuditRecord).where(AuditRecord.entity == "import"))
        assert summary.entity_id == "old.csv"
        assert summary.after["imported"] == 25 and summary.after["rejected"] == 0


def test_gbk_file_enum_labels_and_defaults(core, people, tmp_path):
    header = ["用户编号", "用户名称", "证件号码", "详细地址", "收费面积", "用户类型", "供热方式",
              "状态", "备注"]
    rows = [["GB0001", "北京某某热力有限公司", "91110000600037341L", "建设路1号", "1200",
             "非居民", "地暖", "停热", "老客户"],
            ["GB0002", "李娜", rid(2), "人民路8号院", "66.6", "", "", "未接网", ""]]
    src = write_csv(tmp_path / "gbk.csv", rows, header, encoding="gbk")
    assert importer.detect_encoding(src) == "gb18030"
    report = import_accounts(core, people.admin, src)
    assert (report.imported, report.rejected) == (2, 0)
    assert report.ignored_columns == ("备注",) and "备注" in report.summary()
    with core.reading() as s:
        org = s.scalar(select(Account).where(Account.account_no == "GB0001"))
        assert org.customer.kind is HolderKind.ORGANISATION
        assert (org.user_class, org.heating_form, org.heating_state) == (
            UserClass.NON_RESIDENTIAL, HeatingForm.FLOOR, HeatingState.STOPPED)
        person = s.scalar(select(Account).where(Account.account_no == "GB0002"))
        assert person.customer.kind is HolderKind.PERSON and person.area_x100 == 6660
        assert person.user_class is UserClass.RESIDENTIAL  # blank cell -> default
        assert person.heating_state is HeatingState.NOT_CONNECTED
        assert [h.account_no for h in search.find_accounts(s, "人民路")] == ["GB0002"]


def test_xlsx_file(core, people, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["户号", "姓名", "身份证", "手机", "小区名称", "楼栋", "单元", "室", "面积"])
    sheet.append([300001, "王芳", rid(1), 13912340001, "阳光小区", 3, 1, 502, 88.25])
    sheet.append([300002, "赵磊", rid(2), "13912340002", "阳光小区", 3, 1, 602, 120.0])
    sheet.append([None] * 9)  # a blank row in the middle is skipped, line numbers kept
    sheet.append([300003, "孙丽", rid(3), None, "阳光小区", 4, 2, 101, 70.125])
    src = tmp_path / "old.xlsx"
    book.save(src)
    report = import_accounts(core, people.admin, src)
    assert (report.total, report.imported, report.rejected) == (3, 2, 1)
    assert report.rejects_path == tmp_path / "old.rejects.csv"
    [bad] = read_rejects(report.rejects_path)
    assert bad["行号"] == "5" and bad["户号"] == "300003" and "两位小数" in bad["原因"]
    assert bad["姓名"] == "孙丽" and bad["面积"] == "70.125"
    with core.reading() as s:
        a = s.scalar(select(Account).where(Account.account_no == "300001"))
        assert a.area_x100 == 8825 and a.room == "502" and a.customer.phone == "13912340001"
        b = s.scalar(select(Account).where(Account.account_no == "300002"))
        assert b.area_x100 == 12000


def test_same_id_number_shares_one_customer(core, people, tmp_path):
    existing = register_account(core, people.clerk, AccountInput(
        account_no="1000001", holder_name="张伟", id_number=rid(500), community="老城区",
        area="50"))
    rows = [row(1, 身份证号=rid(500), 户主="张伟"), row(2, 身份证号=rid(9)),
            row(3, 身份证号=rid(9)), row(4, 身份证号="")]
    report = import_accounts(core, people.admin, write_csv(tmp_path / "c.csv", rows))
    assert report.imported == 4 and report.customers_created == 2
    with core.reading() as s:
        owner = {a.account_no: a.customer_id for a in s.scalars(select(Account))}
        first = s.get(Account, existing)
        assert owner["200100001"] == first.customer_id
        assert owner["200100002"] == owner["200100003"] != owner["200100004"]
        assert [h.account_no for h in search.find_accounts(s, "张伟")] == ["1000001", "200100001"]


# -- bad rows -------------------------------------------------------------------------

def test_bad_rows_go_to_the_rejects_file(core, people, tmp_path):
    register_account(core, people.clerk, AccountInput(
        account_no="200100009", holder_name="已有", community="老城区", area="50"))
    rows = [row(1), row(2, 身份证号=bad_checksum(2)), row(3, 供热面积="0"),
            row(4, 供热面积="85.555"), row(5, 供热面积="200000"), row(6, 户主=""),
            row(7), row(8, 户号="200100001"), row(9), row(10, 采暖方式="火炕", 供热面积="-1")]
    src = write_csv(tmp_path / "bad.csv", rows)
    before = counts(core)
    report = import_accounts(core, people.admin, src)
    assert (report.total, report.imported, report.rejected) == (10, 2, 8)
    assert report.summary() == (f"共 10 行：导入 2 行，拒绝 8 行（原因见 {tmp_path / 'bad.rejects.csv'}）")
    rejects = read_rejects(tmp_path / "bad.rejects.csv")
    with (tmp_path / "bad.rejects.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh)) == ["行号", "户号", "原因", *HEADER]
    reasons = {r["行号"]: r["原因"] for r in rejects}
    assert list(reasons) == ["3", "4", "5", "6", "7", "9", "10", "11"]
    assert "校验位" in reasons["3"]
    assert "大于0" in reasons["4"]
    assert "两位小数" in reasons["5"]
    assert "100000" in reasons["6"]
    assert "户主姓名" in reasons["7"]
    assert reasons["9"] == "户号 200100001 与第 2 行重复"
    assert reasons["10"] == "户号 200100009 已在系统中存在"
    assert "采暖方式" in reasons["11"] and "负数" in reasons["11"] and "；" in reasons["11"]
    by_line = {r["行号"]: r for r in rejects}
    assert by_line["7"]["户号"] == "200100006" and by_line["7"]["小区"] == "幸福家园"
    after = counts(core)
    assert after[0] == before[0] + 2
    with core.reading() as s:
        assert s.scalar(select(Account.id).where(Account.account_no == "200100009")) is not None
        assert s.scalar(select(Customer.name).join(Account).where(
            Account.account_no == "200100009")) == "已有"


def test_strict_imports_nothing_and_writes_rejects(core, people, tmp_path):
    rows = [row(n) for n in range(1, 8)] + [row(8, 身份证号=bad_checksum(8)), row(9, 户号="200100001")]
    src = write_csv(tmp_path / "s.csv", rows)
    rejects = tmp_path / "out" / "errors.csv"
    rejects.parent.mkdir()
    report = import_accounts(core, people.admin, src, strict=True, rejects_path=rejects)
    assert (report.total, report.imported, report.rejected) == (9, 0, 2)
    assert report.summary() == f"发现 2 行有误，按 --strict 未导入任何数据（原因见 {rejects}）"
    assert [r["行号"] for r in read_rejects(rejects)] == ["9", "10"]
    assert counts(core) == (0, 0, 0)
    with core.reading() as s:
        assert s.scalar(select(func.count(AuditRecord.id)).where(AuditRecord.entity == "import")) == 0
    clean = write_csv(tmp_path / "ok.csv", rows[:7])
    report = import_accounts(core, people.admin, clean, strict=True)
    assert (report.imported, report.rejected, report.rejects_path) == (7, 0, None)
    assert counts(core)[0] == 7


def test_custom_mapping(core, people, tmp_path):
    header = ["编码", "客户", "房屋位置", "建筑面积", "面积", "手机"]
    rows = [["A-0001", "周敏", "解放路3号", "99.9", "80", "13812345678"]]
    src = write_csv(tmp_path / "m.csv", rows, header)
    with pytest.raises(ValidationError) as err:
        import_accounts(core, people.admin, src)
    assert "户号" in err.value.message and "编码" in err.value.message
    mapping = {"编码": "account_no", "客户": "户主", "房屋位置": "address_text", "建筑面积": "area"}
    report = import_accounts(core, people.admin, src, mapping=mapping)
    assert report.imported == 1 and report.ignored_columns == ("面积",)
    with core.reading() as s:
        a = s.scalar(select(Account))
        assert (a.account_no, a.area_x100, a.address) == ("A-0001", 9990, "解放路3号")
        assert a.customer.name == "周敏" and a.customer.phone == "13812345678"
    with pytest.raises(ValidationError, match="字段“楼层”不存在"):
        import_accounts(core, people.admin, src, mapping={"编码": "楼层"})
    with pytest.raises(ValidationError, match="列“不存在的列”在文件中找不到"):
        import_accounts(core, people.admin, src, mapping={"不存在的列": "account_no"})


def test_missing_required_column_names_it(core, people, tmp_path):
    header = [h for h in HEADER if h != "供热面积"]
    src = write_csv(tmp_path / "no_area.csv", [row(1)[:-4] + row(1)[-3:]], header)
    with pytest.raises(ValidationError) as err:
        import_accounts(core, people.admin, src)
    assert "供热面积（area）" in err.value.message and "户主" in err.value.message
    assert not (tmp_path / "no_area.rejects.csv").exists()
    assert counts(core) == (0, 0, 0)


def test_conflicting_aliases_need_a_map(core, people, tmp_path):
    header = [*HEADER, "业主"]
    src = write_csv(tmp_path / "two.csv", [[*row(1), "别人"]], header)
    with pytest.raises(ValidationError, match="--map"):
        import_accounts(core, people.admin, src)
    report = import_accounts(core, people.admin, src, mapping={"户主": "holder_name"})
    assert report.imported == 1 and report.ignored_columns == ("业主",)


def test_files_that_cannot_be_imported(core, people, tmp_path):
    with pytest.raises(NotFound, match="找不到"):
        import_accounts(core, people.admin, tmp_path / "nothing.csv")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    with pytest.raises(ValidationError, match="只支持"):
        import_accounts(core, people.admin, tmp_path / "a.pdf")
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf")
    with pytest.raises(ValidationError, match=r"\.xlsx"):
        import_accounts(core, people.admin, tmp_path / "a.xls")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="Excel"):
        import_accounts(core, people.admin, tmp_path / "broken.xlsx")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ValidationError, match="空文件"):
        import_accounts(core, people.admin, tmp_path / "empty.csv")


def test_clerk_may_not_import(core, people, tmp_path):
    src = write_csv(tmp_path / "p.csv", [row(1)])
    with pytest.raises(PermissionDenied):
        import_accounts(core, people.clerk, src)
    with pytest.raises(PermissionDenied):
        import_accounts(core, people.supervisor, src)
    assert counts(core) == (0, 0, 0)


def test_crash_halfway_leaves_nothing(core, people, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK", 5)
    src = write_csv(tmp_path / "crash.csv", [row(n) for n in range(1, 21)] + [row(21, 户主="")])
    calls = []
    real = importer._Pass._insert

    def failing(self, good):
        calls.append(len(good))
        if len(calls) == 3:
            raise RuntimeError("power cut")
        return real(self, good)

    monkeypatch.setattr(importer._Pass, "_insert", failing)
    before = counts(core)
    with pytest.raises(RuntimeError, match="power cut"):
        import_accounts(core, people.admin, src)
    assert calls == [5, 5, 5]
    assert counts(core) == before
    assert not (tmp_path / "crash.rejects.csv").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.setattr(importer._Pass, "_insert", real)
    report = import_accounts(core, people.admin, src)  # and a retry works
    assert (report.imported, report.rejected) == (20, 1)


def test_unwritable_rejects_path_imports_nothing(core, people, tmp_path):
    src = write_csv(tmp_path / "w.csv", [row(1), row(2, 户主="")])
    for target in (tmp_path / "missing-dir" / "r.csv", src.parent):
        with pytest.raises(CounterError, match="无法写入错误行清单"):
            import_accounts(core, people.admin, src, rejects_path=target)
    (tmp_path / "plain-file").write_text("x")
    with pytest.raises(CounterError, match="无法写入错误行清单"):
        import_accounts(core, people.admin, src, rejects_path=tmp_path / "plain-file" / "r.csv")
    with pytest.raises(ValidationError, match="同名"):
        import_accounts(core, people.admin, src, rejects_path=src)
    assert counts(core) == (0, 0, 0)


def test_fixed_rejects_file_can_be_imported_again(core, people, tmp_path):
    src = write_csv(tmp_path / "r.csv", [row(1), row(2, 供热面积="0")])
    report = import_accounts(core, people.admin, src)
    rejects = report.rejects_path
    with rejects.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    lines[1][3 + HEADER.index("供热面积")] = "72"
    with rejects.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(lines)
    again = import_accounts(core, people.admin, rejects)
    assert (again.imported, again.rejected, again.ignored_columns) == (1, 0, ())
    assert counts(core)[0] == 2


def test_quoted_newlines_keep_source_line_numbers(core, people, tmp_path):
    src = write_csv(tmp_path / "q.csv", [row(1, 小区="幸福\n家园"), row(2, 户主="")])
    report = import_accounts(core, people.admin, src)
    assert report.rejected == 1
    assert [r["行号"] for r in read_rejects(report.rejects_path)] == ["4"]


def test_chunks_customers_and_repeats_across_chunks(core, people, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK", 3)
    twins = {"身份证号": "", "户主": "刘洋", "联系电话": "13800000000"}  # no ID: one customer each
    rows = [row(1, **twins), row(2, 身份证号=rid(77)), row(3, **twins), row(4),
            row(5, 身份证号=rid(77)), row(6, **twins), row(7, 户号="200100002"),
            row(8, 身份证号=rid(77), 户号="200100001")]
    report = import_accounts(core, people.admin, write_csv(tmp_path / "k.csv", rows))
    assert (report.imported, report.rejected, report.customers_created) == (6, 2, 5)
    assert {r["行号"]: r["原因"] for r in read_rejects(report.rejects_path)} == {
        "8": "户号 200100002 与第 3 行重复", "9": "户号 200100001 与第 2 行重复"}
    with core.reading() as s:
        accounts = {a.account_no: a for a in s.scalars(select(Account))}
        twins_owners = {accounts[f"20010000{n}"].customer_id for n in (1, 3, 6)}
        assert len(twins_owners) == 3
        assert accounts["200100002"].customer_id == accounts["200100005"].customer_id
        for number, account in accounts.items():  # every id went back to its own row
            n = {"5": 2}.get(number[-1], int(number[-1]))  # row 5 is row 2's holder
            expected = "刘洋" if n in (1, 3, 6) else row(n)[1]
            assert account.customer.name == expected
            assert account.search_text.startswith(expected)


def test_same_number_registered_meanwhile_is_a_conflict(core, people, tmp_path, monkeypatch):
    real = importer._Pass._insert

    def racing(self, good):  # another counter registers 200100002 now
        create_account(self.session, core, people.clerk, AccountInput(
            account_no="200100002", holder_name="抢先", community="老城区", area="50"))
        return real(self, good)

    monkeypatch.setattr(importer._Pass, "_insert", racing)
    src = write_csv(tmp_path / "race.csv", [row(1), row(2), row(3)])
    with pytest.raises(Conflict, match="相同的户号"):
        import_accounts(core, people.admin, src)
    assert counts(core) == (0, 0, 0)


# -- a title above the header ------------------------------------------------------------

TITLE = "2026年用户台账"


def test_xlsx_with_a_merged_title_row_above_the_header(core, people, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["导出日期：2026-01-05", None, None, "单位：平方米"])
    sheet.append([])                                       # a blank line before the header
    sheet.append(HEADER)
    for n in (1, 2, 3):
        sheet.append(row(n, 供热面积="0" if n == 3 else "85.50"))
    src = tmp_path / "ledger.xlsx"
    book.save(src)
    report = import_accounts(core, people.admin, src)
    assert (report.total, report.imported, report.rejected) == (3, 2, 1)
    [bad] = read_rejects(report.rejects_path)
    assert bad["行号"] == "7" and bad["户号"] == "200100003"    # the line of the sheet
    with report.rejects_path.open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh)) == ["行号", "户号", "原因", *HEADER]
    with core.reading() as s:
        assert s.scalar(select(Account.area_x100).where(Account.account_no == "200100002")) == 8550


def test_gbk_csv_with_a_title_line_above_the_header(core, people, tmp_path):
    src = tmp_path / "ledger.csv"
    with src.open("w", encoding="gbk", newline="") as fh:
        fh.write(f"{TITLE}\r\n")                          # not merged: one cell, no commas
        fh.write("," * (len(HEADER) - 1) + "\r\n")        # an empty row as Excel writes it
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(row(n) for n in range(1, 6))
    assert importer.detect_encoding(src) == "gb18030"
    report = import_accounts(core, people.admin, src, strict=True)
    assert (report.total, report.imported, report.rejected) == (5, 5, 0)
    with core.reading() as s:
        audit = s.scalar(select(AuditRecord).where(AuditRecord.entity == "account").order_by(AuditRecord.id))
        assert audit.after["source_line"] == 4 and audit.after["holder_name"] == "张芳1"


def test_a_header_further_down_is_named_with_header_row(core, people, tmp_path):
    notes = [[f"说明{i}：本表由老系统导出"] for i in range(1, 12)]          # 11 lines of notes
    src = tmp_path / "notes.csv"
    with src.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([*notes, HEADER, row(1), row(2)])
    with pytest.raises(ValidationError) as err:
        import_accounts(core, people.admin, src)
    message = err.value.message
    assert message.startswith("找不到表头：notes.csv 的前 10 个非空行中")
    # which columns were looked for, by the names they are recognised by
    for looked in ("户号（account_no）：户号/用户编号/用户号", "供热面积（area）：面积/供热面积/收费面积",
                   "户主姓名/单位名称（holder_name）", "小区（community）", "地址（address_text）"):
        assert looked in message, looked
    assert "第 1 行是：说明1：本表由老系统导出" in message and "--header-row" in message
    assert counts(core) == (0, 0, 0)
    report = import_accounts(core, people.admin, src, header_row=12)
    assert (report.total, report.imported) == (2, 2)
    with pytest.raises(ValidationError, match="文件缺少必需的列"):   # a note is no header
        import_accounts(core, people.admin, src, header_row=3)
    with pytest.raises(ValidationError, match="没有第 20 行（最后一个非空行是第 14 行）"):
        import_accounts(core, people.admin, src, header_row=20)
    with pytest.raises(ValidationError, match="表头行号应为正整数"):
        import_accounts(core, people.admin, src, header_row=0)


def test_the_closest_row_says_what_it_lacks(core, people, tmp_path):
    header = [h for h in HEADER if h != "供热面积"]
    src = write_csv(tmp_path / "t.csv", [row(1)[:8] + row(1)[9:]], header)
    text = src.read_text(encoding="utf-8-sig")
    src.write_text(f"{TITLE}\n\n{text}", encoding="utf-8-sig")
    with pytest.raises(ValidationError) as err:
        import_accounts(core, people.admin, src)
    assert "最接近表头的是第 3 行，缺少：供热面积（area）；该行的列：户号、户主" in err.value.message


def test_header_row_on_the_command_line(capsys, monkeypatch, tmp_path):
    from counter_app import cli

    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("COUNTER_APP_DB", raising=False)
    monkeypatch.setenv("COUNTER_APP_NEW_PASSWORD", "secret-1")
    assert cli.main(["staff", "add", "boss", "--name", "张主任", "--role", "admin"]) == 0
    monkeypatch.setenv("COUNTER_APP_PASSWORD", "secret-1")
    src = tmp_path / "ledger.csv"
    with src.open("w", encoding="gbk", newline="") as fh:
        csv.writer(fh).writerows([[TITLE], ["户号说明：老系统编号"], HEADER, row(1), row(2)])
    capsys.readouterr()
    assert cli.main(["--as", "boss", "import", "accounts", str(src), "--header-row", "2"]) == 2
    assert "文件缺少必需的列" in capsys.readouterr().err
    assert cli.main(["--as", "boss", "import", "accounts", str(src), "--header-row", "3"]) == 0
    assert "导入 2 行" in capsys.readouterr().out
