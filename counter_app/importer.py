"""Import of existing accounts from the old system's CSV / XLSX exports.

Streamed row by row: each row is validated (``validate_account``, duplicate 户号
in the file and in the database); good rows are inserted in chunks, bad ones go
to a rejects file.  One transaction: a crash leaves nothing.  Held across chunks
only the 户号 seen, with their first line (customers are looked up per chunk).

The old systems' exports often open with a title ("2026年用户台账", merged across
the columns or not) and perhaps a date line above the header: the header is the
first of the first rows that names every required column (``find_header``), or
the row the operator names (``--header-row``).  Line numbers stay those of the
file, in the rejects file too.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
import re
import tempfile
import unicodedata
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from itertools import chain, islice
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app import search
from counter_app.core import Actor, Core
from counter_app.db.models import Account, AuditRecord, Customer
from counter_app.domain.permissions import Permission
from counter_app.domain.premises import format_address
from counter_app.errors import Conflict, CounterError, NotFound, ValidationError
from counter_app.services.accounts import ACCOUNT_FIELDS_ZH, AccountInput, validate_account

CHUNK = 2000
HEADER_SEARCH = 10   # the header is looked for among this many first non-blank rows
REQUIRED = ("account_no", "holder_name", "area")
ENUM_FIELDS = ("holder_kind", "user_class", "heating_form", "heating_state")
REJECT_COLUMNS = ("行号", "户号", "原因")
FIELD_NAMES = tuple(f.name for f in fields(AccountInput))
_ALIAS_TEXT = {
    "account_no": "户号 用户编号 用户号", "holder_name": "户主 姓名 户名 用户名称 业主",
    "id_number": "身份证号 证件号码 身份证", "phone": "电话 联系电话 手机", "phone2": "备用电话",
    "community": "小区 小区名称", "building": "楼号 楼栋", "unit": "单元", "room": "房号 室",
    "address_text": "地址 详细地址", "area": "面积 供热面积 收费面积",
    "user_class": "用户类别 用户类型", "heating_form": "采暖方式 供热方式",
    "heating_state": "状态 供热状态", "holder_kind": "户主类型",
}
_ACCOUNT_COLUMNS = ("account_no", "community", "building", "unit", "room", "address_text",
                    "user_class", "heating_form", "heating_state")
_OS_ERRORS = {FileNotFoundError: "文件夹不存在", IsADirectoryError: "这是一个文件夹", NotADirectoryError:
              "路径中有一段不是文件夹", PermissionError: "没有写入权限，或文件正被其他程序（如 Excel）打开"}
# Core inserts on the tables: the ORM's bulk path costs ~40 % more per row, for nothing here
# a mapped class's table (SQLAlchemy types __table__ as any FromClause a mapping could use)
_CUSTOMERS, _ACCOUNTS, _AUDIT = (cast(Table, m.__table__) for m in (Customer, Account, AuditRecord))
_CUSTOMER_KEY = tuple(_CUSTOMERS.c[k] for k in ("kind", "name", "id_number", "phone", "phone2"))
# the model's own code: an imported account is indexed like one registered at the counter


def _norm(name: object) -> str:
    """A header cell as compared: NFKC, no spaces, no required-marks, lower case."""
    text = unicodedata.normalize("NFKC", "" if name is None else str(name))
    return re.sub(r"\s+", "", text).strip("*").lower()


ALIASES: dict[str, str] = {_norm(f): f for f in FIELD_NAMES}
ALIASES.update({_norm(label): f for f, label in ACCOUNT_FIELDS_ZH.items()})
ALIASES.update({_norm(a): f for f, names in _ALIAS_TEXT.items() for a in names.split()})


@dataclass
class ImportReport:
    source: Path
    total: int
    imported: int
    rejected: int
    rejects_path: Path | None
    strict: bool
    customers_created: int = 0
    ignored_columns: tuple[str, ...] = ()

    def summary(self) -> str:
        where = f"（原因见 {self.rejects_path}）" if self.rejects_path else ""
        text = (f"发现 {self.rejected} 行有误，按 --strict 未导入任何数据{where}"
                if self.strict and self.rejected
                else f"共 {self.total} 行：导入 {self.imported} 行，拒绝 {self.rejected} 行{where}")
        return text + (f"；以下列未使用：{'、'.join(self.ignored_columns)}" if self.ignored_columns else "")


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) if the first 64 KB decode as such, else GB18030."""
    with path.open("rb") as fh:
        sample = fh.read(64 * 1024)
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8-sig"


