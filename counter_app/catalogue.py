"""The business catalogue: what each kind of counter business needs.

``forms/businesses/<kind>.toml`` lists the documents, fields, fee items and contract of one
kind of business; ``forms/contracts/<template>.toml`` holds a standard contract's clauses.
:func:`load_catalogue` checks every file; a mistake raises :class:`CatalogueError` naming
the file, the key and the problem in Chinese.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import string
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field as dc_field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from counter_app import validation as v
from counter_app.errors import CatalogueError, ValidationError

WORKFLOWS = ("application", "change", "stop", "resume", "settlement")
USER_CLASSES = ("residential", "non_residential", "any")
WHEN = ("always", "agent", "non_residential")
DEADLINE_KEYS = ("plan_reply", "heat_on", "reply")
PRECONDITIONS = ("no_arrears", "seller_no_arrears")
FIELD_TYPES = ("text", "area", "date", "choice", "phone", "resident_id", "uscc",
               "id_number", "integer", "money", "bool", "season")
DEFAULT_MAX_LENGTH = 200
# Placeholders a contract clause may contain, with what the caller must supply.
PLACEHOLDERS: Mapping[str, str] = MappingProxyType({
    "company_name": "供热公司名称", "company_address": "供热公司地址", "service_phone": "服务电话",
    "contract_no": "合同编号", "sign_date": "签订日期", "customer_name": "用热人姓名或单位名称",
    "customer_id_number": "用热人身份证号或统一社会信用代码", "customer_phone": "用热人电话",
    "contact_name": "单位联系人", "account_no": "供热户号", "address": "用热地址",
    "area": "计费面积（平方米）", "price": "单价（元/平方米·采暖期）", "price_document": "价格文件号",
    "season_start": "供热开始日（如 11月15日）", "season_end": "供热结束日（如 3月15日）",
    "min_temperature": "最低室温（℃）", "payment_due": "缴费截止日", "basic_fee_percent": "基本热费比例（%）",
    "late_fee_rate": "滞纳金日费率（‰）", "heat_on_days": "验收后开始供热的工作日数"})
FORMS_ENV = "COUNTER_APP_FORMS"

_IDENT = re.compile(r"[a-z][a-z0-9_]*")
_PARSERS: dict[str, Callable[..., object]] = {
    "area": v.parse_area, "date": v.parse_date, "phone": v.check_phone, "resident_id": v.check_resident_id,
    "uscc": v.check_uscc, "id_number": v.check_id_number, "money": v.parse_money_fen,
    "season": v.parse_season}
_TRUE = {"是", "有", "对", "1", "true", "yes", "y", "√"}
_FALSE = {"否", "无", "不", "0", "false", "no", "n", "×"}


@dataclass(frozen=True)
class DocumentSpec:
    code: str
    name: str
    required: bool
    original: bool = False      # the original must be seen
    copies: int = 0             # copies kept on file
    when: str = "always"        # always | agent | non_residential
    one_of: str | None = None   # any one document of the group satisfies it
    note: str = ""              # what to look out for (shown beside it on the checklist)
    description: str = ""       # what the document is and why it is asked for (its tooltip)


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    type: str
    required: bool
    choices: tuple[str, ...] = ()
    min: int | None = None
    max: int | None = None
    max_length: int | None = None
    help: str = ""

    def parse(self, raw: object) -> object:
        """The clean value of the clerk's text, or None when empty and optional."""
        text = "" if raw is None else str(raw)
        if self.type == "choice" and (text.strip() or self.required):
            return v.check_choice(text, self.choices, field=self.key, label=self.label)  # 请选择…
        if not text.strip():
            if self.required:
                raise ValidationError(f"请填写{self.label}", field=self.key)
            return None
        if self.type == "text":
            return v.check_text(text, self.max_length or DEFAULT_MAX_LENGTH, True,
                                field=self.key, label=self.label)
        if self.type in _PARSERS:
            return _PARSERS[self.type](text, field=self.key, label=self.label)
        value = unicodedata.normalize("NFKC", text).strip()
        if self.type == "bool":
            if value.lower() in _TRUE | _FALSE:
                return value.lower() in _TRUE
            raise ValidationError(f"{self.label}请填“是”或“否”", field=self.key)
        if not re.fullmatch(r"[+-]?[0-9]+", value.replace(",", "")):
            raise ValidationError(f"{self.label}应填写整数，如 12", field=self.key)
        number = int(value.replace(",", ""))
        if self.min is not None and number < self.min:
            raise ValidationError(f"{self.label}不能小于{self.min}，请核对", field=self.key)
        if self.max is not None and number > self.max:
            raise ValidationError(f"{self.label}不能大于{self.max}，请核对", field=self.key)
        return number


