"""Tests for the business catalogue: the shipped forms/ data and the loader's checks."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from counter_app.catalogue import PLACEHOLDERS, Catalogue, load_catalogue
from counter_app.errors import CatalogueError, ValidationError
from forms import FORMS_DIR

KINDS = ["application_residential", "application_nonresidential", "change_transfer", "change_name",
         "change_area", "stop", "resume", "settlement"]
VALID_ID = "11010519491231002X"


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return load_catalogue()


# ------------------------------------------------------------------ the shipped catalogue

def test_all_kinds_load_in_counter_order(shipped: Catalogue) -> None:
    assert list(shipped.kinds) == KINDS
    assert set(shipped.contracts) == {"residential", "non_residential"}
    for kind in shipped.kinds.values():
        assert kind.source == f"forms/businesses/{kind.kind}.toml"
        assert re.search(r"[\u4e00-\u9fff]", kind.name) and re.search(r"[\u4e00-\u9fff]", kind.description)


def test_default_directory_is_the_forms_package(shipped: Catalogue) -> None:
    assert shipped.directory == FORMS_DIR.resolve()
    assert FORMS_DIR.name == "forms"


def test_names_workflows_and_deadlines(shipped: Catalogue) -> None:
    names = {k: shipped.get(k).name for k in KINDS}
    assert names == {"application_residential": "居民用热申请",
                     "application_nonresidential": "非居民用热申请",
                     "change_transfer": "过户", "change_name": "更名", "change_area": "面积变更",
                     "stop": "停热申请", "resume": "复热申请", "settlement": "热费结算"}
    assert dict(shipped.get("application_residential").deadlines) == {"plan_reply": 3}
    assert dict(shipped.get("application_nonresidential").deadlines) == {"plan_reply": 3, "heat_on": 5}
    assert {shipped.get(k).workflow for k in KINDS} == {"application", "change", "stop", "resume",
                                                        "settlement"}
    assert [k for k in KINDS if not shipped.get(k).needs_account] == KINDS[:2]
    assert shipped.get("application_residential").contract_template == "residential"
    assert shipped.get("application_nonresidential").contract_template == "non_residential"


def test_preconditions(shipped: Catalogue) -> None:
    assert shipped.get("stop").preconditions == ("no_arrears",)
    assert shipped.get("change_transfer").preconditions == ("seller_no_arrears",)
    assert shipped.get("application_residential").preconditions == ()


def test_stop_requires_id_property_certificate_and_last_receipt(shipped: Catalogue) -> None:
    docs = shipped.get("stop").documents_for(by_agent=False, non_residential=False)
    required = {d.code: d for d in docs if d.required}
    assert set(required) == {"owner_id_card", "property_certificate", "last_season_receipt"}
    for doc in required.values():
        assert doc.original and doc.copies == 1 and doc.one_of is None
    assert required["property_certificate"].name.startswith("不动产权证")
    assert "上一采暖季缴费凭证" == required["last_season_receipt"].name
    fields = {f.key: f for f in shipped.get("stop").fields}
    assert fields["reason"].type == "choice" and fields["reason"].choices
    assert fields["season"].required


def test_agent_documents_only_when_an_agent_applies(shipped: Catalogue) -> None:
    kind = shipped.get("application_residential")
    alone = {d.code for d in kind.documents_for(by_agent=False, non_residential=False)}
    agent = {d.code for d in kind.documents_for(by_agent=True, non_residential=False)}
    assert "agent_id_card" not in alone and "power_of_attorney" not in alone
    assert agent - alone == {"agent_id_card", "power_of_attorney"}
    assert "owner_id_card" in alone and "floor_plan" in alone
    assert not next(d for d in kind.documents if d.code == "floor_plan").required


def test_non_residential_documents(shipped: Catalogue) -> None:
    kind = shipped.get("stop")
    person = {d.code for d in kind.documents_for(by_agent=False, non_residential=False)}
    company = {d.code for d in kind.documents_for(by_agent=False, non_residential=True)}
    assert company - person == {"business_licence"}
    codes = {d.code for d in shipped.get("application_nonresidential").documents}
    assert {"business_licence", "floor_plan", "pipe_drawing"} <= codes


def test_one_of_group(shipped: Catalogue) -> None:
    kind = shipped.get("application_residential")
    group = [d for d in kind.documents if d.one_of == "property_proof"]
    assert {d.code for d in group} == {"property_certificate", "purchase_contract"}
    missing = kind.missing_documents({"owner_id_card"}, by_agent=False, non_residential=False)
    assert [tuple(d.code for d in alternatives) for alternatives in missing] == \
        [("property_certificate", "purchase_contract")]
    assert kind.missing_documents({"owner_id_card", "purchase_contract"},
                                  by_agent=False, non_residential=False) == ()
    with_agent = kind.missing_documents({"owner_id_card", "property_certificate"},
                                        by_agent=True, non_residential=False)
    assert [a[0].code for a in with_agent] == ["agent_id_card", "power_of_attorney"]


def test_every_kind_has_realistic_content(shipped: Catalogue) -> None:
    for kind in shipped.kinds.values():
        assert kind.fields, kind.kind
        assert len({d.code for d in kind.documents}) == len(kind.documents)
        for doc in kind.documents:
            assert doc.when in ("always", "agent", "non_residential")
        if kind.kind != "settlement":
            assert any(d.required and "身份证" in d.name for d in kind.documents), kind.kind


def test_every_document_says_what_it_is_for(shipped: Catalogue) -> None:
    """The checklist's tooltip explains a document: a Chinese sentence of its own, not its name."""
    for kind in shipped.kinds.values():
        for doc in kind.documents:
            where = f"{kind.kind}.{doc.code}"
            assert re.search(r"[\u4e00-\u9fff]{6}", doc.description), where
            assert doc.description.strip() not in (doc.name, doc.note), where
            assert len(doc.description) <= 60, where        # one tooltip line or two
    groups = [d for d in shipped.get("application_residential").documents if d.one_of]
    assert all("任交其一" in d.description for d in groups)