def _csv_rows(path: Path, encoding: str | None) -> Generator[tuple[int, list[str]]]:
    """(line where the record starts, cells); quoted line breaks keep the count."""
    encoding = encoding or detect_encoding(path)
    with path.open(encoding=encoding, newline="") as fh:
        # "," unless another one is commoner over the first lines (a title line above the
        # header may hold no delimiter at all)
        sample = "".join(islice(fh, HEADER_SEARCH + 2))
        delimiter = max(",\t;|", key=sample.count)
        fh.seek(0)
        reader, line = csv.reader(fh, delimiter=delimiter), 1
        try:
            for row in reader:
                yield line, row
                line = reader.line_num + 1
        except UnicodeDecodeError:
            raise ValidationError(f"第 {line} 行附近有无法按 {encoding} 识别的字符："
                                  "请把文件另存为 UTF-8 编码的 CSV 后重试") from None
        except csv.Error as exc:
            raise ValidationError(f"第 {line} 行不是有效的 CSV：{exc}") from None


def _cell(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # 户号 and room numbers typed as numbers
    return "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value)


def _xlsx_rows(path: Path) -> Generator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML and openpyxl errors alike
        raise ValidationError(f"无法打开 Excel 文件 {path.name}（{type(exc).__name__}），"
                              "请确认它是有效的 .xlsx 文件") from None
    try:
        for line, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            yield line, [_cell(v) for v in row]
    finally:
        book.close()


@contextmanager
def _open_rows(path: Path, encoding: str | None, *, header_row: int | None = None,
               mapping: dict[str, str] | None = None
               ) -> Iterator[tuple[list[str], Iterator[tuple[int, list[str]]]]]:
    """(header, iterator of (line, cells) after it); blank rows are skipped.  The
    header is the row on line ``header_row``, or else the one ``find_header`` picks
    among the first rows (``mapping`` names columns too); rows above it are left out."""
    if not path.exists():
        raise NotFound(f"找不到要导入的文件：{path}")
    suffix = path.suffix.lower()
    if path.is_dir() or suffix not in (".csv", ".txt", ".tsv", ".xlsx", ".xlsm"):
        if suffix == ".xls":
            raise ValidationError(f"{path.name} 是旧版 Excel（.xls）文件："
                                  "请在 Excel 中另存为 .xlsx 或 CSV 后再导入")
        raise ValidationError(f"无法导入 {path.name}：只支持 CSV（.csv）和 Excel（.xlsx）文件")
    raw = _xlsx_rows(path) if suffix.startswith(".xls") else _csv_rows(path, encoding)
    try:
        rows: Iterator[tuple[int, list[str]]] = (
            (line, cells) for line, cells in raw if any(c.strip() for c in cells))
        first = list(islice(rows, HEADER_SEARCH))
        if not first:
            raise ValidationError(f"{path.name} 是空文件，没有表头也没有数据")
        rows = chain(first, rows)
        if header_row is not None:
            header = _named_header(path, rows, header_row)
        else:
            header = first[find_header(path.name, first, mapping)]
            for line, _ in rows:      # up to the header
                if line == header[0]:
                    break
        yield [c.strip() for c in header[1]], rows
    finally:
        raw.close()


def _named_header(path: Path, rows: Iterator[tuple[int, list[str]]], header_row: int
                  ) -> tuple[int, list[str]]:
    if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 1:
        raise ValidationError(f"表头行号应为正整数（文件的第 1 行为 1），收到“{header_row}”",
                              field="header_row")
    last = 0
    for line, cells in rows:
        if line == header_row:
            return line, cells
        if line > header_row:
            break
        last = line
    else:
        raise ValidationError(f"{path.name} 没有第 {header_row} 行（最后一个非空行是第 {last} 行），"
                              "请核对 --header-row 的行号", field="header_row")
    raise ValidationError(f"{path.name} 的第 {header_row} 行是空行，不是表头，"
                          "请核对 --header-row 的行号", field="header_row")


def _fields_named(cells: Iterable[str], mapping: dict[str, str] | None) -> set[str]:
    """The fields a row's cells would name as a header (aliases and ``mapping``)."""
    mapped = {_norm(col): _target(target) for col, target in (mapping or {}).items()}
    names = {_norm(c) for c in cells}
    return {mapped[n] if n in mapped else ALIASES.get(n, "") for n in names} - {""}


def _lacking(named: set[str]) -> list[str]:
    missing = [_label(f) for f in REQUIRED if f not in named]
    if "community" not in named and "address_text" not in named:
        missing.append(f"{_label('community')}或{_label('address_text')}")
    return missing


def _looked_for() -> str:
    """The required columns with the names they are recognised by, for a message."""
    def one(field: str) -> str:
        return f"{_label(field)}：{'/'.join(_ALIAS_TEXT[field].split())}"
    return "；".join([*(one(f) for f in REQUIRED), f"{one('community')}，或{one('address_text')}"])


def find_header(name: str, first: list[tuple[int, list[str]]],
                mapping: dict[str, str] | None = None) -> int:
    """The index in ``first`` (the first non-blank rows of file ``name``) of the header:
    the first row naming every required column.  A title or a date line above it names
    none; a data row cannot name them all.  None does: a Chinese error that says which
    columns were looked for and what the closest row lacks."""
    named = [_fields_named(cells, mapping) for _, cells in first]
    for index, fields_ in enumerate(named):
        if not _lacking(fields_):
            return index
    best = max(range(len(first)), key=lambda i: (len(named[i]), -i))
    line, cells = first[best]
    found = "、".join(c.strip() for c in cells if c.strip())
    seen = {_norm(c) for _, row in first for c in row}
    for col in mapping or {}:
        if _norm(col) not in seen:
            raise ValidationError(f"列对应关系中的列“{col}”在文件中找不到；"
                                  f"第 {line} 行的列：{found}", field="mapping")
    closest = (f"最接近表头的是第 {line} 行，缺少：{'、'.join(_lacking(named[best]))}；该行的列：{found}"
               if named[best] else f"第 {line} 行是：{found}")
    raise ValidationError(
        f"找不到表头：{name} 的前 {len(first)} 个非空行中没有一行包含全部必需的列。"
        f"表头须包含以下各列（列名可用所列任一写法）——{_looked_for()}。{closest}。"
        "如表头在更下面，请用 --header-row 行号 指明；如列名不同，请用 --map 列名=字段 指明",
        field="mapping")


def _label(name: str) -> str:
    return f"{ACCOUNT_FIELDS_ZH.get(name, name)}（{name}）"


def _target(target: str) -> str:
    if _norm(target) not in ALIASES:  # the field names themselves are aliases too
        raise ValidationError(f"列对应关系中的字段“{target}”不存在；可用字段："
                              + "、".join(_label(f) for f in FIELD_NAMES), field="mapping")
    return ALIASES[_norm(target)]


def resolve_columns(header: list[str], mapping: dict[str, str] | None = None
                    ) -> tuple[dict[str, int], list[str]]:
    """Field -> column index for ``header``, and the header cells left unused.
    ``mapping`` (column name -> field) wins over the built-in aliases."""
    found = "、".join(h for h in header if h) or "（无）"
    names = [_norm(h) for h in header]
    skip = {0, 1, 2} if tuple(names[:3]) == REJECT_COLUMNS else set()  # a corrected rejects file
    columns: dict[str, int] = {}
    for col, target in (mapping or {}).items():
        name = _target(target)
        hits = [i for i, n in enumerate(names) if n == _norm(col) and i not in skip]
        if len(hits) != 1:
            raise ValidationError(f"列对应关系中的列“{col}”在文件中{'出现了不止一次' if hits else '找不到'}；"
                                  f"文件中的列：{found}", field="mapping")
        if columns.setdefault(name, hits[0]) != hits[0]:
            raise ValidationError(f"列对应关系把两列都对应到了{_label(name)}，请只指定一列", field="mapping")
    explicit, ignored, auto = set(columns), [], dict[str, int]()
    for i, n in enumerate(names):
        if i in skip or i in columns.values() or not n:
            continue
        alias = ALIASES.get(n)
        if alias is None or alias in explicit:
            ignored.append(header[i])
        elif alias in auto:
            raise ValidationError(f"列“{header[auto[alias]]}”和“{header[i]}”都可对应{_label(alias)}，"
                                  f"请用 --map 指明用哪一列，如 --map {header[i]}={alias}", field="mapping")
        else:
            auto[alias] = i
    columns.update(auto)
    missing = [_label(f) for f in REQUIRED if f not in columns]
    if "community" not in columns and "address_text" not in columns:
        missing.append(f"{_label('community')}或{_label('address_text')}")
    if missing:
        raise ValidationError(f"文件缺少必需的列：{'、'.join(missing)}；文件中的列：{found}。"
                              "如列名不同，请用 --map 列名=字段 指明", field="mapping")
    return columns, ignored


class _Rejects:
    """The rejects CSV: a temp file beside the target, moved into place at the end."""

    def __init__(self, path: Path, header: list[str]) -> None:
        self.path, self.count = path, 0
        try:
            if path.exists():  # fails now, not after the import, if a folder or held by Excel
                path.open("a").close()
            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError as exc:
            why = next((text for cls, text in _OS_ERRORS.items() if isinstance(exc, cls)),
                       exc.strerror or exc)
            raise CounterError(f"无法写入错误行清单 {path}（{why}），请用 --rejects 指定可写的位置。"
                               "未导入任何数据。") from None
        self.fh = os.fdopen(fd, "w", encoding="utf-8-sig", newline="")  # BOM: Excel reads it
        self.writer = csv.writer(self.fh)
        self.writer.writerow([*REJECT_COLUMNS, *header])

    def add(self, line: int, account_no: str, reasons: list[str], cells: list[str]) -> None:
        self.count += 1
        self.writer.writerow([line, account_no, "；".join(reasons), *cells])

    def finish(self, keep: bool) -> Path | None:
        """Move the file into place if ``keep`` and it has rows; else drop it."""
        self.fh.close()
        if keep and self.count:
            os.chmod(self.tmp, 0o644)
            os.replace(self.tmp, self.path)
            return self.path
        os.unlink(self.tmp)
        return None


class _StrictAbort(Exception):
    """A strict import met a bad row while writing: roll everything back."""


def _looks_organisation(id_number: str) -> bool:
    value = re.sub(r"[\s-]", "", unicodedata.normalize("NFKC", id_number))
    return bool(value) and not re.fullmatch(r"[0-9]{15}|[0-9]{17}[0-9Xx]", value)


class _Pass:
    """One pass over the rows: validate and, with ``write``, insert chunk by chunk."""

    def __init__(self, session: Session, columns: dict[str, int], rejects: _Rejects, *,
                 write: bool, strict: bool, actor: Actor, now: dt.datetime) -> None:
        self.session, self.columns, self.rejects = session, columns, rejects
        self.write, self.strict, self.actor, self.now = write, strict, actor, now
        self.seen: dict[str, int] = {}       # 户号 -> line of its first occurrence
        self.pending: list[tuple[int, list[str], dict[str, Any], list[str]]] = []
        self.total = self.imported = self.rejected = self.customers_created = 0

    def feed(self, line: int, cells: list[str]) -> None:
        self.total += 1
        raw = {k: cells[i].strip() if i < len(cells) else "" for k, i in self.columns.items()}
        raw = {k: v for k, v in raw.items() if v or k not in ENUM_FIELDS}  # blank choice: default
        if "holder_kind" not in raw and _looks_organisation(raw.get("id_number", "")):
            raw["holder_kind"] = "organisation"
        clean, errors = validate_account(AccountInput(**raw))
        reasons = list(errors.values())
        number = clean.get("account_no")
        if number and self.seen.setdefault(number, line) != line:
            reasons.append(f"户号 {number} 与第 {self.seen[number]} 行重复")
        self.pending.append((line, cells, clean, reasons))
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        chunk, self.pending = self.pending, []
        # first occurrences only: a repeat is rejected already (and its first may be stored by now)
        firsts = [c["account_no"] for line, _, c, _ in chunk
                  if "account_no" in c and self.seen[c["account_no"]] == line]
        stored = set(self.session.scalars(
            select(Account.account_no).where(Account.account_no.in_(firsts)))) if firsts else set()
        good = []
        for line, cells, clean, reasons in chunk:
            number = clean.get("account_no")
            if number in stored and self.seen[number] == line:
                reasons.append(f"户号 {number} 已在系统中存在")
            if reasons:
                self.rejected += 1
                index = self.columns["account_no"]
                self.rejects.add(line, number or (cells[index].strip() if index < len(cells) else ""),
                                 reasons, cells)
            else:
                good.append((line, clean))
        if self.write and good and not (self.strict and self.rejected):
            self._insert(good)

    def _insert(self, good: list[tuple[int, dict[str, Any]]]) -> None:
        session, now = self.session, self.now
        keys = [c["id_number"] or line for line, c in good]  # no ID number: a customer per row
        holders: dict[str | int, tuple[int, str]] = {}  # key -> (customer id, name)
        ids = {k for k in keys if isinstance(k, str)}  # customers of earlier chunks are stored too
        if ids:
            for id_number, customer_id, name in session.execute(
                    select(Customer.id_number, Customer.id, Customer.name)
                    .where(Customer.id_number.in_(ids)).order_by(Customer.id.desc())):
                if id_number is not None:  # always: found by it
                    holders[id_number] = (customer_id, name)  # the oldest customer wins
        new: dict[str | int, dict[str, Any]] = {}  # the first row of a new holder describes the customer
        for key, (_, c) in zip(keys, good, strict=True):
            if key not in holders and key not in new:
                new[key] = {"kind": c["holder_kind"], "name": c["holder_name"], "id_number": c["id_number"],
                            "phone": c["phone"], "phone2": c["phone2"], "created_at": now, "updated_at": now}
        if new:
            # RETURNING in any order (SQLite does not promise one; asking for it makes SQLAlchemy
            # insert row by row): ids go back by value, and rows of equal values are interchangeable
            by_values: dict[tuple[Any, ...], list[int]] = {}
            for customer_id, *values in session.execute(
                    insert(_CUSTOMERS).returning(_CUSTOMERS.c.id, *_CUSTOMER_KEY), list(new.values())):
                by_values.setdefault(tuple(values), []).append(customer_id)
            for key, r in new.items():
                holders[key] = (by_values[tuple(r[c.key] for c in _CUSTOMER_KEY)].pop(), r["name"])
            self.customers_created += len(new)
        accounts = []
        for key, (_, clean) in zip(keys, good, strict=True):
            row = {k: clean[k] for k in _ACCOUNT_COLUMNS}
            row.update(customer_id=holders[key][0], created_at=now, updated_at=now,
                       area_x100=int(clean["area"] * 100))
            row["search_text"], row["search_grams"] = search.index_columns(
                holders[key][1], format_address(row["community"], row["building"], row["unit"],
                                                 row["room"], row["address_text"]))
            accounts.append(row)
        numbered: dict[str, int] = dict(session.execute(
            insert(_ACCOUNTS).returning(_ACCOUNTS.c.account_no, _ACCOUNTS.c.id), accounts).all())
        trail = []
        for (line, clean), row in zip(good, accounts, strict=True):
            after = {k: row[k] for k in (*_ACCOUNT_COLUMNS, "customer_id")}  # enums are str
            after.update(holder_name=clean["holder_name"], id_number=clean["id_number"],
                         area=str(clean["area"]), source_line=line)
            trail.append({"at": now, "staff_id": self.actor.staff_id, "action": "import",
                          "entity": "account", "entity_id": str(numbered[row["account_no"]]),
                          "before": None, "after": after})
        session.execute(insert(_AUDIT), trail)
        self.imported += len(trail)


def _run(session: Session, path: Path, encoding: str | None, mapping: dict[str, str] | None,
         rejects: _Rejects, *, write: bool, strict: bool, actor: Actor, now: dt.datetime,
         header_row: int | None) -> _Pass:
    with _open_rows(path, encoding, header_row=header_row, mapping=mapping) as (header, rows):
        state = _Pass(session, resolve_columns(header, mapping)[0], rejects, write=write, strict=strict,
                      actor=actor, now=now)
        for line, cells in rows:
            state.feed(line, cells)
        state.flush()
    return state


# -- the use case -----------------------------------------------------------------

def import_accounts(core: Core, actor: Actor, path: Path, *, strict: bool = False,
                    rejects_path: Path | None = None, mapping: dict[str, str] | None = None,
                    encoding: str | None = None, header_row: int | None = None) -> ImportReport:
    """Import the accounts in ``path`` (CSV or XLSX); bad rows go to ``rejects_path`` (default
    ``<source>.rejects.csv``), and with ``strict`` one bad row means nothing is imported.
    ``header_row``: the line of the header (1 = the file's first), instead of finding it."""
    actor.require(Permission.IMPORT)
    path = Path(path)
    # the file and its columns, first
    with _open_rows(path, encoding, header_row=header_row, mapping=mapping) as (header, _):
        ignored = resolve_columns(header, mapping)[1]
    rejects_path = Path(rejects_path) if rejects_path else path.with_suffix(".rejects.csv")
    if rejects_path.resolve() == path.resolve():
        raise ValidationError("错误行清单不能与源文件同名，请用 --rejects 指定另一个文件")
    rejects = _Rejects(rejects_path, header)
    now = core.now()
    try:
        with core.unit_of_work() as session:
            if strict:
                state = _run(session, path, encoding, mapping, rejects, write=False, strict=strict,
                             actor=actor, now=now, header_row=header_row)
            if not strict or not state.rejected:
                state = _run(session, path, encoding, mapping, rejects, write=True, strict=strict,
                             actor=actor, now=now, header_row=header_row)
                if strict and state.rejected:  # the file or the database changed meanwhile
                    raise _StrictAbort
                counts = {"file": path.name, "strict": strict, **{k: getattr(state, k) for k in (
                    "total", "imported", "rejected", "customers_created")}}
                session.add(AuditRecord(at=now, staff_id=actor.staff_id, action="import",
                                        entity="import", entity_id=path.name[:40], after=counts))
    except _StrictAbort:
        pass
    except BaseException as exc:
        rejects.finish(keep=False)
        if isinstance(exc, IntegrityError):  # someone registered one of these 户号 meanwhile
            raise Conflict("导入期间数据库中出现了相同的户号（可能有人同时在登记），"
                           "本次未导入任何数据，请重新导入") from exc
        raise
    written = rejects.finish(keep=True)
    imported = 0 if strict and state.rejected else state.imported
    return ImportReport(path, state.total, imported, state.rejected, written, strict,
                        state.customers_created if imported else 0, tuple(ignored))