@dataclass(frozen=True)
class FeeItemSpec:
    code: str
    label: str


@dataclass(frozen=True)
class BusinessKind:
    kind: str
    name: str
    name_en: str
    workflow: str
    user_class: str
    needs_account: bool
    description: str
    deadlines: Mapping[str, int] = dc_field(hash=False)
    documents: tuple[DocumentSpec, ...] = ()
    fields: tuple[FieldSpec, ...] = ()
    fees: tuple[FeeItemSpec, ...] = ()
    contract_template: str | None = None
    preconditions: tuple[str, ...] = ()
    source: str = ""
    order: int = 100

    def non_residential(self, account_class: str | None) -> bool:
        """Whether a visit of this kind is a non-residential one: the account's
        class when there is an account, else the class the kind is for.  The
        checklist, the wizard and the contract all ask this one question."""
        if account_class is not None:
            return str(account_class) == "non_residential"
        return self.user_class == "non_residential"

    def documents_for(self, *, by_agent: bool, non_residential: bool) -> tuple[DocumentSpec, ...]:
        """The documents that apply to this visit (``when`` resolved)."""
        wanted = {"always": True, "agent": by_agent, "non_residential": non_residential}
        return tuple(doc for doc in self.documents if wanted[doc.when])

    def missing_documents(self, provided: Iterable[str], *, by_agent: bool,
                          non_residential: bool) -> tuple[tuple[DocumentSpec, ...], ...]:
        """Required documents not yet provided, for the one-time notice (一次性告知单).

        Each entry is a tuple of alternatives: one document, or a whole
        ``one_of`` group of which none was provided."""
        have, missing, seen = set(provided), [], set()
        docs = self.documents_for(by_agent=by_agent, non_residential=non_residential)
        for doc in docs:
            if not doc.required or (doc.one_of and doc.one_of in seen):
                continue
            group = tuple(d for d in docs if d.one_of == doc.one_of) if doc.one_of else (doc,)
            seen.add(doc.one_of)
            if not any(d.code in have for d in group):
                missing.append(group)
        return tuple(missing)

    def field(self, key: str) -> FieldSpec:
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise ValidationError(f"业务“{self.name}”没有“{key}”这一项，请刷新页面后重试", field=key)

    def parse_fields(self, raw: Mapping[str, object]) -> dict[str, object]:
        """All fields validated; raises ValidationError for the first bad one."""
        for key in raw:
            self.field(key)
        return {spec.key: spec.parse(raw.get(spec.key)) for spec in self.fields}

    def field_errors(self, raw: Mapping[str, object]) -> dict[str, str]:
        """Every problem at once, ``{field key: Chinese message}``; empty when all is well."""
        errors: dict[str, str] = {}
        checks: list[tuple[str, Callable[[], object]]] = [
            (key, functools.partial(self.field, key)) for key in raw]
        checks += [(spec.key, functools.partial(spec.parse, raw.get(spec.key))) for spec in self.fields]
        for key, check in checks:
            try:
                check()
            except ValidationError as error:
                errors[key] = error.message
        return errors


@dataclass(frozen=True)
class ContractTemplate:
    name: str
    version: str
    title: str
    clauses: tuple[tuple[str, str], ...]

    @property
    def placeholders(self) -> frozenset[str]:
        """The placeholder names the clauses use; render() needs a value for each."""
        return frozenset(name for _, text in self.clauses
                         for _, name, _, _ in string.Formatter().parse(text) if name is not None)

    def render(self, values: Mapping[str, object]) -> list[tuple[str, str]]:
        """Clauses as (title, text) with the placeholders filled in."""
        missing = sorted(self.placeholders - set(values))
        if missing:
            names = "、".join(f"{PLACEHOLDERS.get(n, n)}（{n}）" for n in missing)
            raise ValidationError(f"打印{self.title}还缺少：{names}，请先补全后再打印")
        filled = {key: str(value) for key, value in values.items()}
        return [(title, text.format_map(filled)) for title, text in self.clauses]


