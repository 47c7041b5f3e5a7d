"""The printing commands of ``counter-app`` (registered under the entry point
group ``counter_app.commands``, so the core never imports this layer):

    counter-app --as wang register --date 2025-11-20 --out 日报.pdf
    counter-app --as li print receipt 2025-000001 --out 收据.pdf [--layout roll] [--copy]
    counter-app --as li print {contract,slip,notice} SQ2025000001 --out 回执.pdf

Each paper is read by its service of ``counter_app.services.documents`` (one
transaction), then rendered.  Every failure is a CounterError (plain Chinese on
stderr, exit 2); the output path is checked before anything is read or logged
(a 副本 is logged only when it can be saved), and the file is written
atomically: never a partial file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from counter_app.core import Actor, Core
from counter_app.errors import Conflict, CounterError, ValidationError

DOCUMENTS = {"receipt": "收款收据", "contract": "供热合同", "slip": "受理回执", "notice": "一次性告知单"}
LAYOUTS = {"a5": "A5 纸", "roll": "80 mm 热敏卷纸", "preprinted": "套打预印收据"}


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"日期“{text}”不对：请写成 YYYY-MM-DD，如 2025-11-20", field="date") from None


def check_output(path: str) -> Path:
    """The output path must be a file in a folder we can write to: found out
    before rendering, so that nothing is logged (a 副本) for a file never saved."""
    target = Path(path)
    if target.is_dir():
        raise CounterError(f"{target} 是一个文件夹：请在 --out 中写出文件名，如 {target / '文件.pdf'}")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise CounterError(f"输出目录不存在：{folder}，请换一个保存位置")
    try:
        with tempfile.TemporaryFile(prefix=".", suffix=".pdf.part", dir=folder):
            pass
    except OSError as exc:
        raise CounterError(f"无法写入 {folder}（{exc.strerror or exc}），请换一个保存位置") from exc
    return target


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def save(pdf: bytes, target: Path) -> int:
    from printing.base import write_pdf

    path = write_pdf(target, pdf)
    pages = page_count(pdf)
    print(f"已保存 {path}（{pages} 页）")
    return 0


def print_receipt(core: Core, actor: Actor, args: argparse.Namespace) -> bytes:
    from counter_app.services.documents.receipt import receipt_data
    from printing import fonts
    from printing.receipt import receipt_pdf

    fonts.register()          # the font first (FontMissing): a logged copy must not end without paper
    try:
        data = receipt_data(core, actor, args.number, layout=args.layout or "a5", reprint=args.copy)
    except Conflict as exc:       # the original was printed already: say how to get a copy here
        raise Conflict(f"{exc.message}（命令行：加 --copy）") if not args.copy else exc from None
    return receipt_pdf(data)


def print_contract(core: Core, actor: Actor, args: argparse.Namespace) -> bytes:
    from counter_app.services.documents.contract import contract_data
    from printing.contract import contract_pdf

    return contract_pdf(contract_data(core, actor, args.number))


def print_slip(core: Core, actor: Actor, args: argparse.Namespace) -> bytes:
    from counter_app.services.documents.slip import slip_data
    from printing.slip import slip_pdf

    return slip_pdf(slip_data(core, actor, args.number))


def print_notice(core: Core, actor: Actor, args: argparse.Namespace) -> bytes:
    from counter_app.services.documents.notice import notice_data
    from printing.notice import notice_pdf

    return notice_pdf(notice_data(core, actor, args.number))


# each paper: its read service (one transaction), then its renderer
PAPERS: dict[str, Callable[[Core, Actor, argparse.Namespace], bytes]] = {
    "receipt": print_receipt, "contract": print_contract, "slip": print_slip, "notice": print_notice}


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], *,
                 core_from_args: Callable[[argparse.Namespace], Any],
                 login_from_args: Callable[[Any, argparse.Namespace], Any]) -> None:
    """Add ``register`` and ``print`` to the ``counter-app`` parser."""

    def session(args: argparse.Namespace) -> tuple[Any, Any]:
        core = core_from_args(args)
        return core, login_from_args(core, args)

    def cmd_register(args: argparse.Namespace) -> int:
        from counter_app.services.documents.register import register_data
        from printing.register import register_pdf

        day = parse_day(args.date)
        target = check_output(args.out)
        core, actor = session(args)
        return save(register_pdf(register_data(core, actor, day)), target)

    def cmd_print(args: argparse.Namespace) -> int:
        what = args.document
        if what != "receipt" and (args.layout or args.copy):
            option = "--layout" if args.layout else "--copy"
            raise CounterError(f"{option} 只用于收款收据（print receipt），{DOCUMENTS[what]}没有这个选项")
        target = check_output(args.out)
        core, actor = session(args)
        pdf = PAPERS[what](core, actor, args)
        return save(pdf, target)

    def login_option(parser: argparse.ArgumentParser) -> None:
        # also after the subcommand; SUPPRESS keeps a --as given before it
        parser.add_argument("--as", dest="user", default=argparse.SUPPRESS, metavar="登录名",
                            help="办理人登录名（也可写在子命令前；密码在终端输入，"
                                 "或用环境变量 COUNTER_APP_PASSWORD）")

    register = sub.add_parser("register", help="营业日报（PDF，值班长、管理员）",
                              description="把某一天的营业日报保存为 PDF 文件。")
    register.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="营业日期，如 2025-11-20")
    register.add_argument("--out", required=True, metavar="文件.pdf", help="保存到的 PDF 文件")
    login_option(register)
    register.set_defaults(func=cmd_register)

    printing = sub.add_parser("print", help="收据、合同、受理回执、一次性告知单（PDF）",
                              description="把一份单据保存为 PDF 文件。")
    printing.add_argument("document", choices=list(DOCUMENTS),
                          help="receipt 收款收据、contract 供热合同、slip 受理回执、notice 一次性告知单")
    printing.add_argument("number", metavar="编号",
                          help="收据号（如 2025-000001）或业务编号（如 SQ2025000001）")
    printing.add_argument("--out", required=True, metavar="文件.pdf", help="保存到的 PDF 文件")
    printing.add_argument("--layout", choices=list(LAYOUTS),
                          help="收据版式：a5 A5 纸（默认）、roll 80 mm 热敏卷纸、preprinted 套打")
    printing.add_argument("--copy", action="store_true", help="补打收据副本（登记为副本 N）")
    login_option(printing)
    printing.set_defaults(func=cmd_print)