def test_a_change_of_name_requires_its_proof(shipped: Catalogue) -> None:
    """Article 10: a change is verified and registered for reference - a new
    name needs the document it comes from."""
    kind = shipped.get("change_name")
    proof = next(d for d in kind.documents if d.code == "name_change_proof")
    assert proof.required and proof.original and proof.copies == 1 and proof.when == "always"
    missing = kind.missing_documents({"owner_id_card", "property_certificate"}, by_agent=False,
                                     non_residential=False)
    assert [[d.code for d in group] for group in missing] == [["name_change_proof"]]
    for reason in next(f for f in kind.fields if f.key == "reason").choices[:-1]:   # all but 其他
        assert reason[-2:] in proof.note or reason[:2] in proof.note, reason


def test_field_parse_returns_clean_values(shipped: Catalogue) -> None:
    kind = shipped.get("application_residential")
    values = kind.parse_fields({
        "owner_name": " 张三 ", "owner_id_number": "11010519491231002x", "phone": "138 0013 8000",
        "address": "幸福小区3号楼2单元501", "area": "８５．５㎡", "heating_method": "地暖", "agent_name": "",
    })
    assert values["owner_id_number"] == VALID_ID
    assert values["phone"] == "13800138000"
    assert values["area"] == Decimal("85.5")
    assert values["owner_name"] == "张三"
    assert values["agent_name"] is None and values["agent_id_number"] is None and values["note"] is None
    stop = shipped.get("stop").parse_fields({"reason": "房屋空置", "season": "2026-27",
                                             "phone": "0371-61234567"})
    assert stop["season"] == "2026-2027"
    transfer = shipped.get("change_transfer").parse_fields({
        "new_holder_name": "某某商贸有限公司", "new_holder_id_number": "91110000600037341L",
        "phone": "13800138000", "transfer_date": "2026年11月27日"})
    assert transfer["transfer_date"] == date(2026, 11, 27)