@dataclass(frozen=True)
class Catalogue:
    kinds: dict[str, BusinessKind]
    contracts: dict[str, ContractTemplate]
    directory: Path | None = None

    def get(self, kind: str) -> BusinessKind:
        try:
            return self.kinds[kind]
        except KeyError:
            options = "、".join(f"{k.kind}（{k.name}）" for k in self.kinds.values())
            raise ValidationError(f"未知的业务类型 '{kind}'，可选：{options}", field="kind") from None

    def contract_for(self, kind: str) -> ContractTemplate | None:
        template = self.get(kind).contract_template
        return None if template is None else self.contracts[template]


# --------------------------------------------------------------------- loading

_TYPE_NAMES = {str: "文字（用英文双引号括起来）", bool: "true 或 false（不加引号）", int: "整数",
               list: "列表（[...]，或用 [[...]] 写成的多个表）", dict: "表（[...]）"}
_MISSING = object()


class _Table:
    """One TOML table being read: checks keys and value types, names errors."""

    def __init__(self, file: str, data: Any, path: str, required: tuple[str, ...],
                 optional: tuple[str, ...] = ()) -> None:
        self.file, self.data, self.path = file, data, path
        if not isinstance(data, dict):
            self.fail("", f"应为{_TYPE_NAMES[dict]}，请检查写法")
        allowed = required + optional
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"，是否想写 '{close[0]}'？" if close else "。"
                self.fail(key, f"未知的键 '{key}'{hint}可用的键：{', '.join(allowed)}")
        for key in required:
            if key not in data:
                self.fail(key, "缺少这一项，请补上")

    def fail(self, key: str, problem: str) -> None:
        where = f"{self.path}.{key}" if self.path and key else (self.path or key)
        if found := re.match(r"(documents|fields|fees|clauses)\[(\d+)\]", where):
            problem += f"（{found[0]} 是文件中第{int(found[2]) + 1}个 [[{found[1]}]]）"
        raise CatalogueError(self.file, where or "（整个文件）", problem)

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = _MISSING) -> Any:
        value = self.data.get(key, default)
        if value is _MISSING:
            self.fail(key, "缺少这一项，请补上")
        wrong_type = not isinstance(value, kind) or (kind is int and isinstance(value, bool))
        if value is not default and wrong_type:
            names = "或".join(_TYPE_NAMES[k] for k in (kind if isinstance(kind, tuple) else (kind,)))
            self.fail(key, f"应为 {names}，现在是 {value!r}")
        return value

    def text(self, key: str, default: Any = _MISSING) -> Any:
        value = self.get(key, str, default)
        if isinstance(value, str) and not value.strip() and default is _MISSING:
            self.fail(key, "不能为空，请填写")
        return value

    def ident(self, key: str, default: Any = _MISSING) -> Any:
        value = self.get(key, str, default)
        if isinstance(value, str) and not _IDENT.fullmatch(value):
            self.fail(key, f"'{value}' 不是有效的代码：只能用小写英文字母、数字和下划线，并以字母开头")
        return value

    def choice(self, key: str, options: tuple[str, ...], what: str, default: Any = _MISSING) -> Any:
        value = self.get(key, str, default)
        if value not in options:
            self.fail(key, f"未知的{what} '{value}'，可选：{', '.join(options)}")
        return value

    def number(self, key: str, low: int, high: int, default: Any = _MISSING) -> Any:
        value = self.get(key, int, default)
        if value is not None and not low <= value <= high:
            self.fail(key, f"应在 {low} 到 {high} 之间，现在是 {value}")
        return value


def _read_toml(path: Path, file: str) -> dict[str, Any]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogueError(file, "（整个文件）", "文件不是 UTF-8 编码，请用 UTF-8 编码另存") from None
    except OSError as error:
        raise CatalogueError(file, "（整个文件）", f"无法读取文件：{error.strerror}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+), column (\d+)", str(error))
        where = f"第{found[1]}行" if found else "（整个文件）"
        column = f"第{found[2]}列附近" if found else ""
        raise CatalogueError(file, where, f"TOML 格式错误（{where}{column}：{error}）。"
                             "请检查该行的英文双引号、等号和方括号是否成对，文字是否用双引号括起来") from None


