"""Opening the counter application: the database, and the names of the company
and hall the login greets the clerk with, in one call once the login is on
screen; after the login, what a supervisor must be told before the day starts."""

from __future__ import annotations

from dataclasses import dataclass

from counter_app import tracking_codes
from counter_app.core import Actor, Core
from counter_app.domain.enums import Role
from counter_app.domain.permissions import Permission, allowed
from counter_app.services import settings


@dataclass(frozen=True)
class Hall:
    company_name: str
    hall_name: str


def open_hall(url: str | None) -> tuple[Core, Hall]:
    core = settings.open_core(url)
    with core.reading() as session:
        names = settings.read_many(session, ("company_name", "hall_name"))
    return core, Hall(str(names["company_name"]), str(names["hall_name"]))


def tracking_warning(core: Core, role: Role) -> str:
    """Why every paper prints without its QR code (the residents' tracking address
    unset or a placeholder), said to whoever can have it fixed; "" otherwise."""
    with core.reading() as session:
        problem = tracking_codes.address_problem(str(settings.read(session, "tracking_base_url")))
    if not problem:
        return ""
    who = "请在" if allowed(role, Permission.EDIT_SETTINGS) else "请通知管理员在"
    return (f"{problem}。受理回执、一次性告知单、供热合同和收据都将不印二维码，居民无法扫码查询"
            f"办理进度。{who}“系统设置 → 查询网址”中填写本公司居民查询服务的网址"
            "（如 https://查询服务的地址/t/）。")


def login_warnings(core: Core, actor: Actor) -> tuple[str, ...]:
    """What a supervisor or an administrator is told once logged in (one message
    each); a clerk is told at the paper itself, when it prints."""
    if actor.role is Role.CLERK:
        return ()
    warning = tracking_warning(core, actor.role)
    return (warning,) if warning else ()


__all__ = ["Hall", "login_warnings", "open_hall", "tracking_warning"]