def test_field_errors_are_chinese_and_name_the_field(shipped: Catalogue) -> None:
    kind = shipped.get("application_residential")
    raw = {"owner_name": "张三", "owner_id_number": "110105194912310021", "phone": "138",
           "address": "幸福小区", "area": "abc", "heating_method": "空调"}
    with pytest.raises(ValidationError) as info:
        kind.parse_fields(raw)
    assert info.value.field == "owner_id_number"          # the first bad field, in form order
    assert info.value.message == "产权人身份证号校验位不对，请核对最后一位"
    errors = kind.field_errors(raw)
    assert set(errors) == {"owner_id_number", "phone", "area", "heating_method"}
    assert errors["area"].startswith("供热面积（㎡）") and re.search(r"[\u4e00-\u9fff]", errors["area"])
    assert "散热器、地暖" in errors["heating_method"]
    assert kind.field_errors({**raw, "owner_id_number": VALID_ID, "phone": "13800138000", "area": "80",
                              "heating_method": "散热器"}) == {}


def test_required_field_missing(shipped: Catalogue) -> None:
    with pytest.raises(ValidationError) as info:
        shipped.get("stop").parse_fields({"season": "2026-2027", "phone": "13800138000"})
    assert info.value.field == "reason" and info.value.message == "请选择停热原因"   # a drop-down
    with pytest.raises(ValidationError) as info:
        shipped.get("stop").parse_fields({"season": "2026-2027", "reason": "房屋空置"})
    assert info.value.field == "phone" and info.value.message == "请填写联系电话"    # typed in


def test_unknown_field_is_refused(shipped: Catalogue) -> None:
    with pytest.raises(ValidationError) as info:
        shipped.get("stop").parse_fields({"reasn": "房屋空置"})
    assert info.value.field == "reasn"
    assert "reasn" in shipped.get("stop").field_errors({"reasn": "x"})


def test_integer_field(shipped: Catalogue) -> None:
    floors = next(f for f in shipped.get("application_nonresidential").fields if f.key == "floors")
    assert floors.parse("１２") == 12
    assert floors.parse("") is None
    for raw, expected in (("0", "不能小于1"), ("101", "不能大于100"), ("3.5", "整数")):
        with pytest.raises(ValidationError) as info:
            floors.parse(raw)
        assert expected in info.value.message and info.value.field == "floors"


def test_unknown_kind(shipped: Catalogue) -> None:
    with pytest.raises(ValidationError) as info:
        shipped.get("stopp")
    assert info.value.message.startswith("未知的业务类型 'stopp'，可选：")
    assert "stop（停热申请）" in info.value.message


def test_contracts_render(shipped: Catalogue) -> None:
    for template in shipped.contracts.values():
        assert template.version == "2026.1" and template.title == "供热合同"
        assert 8 <= len(template.clauses) <= 10
        assert template.placeholders <= set(PLACEHOLDERS)
        values = {name: f"<{name}>" for name in PLACEHOLDERS} | {"min_temperature": 16}
        rendered = template.render(values)
        assert len(rendered) == len(template.clauses)
        text = "".join(body for _, body in rendered)
        assert "{" not in text and "不低于16℃" in text
        with pytest.raises(ValidationError) as info:
            template.render({})
        assert "缺少" in info.value.message
    assert shipped.contract_for("application_residential") is shipped.contracts["residential"]
    assert shipped.contract_for("stop") is None


def test_env_var_points_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "custom"
    shutil.copytree(FORMS_DIR, copy)
    (copy / "businesses" / "settlement.toml").unlink()
    monkeypatch.setenv("COUNTER_APP_FORMS", str(copy))
    catalogue = load_catalogue()
    assert "settlement" not in catalogue.kinds and len(catalogue.kinds) == 7
    assert catalogue.get("stop").source == "custom/businesses/stop.toml"


# ------------------------------------------------------------------ broken files