def _check_unique(table: _Table, index: int, key: str, value: str, seen: dict[str, int], what: str) -> None:
    if value in seen:
        table.fail(key, f"{what} '{value}' 与 {table.path.split('[')[0]}[{seen[value]}] 重复，"
                        "请改用不同的代码")
    seen[value] = index


def _load_documents(file: str, raw: list[Any]) -> tuple[DocumentSpec, ...]:
    docs: list[DocumentSpec] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        t = _Table(file, item, f"documents[{i}]", ("code", "name", "required"),
                   ("description", "original", "copies", "when", "one_of", "note"))
        code = t.ident("code")
        _check_unique(t, i, "code", code, seen, "文件代码")
        docs.append(DocumentSpec(code, t.text("name"), t.get("required", bool),
                                 t.get("original", bool, False), t.number("copies", 0, 10, 0),
                                 t.choice("when", WHEN, "适用条件 when", "always"),
                                 t.ident("one_of", None), t.get("note", str, ""),
                                 t.get("description", str, "")))
    for i, doc in enumerate(docs):
        group = [d for d in docs if doc.one_of and d.one_of == doc.one_of]
        if doc.one_of and len(group) < 2:
            raise CatalogueError(file, f"documents[{i}].one_of", f"one_of 组 '{doc.one_of}' 只有这一份文件；"
                                 "可互相替代的文件至少要两份，只有一份时请删去 one_of")
        for key in ("required", "when"):
            if any(getattr(d, key) != getattr(doc, key) for d in group):
                raise CatalogueError(file, f"documents[{i}].{key}",
                                     f"同一 one_of 组 '{doc.one_of}' 内各文件的 {key} 必须相同")
    return tuple(docs)


def _load_fields(file: str, raw: list[Any]) -> tuple[FieldSpec, ...]:
    fields: list[FieldSpec] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        t = _Table(file, item, f"fields[{i}]", ("key", "label", "type", "required"),
                   ("choices", "min", "max", "max_length", "help"))
        key = t.ident("key")
        _check_unique(t, i, "key", key, seen, "字段代码")
        kind = t.choice("type", FIELD_TYPES, "字段类型 type")
        own = {"choice": ("choices",), "integer": ("min", "max"), "text": ("max_length",)}.get(kind, ())
        for extra in ("choices", "min", "max", "max_length"):
            if extra in t.data and extra not in own:
                t.fail(extra, f"{extra} 不适用于 {kind} 类型的字段，请删去")
        choices = t.get("choices", list, [])
        if kind == "choice":
            if not choices:
                t.fail("choices", "choice 类型的字段必须给出选项，如 choices = [\"房屋空置\", \"其他\"]")
            if not all(isinstance(c, str) and c.strip() for c in choices):
                t.fail("choices", "每个选项都应是不为空的文字（用英文双引号括起来）")
            if len(set(choices)) != len(choices):
                t.fail("choices", "选项有重复，请删去重复的选项")
        low = t.number("min", -10**9, 10**9, None)
        high = t.number("max", -10**9, 10**9, None)
        if low is not None and high is not None and low > high:
            t.fail("min", f"min（{low}）不能大于 max（{high}）")
        fields.append(FieldSpec(key, t.text("label"), kind, t.get("required", bool), tuple(choices),
                                low, high, t.number("max_length", 1, 2000, None), t.get("help", str, "")))
    return tuple(fields)


