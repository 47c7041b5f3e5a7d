"""The command line: plain Chinese errors, exit codes, never a traceback."""

from __future__ import annotations

import pytest

from counter_app import cli


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTER_APP_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("COUNTER_APP_DB", raising=False)
    return tmp_path / "data"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_first_start_creates_the_database_in_the_data_folder(capsys, data_folder):
    code, out, _ = run(capsys, "db", "upgrade")
    assert code == 0 and "已是最新结构" in out
    assert (data_folder / "counter.db").exists()


def test_calendar_show_warns_for_an_unknown_year(capsys):
    code, out, _ = run(capsys, "calendar", "show", "2025")
    assert code == 0 and "国庆节" in out
    code, out, _ = run(capsys, "calendar", "show", "2027")
    assert code == 0 and "周一至周五" in out


@pytest.mark.parametrize("year", ["0", "10000", "1999"])
def test_calendar_show_refuses_a_year_out_of_range_plainly(capsys, year):
    code, out, err = run(capsys, "calendar", "show", year)
    assert code == 2 and out == ""
    assert f"年份 {year} 不在可查询的范围内" in err and "2000-2099" in err and "内部错误" not in err


def test_staff_add_bootstraps_an_admin_then_needs_a_login(capsys, monkeypatch):
    monkeypatch.setenv("COUNTER_APP_NEW_PASSWORD", "secret-1")
    code, _, err = run(capsys, "staff", "add", "li", "--name", "李明", "--role", "clerk")
    assert code == 2 and "第一个账号须为管理员" in err
    code, out, _ = run(capsys, "staff", "add", "boss", "--name", "张主任", "--role", "admin")
    assert code == 0 and "已添加管理员" in out
    code, _, err = run(capsys, "staff", "add", "li", "--name", "李明")
    assert code == 2 and "--as" in err
    monkeypatch.setenv("COUNTER_APP_PASSWORD", "wrong")
    code, _, err = run(capsys, "--as", "boss", "staff", "add", "li", "--name", "李明")
    assert code == 2 and "密码不正确" in err
    monkeypatch.setenv("COUNTER_APP_PASSWORD", "secret-1")
    code, out, _ = run(capsys, "--as", "boss", "staff", "add", "li", "--name", "李明")
    assert code == 0 and "营业员" in out


def test_unreachable_and_malformed_database_urls(capsys):
    code, _, err = run(capsys, "--db", "postgresql://nobody@127.0.0.1:1/none", "db", "upgrade")
    assert code == 3 and "无法连接数据库" in err and "重试" in err
    code, _, err = run(capsys, "--db", "mysql://x@y/z", "db", "upgrade")
    assert code == 2 and "不支持的数据库类型" in err


def test_bad_arguments_are_explained_in_chinese(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["calendar", "show", "twenty"])
    assert exc.value.code == 2
    assert "命令参数有误" in capsys.readouterr().err


def test_unexpected_failure_goes_to_the_log_not_the_screen(capsys, monkeypatch, data_folder):
    def boom(args):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(cli, "cmd_calendar_show", boom)
    code, _, err = run(capsys, "calendar", "show", "2025")
    assert code == 1 and "内部错误" in err
    log = (data_folder / "logs" / "counter-app.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "disk on fire" in log


def test_import_accounts_from_the_command_line(capsys, monkeypatch, tmp_path):
    from tests.helpers import resident_id

    monkeypatch.setenv("COUNTER_APP_NEW_PASSWORD", "secret-1")
    assert cli.main(["staff", "add", "boss", "--name", "张主任", "--role", "admin"]) == 0
    monkeypatch.setenv("COUNTER_APP_PASSWORD", "secret-1")
    good = tmp_path / "old.csv"
    good.write_text("用户编号,业主,身份证号,小区,面积\n"
                    f"A0001,王芳,{resident_id(seq='101')},幸福小区,80.5\n"
                    "A0002,李强,110105198001010010,幸福小区,70\n", encoding="utf-8-sig")
    code, out, _ = run(capsys, "--as", "boss", "import", "accounts", str(good),
                       "--map", "用户编号=account_no")
    assert code == 0 and "导入 1 行" in out and "拒绝 1 行" in out
    assert "校验位" in (tmp_path / "old.rejects.csv").read_text(encoding="utf-8-sig")
    code, _, err = run(capsys, "--as", "boss", "import", "accounts", str(good), "--map", "编号:x")
    assert code == 2 and "列名=字段" in err
    code, out, _ = run(capsys, "--as", "boss", "import", "accounts", str(good), "--strict")
    assert code == 4 and "未导入任何数据" in out


def test_verify_on_an_empty_ledger(capsys):
    code, out, _ = run(capsys, "verify")
    assert code == 0 and "账本校验通过" in out