@pytest.fixture()
def forms(tmp_path: Path) -> Path:
    copy = tmp_path / "forms"
    shutil.copytree(FORMS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return copy


def edit(path: Path, old: str, new: str, occurrence: int = 1) -> None:
    """Replace the n-th occurrence of ``old`` in the file."""
    text = path.read_text(encoding="utf-8")
    parts = text.split(old)
    assert len(parts) > occurrence, f"{old!r} occurs fewer than {occurrence} times"
    path.write_text(old.join(parts[:occurrence]) + new + old.join(parts[occurrence:]), encoding="utf-8")


def broken(directory: Path) -> CatalogueError:
    with pytest.raises(CatalogueError) as info:
        load_catalogue(directory)
    error = info.value
    assert re.search(r"[\u4e00-\u9fff]", error.problem)
    assert error.file in str(error) and error.key in str(error) and error.problem in str(error)
    return error


STOP = "forms/businesses/stop.toml"

# (file to edit, old text, new text, occurrence, expected key, words expected in the problem)
CASES = {
    "missing key": ("stop", 'workflow = "stop"\n', "", 1, "workflow", ["缺少"]),
    "missing document key": ("stop", 'name = "产权人身份证"\n', "", 1, "documents[0].name", ["缺少"]),
    "wrong type": ("stop", "required = true", 'required = "yes"', 1, "documents[0].required",
                   ["true 或 false", "yes"]),
    "wrong type of copies": ("stop", "copies = 1", "copies = 1.5", 2, "documents[1].copies", ["整数"]),
    "string for boolean at top": ("stop", "needs_account = true", 'needs_account = "true"', 1,
                                  "needs_account", ["true 或 false"]),
    "unknown top-level key": ("stop", "needs_account = true", "needs_acount = true", 1, "needs_acount",
                              ["未知的键", "needs_account"]),
    "unknown document key": ("stop", "original = true", "orignal = true", 3, "documents[2].orignal",
                             ["未知的键", "original"]),
    "unknown workflow": ("stop", 'workflow = "stop"', 'workflow = "halt"', 1, "workflow",
                         ["halt", "application"]),
    "unknown user class": ("stop", 'user_class = "any"', 'user_class = "all"', 1, "user_class", ["all"]),
    "unknown field type": ("stop", 'type = "season"', 'type = "seasons"', 1, "fields[1].type",
                           ["seasons", "resident_id"]),
    "unknown when": ("stop", 'when = "agent"', 'when = "proxy"', 1, "documents[4].when", ["proxy", "agent"]),
    "unknown deadline": ("stop", "reply = 5", "answer = 5", 1, "deadlines.answer",
                         ["未知的键", "plan_reply"]),
    "deadline out of range": ("stop", "reply = 5", "reply = 0", 1, "deadlines.reply", ["1 到 60"]),
    "unknown precondition": ("stop", 'precondition = "no_arrears"', 'precondition = "paid"', 1,
                             "precondition", ["paid", "no_arrears"]),
    "unknown precondition in list": ("stop", 'precondition = "no_arrears"',
                                     'precondition = ["no_arrears", "paid"]', 1, "precondition[1]", ["paid"]),
    "duplicate document code": ("stop", 'code = "property_certificate"', 'code = "owner_id_card"', 1,
                                "documents[1].code", ["重复", "documents[0]"]),
    "duplicate field key": ("stop", 'key = "phone"', 'key = "season"', 1, "fields[2].key",
                            ["重复", "fields[1]"]),
    "description not text": ("stop", 'description = "核对申请人', 'description = 3\nnote = "核对申请人', 1,
                             "documents[0].description", ["文字"]),
    "bad code": ("stop", 'code = "owner_id_card"', 'code = "Owner ID"', 1, "documents[0].code", ["小写"]),
    "kind differs from file name": ("stop", 'kind = "stop"', 'kind = "stopp"', 1, "kind",
                                    ["stopp", "stop.toml"]),
    "one_of with one member": ("stop", 'code = "last_season_receipt"\n',
                               'code = "last_season_receipt"\none_of = "receipts"\n', 1,
                               "documents[2].one_of", ["receipts", "两份"]),
    "one_of with mixed required": ("resume", "required = true", "required = false", 3,
                                   "documents[1].required", ["one_of", "property_proof"]),
    "choice without choices": ("stop", 'choices = ["房屋空置", "长期外出", "房屋装修", "其他"]\n', "", 1,
                               "fields[0].choices", ["选项"]),
    "empty choices": ("stop", 'choices = ["房屋空置", "长期外出", "房屋装修", "其他"]', "choices = []", 1,
                      "fields[0].choices", ["选项"]),
    "choices on a non-choice field": ("stop", 'type = "phone"', 'type = "phone"\nchoices = ["a", "b"]', 1,
                                      "fields[2].choices", ["不适用"]),
    "empty name": ("stop", 'name = "停热申请"', 'name = "  "', 1, "name", ["不能为空"]),
    "needs_account false outside applications": ("stop", "needs_account = true", "needs_account = false", 1,
                                                 "needs_account", ["application"]),
    "bad fee code": ("stop", 'code = "basic_fee"', 'code = "basic-fee"', 1, "fees[0].code", ["小写"]),
    "contract written as an array of tables": ("application_residential", "[contract]", "[[contract]]", 1,
                                               "contract", ["表"]),
    "fees written as a single table": ("resume", "[[fees]]", "[fees]", 1, "fees", ["列表"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_business_file(forms: Path, case: str) -> None:
    name, old, new, occurrence, key, words = CASES[case]
    edit(forms / "businesses" / f"{name}.toml", old, new, occurrence)
    error = broken(forms)
    assert error.file == f"forms/businesses/{name}.toml"
    assert error.key == key
    for word in words:
        assert word in error.problem, (word, error.problem)


def test_toml_syntax_error_names_the_line(forms: Path) -> None:
    path = forms / "businesses" / "stop.toml"
    line = path.read_text(encoding="utf-8").splitlines().index('name = "停热申请"') + 1
    edit(path, 'name = "停热申请"', 'name = "停热申请')
    error = broken(forms)
    assert error.file == STOP
    assert error.key == f"第{line}行"
    assert "TOML 格式错误" in error.problem and "双引号" in error.problem


def test_contract_template_missing(forms: Path) -> None:
    (forms / "contracts" / "residential.toml").unlink()
    error = broken(forms)
    assert error.file == "forms/businesses/application_residential.toml"
    assert error.key == "contract.template"
    assert "forms/contracts/residential.toml" in error.problem and "找不到" in error.problem


def test_unknown_placeholder_in_clause(forms: Path) -> None:
    edit(forms / "contracts" / "residential.toml", "{area}", "{areaa}")
    error = broken(forms)
    assert error.file == "forms/contracts/residential.toml"
    assert error.key == "clauses[1].text"
    assert "{areaa}" in error.problem and "{area}" in error.problem


@pytest.mark.parametrize("old, new, key, word", [
    ("{area}", "{area", "clauses[1].text", "大括号"),
    ("{area}", "{area:.2f}", "clauses[1].text", "格式"),
    ('version = "2026.1"\n', "", "version", "缺少"),
    ("[[clauses]]\ntitle", "[[clauses]]\ntitel", "clauses[0].titel", "title"),
])
def test_broken_contract_file(forms: Path, old: str, new: str, key: str, word: str) -> None:
    edit(forms / "contracts" / "residential.toml", old, new)
    error = broken(forms)
    assert (error.file, error.key) == ("forms/contracts/residential.toml", key)
    assert word in error.problem


def test_not_utf8(forms: Path) -> None:
    path = forms / "businesses" / "stop.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    error = broken(forms)
    assert error.file == STOP and "UTF-8" in error.problem


def test_missing_directory(tmp_path: Path) -> None:
    error = broken(tmp_path / "nowhere")
    assert "找不到" in error.problem


def test_empty_businesses_directory(tmp_path: Path) -> None:
    (tmp_path / "forms" / "businesses").mkdir(parents=True)
    assert "没有任何业务文件" in broken(tmp_path / "forms").problem
