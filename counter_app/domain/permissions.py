"""Who may do what.  Services check these themselves, whatever the UI shows."""

from __future__ import annotations

import enum

from counter_app.domain.enums import Role
from counter_app.errors import PermissionDenied


class Permission(enum.StrEnum):
    SERVE = "serve"                      # receive requests, record documents, feedback
    WAIVE_DOCUMENT = "waive_document"
    APPROVE_STOP = "approve_stop"
    HANDOVER_ANY = "handover_any"        # hand over a request the user does not own
    EDIT_CALENDAR = "edit_calendar"
    EDIT_SETTINGS = "edit_settings"
    MANAGE_STAFF = "manage_staff"
    IMPORT = "import"
    EDIT_FEES = "edit_fees"                  # the fee schedule
    BILL = "bill"                            # generate the season's bills
    APPROVE_REDUCTION = "approve_reduction"
    APPROVE_CORRECTION = "approve_correction"  # voids, refunds, cash differences


LABELS = {
    Permission.SERVE: "办理业务",
    Permission.WAIVE_DOCUMENT: "批准免交材料",
    Permission.APPROVE_STOP: "批准停热",
    Permission.HANDOVER_ANY: "移交他人的业务",
    Permission.EDIT_CALENDAR: "维护工作日调整",
    Permission.EDIT_SETTINGS: "修改系统设置",
    Permission.MANAGE_STAFF: "管理人员账号",
    Permission.IMPORT: "导入老系统数据",
    Permission.EDIT_FEES: "修改收费标准",
    Permission.BILL: "建立年度收费",
    Permission.APPROVE_REDUCTION: "批准减免",
    Permission.APPROVE_CORRECTION: "批准作废、退款和现金差额",
}

_SUPERVISOR = {Permission.SERVE, Permission.WAIVE_DOCUMENT, Permission.APPROVE_STOP,
               Permission.HANDOVER_ANY, Permission.EDIT_CALENDAR, Permission.APPROVE_REDUCTION,
               Permission.APPROVE_CORRECTION}
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: frozenset({Permission.SERVE}),
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: frozenset(_SUPERVISOR | {Permission.EDIT_SETTINGS, Permission.MANAGE_STAFF,
                                         Permission.IMPORT, Permission.EDIT_FEES, Permission.BILL}),
}


def allowed(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]


def require(role: Role, permission: Permission) -> None:
    if not allowed(role, permission):
        needed = [r.label for r in Role if allowed(r, permission)]
        raise PermissionDenied(
            f"{role.label}无权{LABELS[permission]}，需由{'或'.join(needed)}登录本人账号办理")
