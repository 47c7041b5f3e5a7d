"""How premises are written as one line, the way a clerk reads them aloud."""

from __future__ import annotations


def format_address(community: str = "", building: str = "", unit: str = "", room: str = "",
                   address_text: str = "") -> str:
    """幸福小区3号楼2单元301室; the free-text address follows (or stands alone)."""
    line = "".join(filter(None, (community, building and f"{building}号楼",
                                 unit and f"{unit}单元", room and f"{room}室")))
    return f"{line} {address_text}".strip() if address_text else line