def _load_business(path: Path, file: str, templates: Mapping[str, ContractTemplate]) -> BusinessKind:
    t = _Table(file, _read_toml(path, file), "",
               ("kind", "name", "name_en", "workflow", "user_class", "needs_account", "description"),
               ("order", "precondition", "deadlines", "documents", "fields", "fees", "contract"))
    kind = t.get("kind", str)
    if kind != path.stem:
        t.fail("kind", f"kind 为 '{kind}'，但文件名是 '{path.name}'，两者必须一致（文件名 = kind + .toml）")
    t.ident("kind")
    workflow = t.choice("workflow", WORKFLOWS, "流程 workflow")
    needs_account = t.get("needs_account", bool)
    if not needs_account and workflow != "application":
        t.fail("needs_account", "只有 application（用热申请）流程可以不需要户号，请改为 true")
    deadlines = _Table(file, t.get("deadlines", dict, {}), "deadlines", (), DEADLINE_KEYS)
    pre = t.get("precondition", (str, list), [])
    pre_list = [pre] if isinstance(pre, str) else pre
    for i, item in enumerate(pre_list):
        if item not in PRECONDITIONS:
            key = "precondition" if isinstance(pre, str) else f"precondition[{i}]"
            raise CatalogueError(file, key, f"未知的前提条件 {item!r}，可选：{', '.join(PRECONDITIONS)}")
    fees: list[FeeItemSpec] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(t.get("fees", list, [])):
        fee = _Table(file, item, f"fees[{i}]", ("code", "label"))
        code = fee.ident("code")
        _check_unique(fee, i, "code", code, seen, "收费项目代码")
        fees.append(FeeItemSpec(code, fee.text("label")))
    template = None
    if "contract" in t.data:
        contract = _Table(file, t.get("contract", dict), "contract", ("template",))
        template = contract.ident("template")
        if template not in templates:
            contract.fail("template", f"找不到合同模板文件 {Path(file).parts[0]}/contracts/{template}.toml，"
                                      "请检查模板名或补上该文件")
    return BusinessKind(
        kind=kind, name=t.text("name"), name_en=t.text("name_en"), workflow=workflow,
        user_class=t.choice("user_class", USER_CLASSES, "用户类别 user_class"),
        needs_account=needs_account, description=t.text("description"),
        deadlines=MappingProxyType({k: deadlines.number(k, 1, 60) for k in deadlines.data}),
        documents=_load_documents(file, t.get("documents", list, [])),
        fields=_load_fields(file, t.get("fields", list, [])), fees=tuple(fees),
        contract_template=template, preconditions=tuple(pre_list), source=file,
        order=t.number("order", 0, 10000, 100))


def _load_contract(path: Path, file: str) -> ContractTemplate:
    t = _Table(file, _read_toml(path, file), "", ("version", "title", "clauses"))
    clauses = []
    for i, item in enumerate(t.get("clauses", list)):
        clause = _Table(file, item, f"clauses[{i}]", ("title", "text"))
        text = clause.text("text")
        try:
            parts = [(n, spec, conv) for _, n, spec, conv in string.Formatter().parse(text) if n is not None]
        except ValueError:
            clause.fail("text", "大括号不成对：占位符应写成 {area} 这样，文字中的大括号要写成 {{ 和 }}")
        for name, spec, conv in parts:
            if spec or conv:
                clause.fail("text", f"占位符 {{{name}}} 不能带格式或转换（! 和 : 后的部分），"
                                    f"只能写成 {{{name}}}")
            if name not in PLACEHOLDERS:
                close = difflib.get_close_matches(name, list(PLACEHOLDERS), n=1)
                hint = f"是否想写 {{{close[0]}}}？" if close else ""
                clause.fail("text", f"未知的占位符 {{{name}}}。{hint}可用的占位符：{', '.join(PLACEHOLDERS)}")
        clauses.append((clause.text("title"), text))
    if not clauses:
        t.fail("clauses", "合同至少要有一条条款 [[clauses]]")
    return ContractTemplate(path.stem, t.text("version"), t.text("title"), tuple(clauses))


def default_forms_dir() -> Path:
    """COUNTER_APP_FORMS if set, else the forms/ folder next to counter_app."""
    env = os.environ.get(FORMS_ENV)
    return Path(env) if env else Path(__file__).resolve().parent.parent / "forms"


def load_catalogue(directory: Path | str | None = None) -> Catalogue:
    """Read and check every file under ``directory`` (default: :func:`default_forms_dir`)."""
    root = Path(directory) if directory is not None else default_forms_dir()
    businesses = root / "businesses"
    if not businesses.is_dir():
        raise CatalogueError(f"{root.name}/businesses", "（目录）",
                             f"找不到业务目录 {businesses}，请检查安装或环境变量 {FORMS_ENV}")
    contracts = {path.stem: _load_contract(path, f"{root.name}/contracts/{path.name}")
                 for path in sorted((root / "contracts").glob("*.toml"))}
    kinds = [_load_business(path, f"{root.name}/businesses/{path.name}", contracts)
             for path in sorted(businesses.glob("*.toml"))]
    if not kinds:
        raise CatalogueError(f"{root.name}/businesses", "*.toml", "目录中没有任何业务文件，请至少放入一个")
    kinds.sort(key=lambda k: (k.order, k.kind))
    return Catalogue({k.kind: k for k in kinds}, contracts, root)
