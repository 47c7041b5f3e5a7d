"""Printed documents: each paper's data read at once, for ``ui.print_dialogs``
to render (预览 / 打印 / 另存为).

One function per paper; each calls its read service of
``counter_app.services.documents`` - everything the paper prints, read in one
transaction - through ``ops.call``, so an unknown number, a status without a
contract or a day without business is a Chinese message.  A receipt's read
also logs the print (the original once, then 副本 N): the history window
refreshes its copy count itself, and no other window shows it, so prints
announce nothing.
"""

from __future__ import annotations

import datetime as dt

from counter_app.core import Actor, Core
from counter_app.services.documents import contract, handover, notice, receipt, register, reminder, slip
from counter_app.services.documents.contract import ContractData
from counter_app.services.documents.handover import HandoverData
from counter_app.services.documents.notice import NoticeData
from counter_app.services.documents.receipt import ReceiptData
from counter_app.services.documents.register import RegisterData
from counter_app.services.documents.reminder import ReminderBatch
from counter_app.services.documents.slip import SlipData
from ui.bridge import Operations

__all__ = ["ContractData", "HandoverData", "NoticeData", "ReceiptData", "RegisterData", "ReminderBatch",
           "SlipData", "contract_paper", "handover_paper", "notice_paper", "original_receipt",
           "print_note", "receipt_copy", "register_paper", "reminders_paper", "slip_paper"]


def print_note(data: object) -> str:
    """What the clerk is told about a paper read for printing: why it goes out
    without its tracking QR code ("" when it has one, or carries none)."""
    if isinstance(data, SlipData | NoticeData | ContractData | ReceiptData):
        return data.qr_missing
    return ""


def slip_paper(ops: Operations, core: Core, actor: Actor, request_id: int) -> tuple[bool, SlipData]:
    """受理回执 of a request."""
    return ops.call(slip.slip_data, core, actor, request_id)


def notice_paper(ops: Operations, core: Core, actor: Actor, request_id: int) -> tuple[bool, NoticeData]:
    """一次性告知单 of a request."""
    return ops.call(notice.notice_data, core, actor, request_id)


def contract_paper(ops: Operations, core: Core, actor: Actor,
                   request_id: int) -> tuple[bool, ContractData]:
    """供热合同 of an application (not of a rejected or withdrawn one)."""
    return ops.call(contract.contract_data, core, actor, request_id)


def original_receipt(ops: Operations, core: Core, actor: Actor, receipt_no: str,
                     layout: str) -> tuple[bool, ReceiptData]:
    """The receipt just taken, its one original print logged."""
    return ops.call(receipt.receipt_data, core, actor, receipt_no, layout=layout)


def receipt_copy(ops: Operations, core: Core, actor: Actor, receipt_no: str,
                 layout: str) -> tuple[bool, ReceiptData]:
    """A copy of a receipt, logged as 副本 N."""
    return ops.call(receipt.receipt_data, core, actor, receipt_no, layout=layout, reprint=True)


def handover_paper(ops: Operations, core: Core, actor: Actor, shift_id: int) -> tuple[bool, HandoverData]:
    """交接班记录 of a closed shift."""
    return ops.call(handover.handover_data, core, actor, shift_id)


def reminders_paper(ops: Operations, core: Core, actor: Actor, community: str | None,
                    building: str | None) -> tuple[bool, ReminderBatch]:
    """催缴通知单 of the accounts in arrears of a community and building (or all)."""
    return ops.call(reminder.reminder_data, core, actor, community=community, building=building)


def register_paper(ops: Operations, core: Core, actor: Actor, day: dt.date) -> tuple[bool, RegisterData]:
    """营业日报 of a day."""
    return ops.call(register.register_data, core, actor, day)
