"""The command line: ``counter-app``.

With no subcommand it starts the counter GUI.  Errors go to stderr in plain
words with a non-zero exit code; a traceback only ever goes to the log file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.errors import AuthenticationFailed, CounterError

if TYPE_CHECKING:
    from counter_app.core import Actor, Core

log = logging.getLogger("counter_app")
ENV_PASSWORD = "COUNTER_APP_PASSWORD"


def _core(args: argparse.Namespace) -> Core:
    from counter_app.services.settings import open_core

    return open_core(args.db)


def _login(core: Core, args: argparse.Namespace) -> Actor:
    from counter_app.services import staff

    if not args.user:
        raise AuthenticationFailed("请用 --as 登录名 指明办理人（每项操作都记在本人名下）")
    password = os.environ.get(ENV_PASSWORD)
    if password is None:
        if not sys.stdin.isatty():
            raise AuthenticationFailed(f"请在终端输入密码，或设置环境变量 {ENV_PASSWORD}")
        password = getpass.getpass(f"{args.user} 的密码：")
    return staff.login(core, args.user, password)


# -- commands -------------------------------------------------------------------

def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from counter_app.db.engine import default_url, describe, head_revision, make_engine, upgrade

    engine = make_engine(args.db)
    upgrade(engine)
    print(f"数据库已是最新结构（{head_revision()}）：{describe(args.db or default_url())}")
    return 0


def cmd_staff_add(args: argparse.Namespace) -> int:
    from counter_app.domain.enums import Role
    from counter_app.services import staff

    core = _core(args)
    try:
        role = Role.parse(args.role)
    except ValueError:
        raise CounterError(f"角色“{args.role}”无效，"
                           "可选：clerk 营业员、supervisor 值班长、admin 管理员") from None
    password = os.environ.get("COUNTER_APP_NEW_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise CounterError("请在终端输入新密码，或设置环境变量 COUNTER_APP_NEW_PASSWORD")
        password = getpass.getpass(f"{args.username} 的新密码：")
    if not staff.has_staff(core):
        if role is not Role.ADMIN:
            raise CounterError("数据库中还没有任何人员：第一个账号须为管理员（--role admin）")
        staff.bootstrap_admin(core, args.username, args.name, password)
    else:
        staff.add_staff(core, _login(core, args), args.username, args.name, role, password)
    print(f"已添加{role.label} {args.name}（登录名 {args.username}）")
    return 0


def cmd_calendar_show(args: argparse.Namespace) -> int:
    core = _core(args)
    with core.reading() as session:
        print(core.calendar(session).year_summary(args.year))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from counter_app import demo

    core = _core(args)
    summary = demo.populate(core, accounts=args.accounts, seed=args.seed)
    print(summary)
    return 0


def cmd_import_accounts(args: argparse.Namespace) -> int:
    from counter_app import importer

    core = _core(args)
    actor = _login(core, args)
    mapping = {}
    for item in args.map or []:
        column, sep, target = item.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise CounterError(f"--map 的写法应为 列名=字段，如 用户编号=account_no；“{item}”不对")
        mapping[column.strip()] = target.strip()
    report = importer.import_accounts(core, actor, Path(args.file), strict=args.strict,
                                      rejects_path=Path(args.rejects) if args.rejects else None,
                                      mapping=mapping, encoding=args.encoding,
                                      header_row=args.header_row)
    print(report.summary())
    return 4 if report.rejected and (args.strict or not report.imported) else 0


def cmd_verify(args: argparse.Namespace) -> int:
    from counter_app import ledger

    report = ledger.verify(_core(args))
    print(report.message, file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 5


def cmd_tracking_serve(args: argparse.Namespace) -> int:
    from counter_app.web.serve import serve

    return serve(args)


def cmd_gui(args: argparse.Namespace) -> int:
    """Start the GUI.  The core does not import the Qt layer: the layer registers
    itself under the ``counter_app.frontends`` entry point group as ``gui``."""
    from importlib.metadata import entry_points

    found = entry_points(group="counter_app.frontends", name="gui")
    if not found:
        raise CounterError("图形界面尚未安装（缺少 ui 模块或 PySide6）；可先使用命令行子命令，"
                           "见 counter-app --help")
    return int(next(iter(found)).load()(args) or 0)


# -- parser ---------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：命令参数有误（{message}）。用 {self.prog} --help 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="counter-app", description="供热营业厅柜台系统。不带子命令时启动图形界面。")
    parser.add_argument("--db", help="数据库地址（默认：用户数据目录中的 SQLite；"
                                     "也可用环境变量 COUNTER_APP_DB）")
    parser.add_argument("--as", dest="user", help="办理人登录名（密码在终端输入，"
                                                  f"或用环境变量 {ENV_PASSWORD}）")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(title="子命令", metavar="COMMAND", parser_class=_Parser)

    db = sub.add_parser("db", help="数据库维护").add_subparsers(metavar="ACTION", required=True)
    db.add_parser("upgrade", help="创建或升级数据库结构").set_defaults(func=cmd_db_upgrade)

    demo = sub.add_parser("demo", help="生成演示数据（人员、账户、各类业务、意见）")
    demo.add_argument("--accounts", type=int, default=2400, help="账户数（默认 2400）")
    demo.add_argument("--seed", type=int, default=2026, help="随机种子")
    demo.set_defaults(func=cmd_demo)

    imp = sub.add_parser("import", help="从老系统导入").add_subparsers(metavar="WHAT", required=True)
    acc = imp.add_parser("accounts", help="导入账户（CSV 或 XLSX）")
    acc.add_argument("file")
    acc.add_argument("--strict", action="store_true", help="有任何错误行则整批不导入")
    acc.add_argument("--rejects", help="错误行清单的输出文件（默认：源文件名.rejects.csv）")
    acc.add_argument("--map", action="append", metavar="列名=字段",
                     help="列对应关系，可重复，如 --map 用户编号=account_no --map 业主=holder_name")
    acc.add_argument("--encoding", help="CSV 文件编码（默认自动识别 UTF-8 / GB18030）")
    acc.add_argument("--header-row", type=int, metavar="行号",
                     help="表头所在的行号（文件第 1 行为 1；默认在前几行中自动查找，"
                          "可跳过表头上方的标题行）")
    acc.set_defaults(func=cmd_import_accounts)

    st = sub.add_parser("staff", help="人员账号").add_subparsers(metavar="ACTION", required=True)
    add = st.add_parser("add", help="新增人员（空库时第一个须为管理员）")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="姓名")
    add.add_argument("--role", default="clerk", help="clerk / supervisor / admin")
    add.set_defaults(func=cmd_staff_add)

    cal = sub.add_parser("calendar", help="工作日日历").add_subparsers(metavar="ACTION", required=True)
    show = cal.add_parser("show", help="显示某年的节假日与调休")
    show.add_argument("year", type=int)
    show.set_defaults(func=cmd_calendar_show)

    sub.add_parser("verify", help="校验收款账本（收款、作废、退款）的哈希链").set_defaults(
        func=cmd_verify)
    track = sub.add_parser("tracking", help="居民扫码查询服务").add_subparsers(
        metavar="ACTION", required=True)
    serve = track.add_parser("serve", help="启动只读的业务进度查询网页服务（/t/查询码）")
    from counter_app.web.serve import add_arguments

    add_arguments(serve)
    serve.set_defaults(func=cmd_tracking_serve)
    _outer_commands(sub)
    return parser


def _outer_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    """Commands of the outer layers (printing: `register`, `print`): they register
    themselves under the ``counter_app.commands`` entry point group, so the core
    never imports them."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="counter_app.commands"):
        try:
            add = entry.load()
        except ImportError:  # that layer is not installed: its commands are simply absent
            continue
        add(sub, core_from_args=_core, login_from_args=_login)



def _log_path() -> Path:
    from counter_app.db.engine import data_dir

    path = data_dir() / "logs" / "counter-app.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CounterError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last net: never a traceback on screen
        try:
            path = _log_path()
            with path.open("a", encoding="utf-8") as fh:
                fh.write(f"--- {dt.datetime.now().isoformat()} {' '.join(sys.argv)}\n")
                fh.write(traceback.format_exc())
            where = f"详细信息已写入 {path}"
        except OSError:
            where = "且无法写入日志文件"
        print(f"内部错误：{type(exc).__name__}: {exc}。{where}，请联系系统管理员。", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
