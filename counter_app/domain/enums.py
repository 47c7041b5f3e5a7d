"""The vocabulary of the service hall.

Values are stable English codes (stored in the database and in files); ``label``
gives the Chinese word the clerk and the resident read.
"""

from __future__ import annotations

import enum
from typing import Self


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry a Chinese label."""

    label: str

    # every member gives its label; the default is for the type checker, which reads
    # a lookup by value (HeatingState("heating")) as a call of this constructor
    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def parse(cls, text: str) -> Self:
        """Accept the code or the Chinese label."""
        text = text.strip()
        for member in cls:
            if text in (member.value, member.label):
                return member
        raise ValueError(text)


class Role(LabelledEnum):
    CLERK = "clerk", "营业员"
    SUPERVISOR = "supervisor", "值班长"
    ADMIN = "admin", "管理员"


class HolderKind(LabelledEnum):
    PERSON = "person", "个人"
    ORGANISATION = "organisation", "单位"


class UserClass(LabelledEnum):
    RESIDENTIAL = "residential", "居民"
    NON_RESIDENTIAL = "non_residential", "非居民"


class HeatingForm(LabelledEnum):
    RADIATOR = "radiator", "散热器"
    FLOOR = "floor", "地暖"


class HeatingState(LabelledEnum):
    HEATING = "heating", "供热"
    STOPPED = "stopped", "停热"
    NOT_CONNECTED = "not_connected", "未接网"


class RequestStatus(LabelledEnum):
    DRAFT = "draft", "草稿"
    RECEIVED = "received", "已登记"
    AWAITING_DOCUMENTS = "awaiting_documents", "待补材料"
    ACCEPTED = "accepted", "已受理"
    PLAN_REPLIED = "plan_replied", "已答复方案"
    CONTRACT_SIGNED = "contract_signed", "已签合同"
    APPROVED = "approved", "已批准"
    HEAT_ON = "heat_on", "已供热"
    COMPLETED = "completed", "已办结"
    REJECTED = "rejected", "不予受理"
    WITHDRAWN = "withdrawn", "已撤回"

    @property
    def is_closed(self) -> bool:
        return self in (RequestStatus.HEAT_ON, RequestStatus.COMPLETED,
                        RequestStatus.REJECTED, RequestStatus.WITHDRAWN)


class EventType(LabelledEnum):
    """The standard's four parts of handling a request (article 7)."""

    RECORD = "record", "记录"
    INSTRUCTION = "instruction", "指令"
    RESPONSE = "response", "回音"
    RESULT = "result", "结果"


class DocumentState(LabelledEnum):
    MISSING = "missing", "未交"
    RECEIVED = "received", "已收"
    WAIVED = "waived", "免交"


class FeedbackKind(LabelledEnum):
    COMPLAINT = "complaint", "投诉"
    REPORT = "report", "举报"
    SUGGESTION = "suggestion", "建议"
    PRAISE = "praise", "表扬"


class Channel(LabelledEnum):
    COUNTER = "counter", "柜台"
    HOTLINE = "hotline", "服务热线"
    LETTER = "letter", "来信"
    OPINION_BOX = "opinion_box", "意见箱"
    VISIT = "visit", "来访"
    OTHER = "other", "其他"


class Satisfaction(LabelledEnum):
    SATISFIED = "satisfied", "满意"
    BASICALLY = "basically", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"
