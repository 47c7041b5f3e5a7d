"""What a stranger holding a tracking code may see of a person: masked.

张伟 -> 张*; 欧阳娜娜 -> 欧***; 幸福小区3号楼2单元301室 -> 幸福小区3号楼*单元***室."""

from __future__ import annotations


def mask_name(name: str) -> str:
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def mask_address(community: str, building: str, unit: str, room: str, address_text: str = "") -> str:
    """The community and building stay (the resident recognises them); unit and
    room do not."""
    if community:
        line = community + (f"{building}号楼" if building else "")
        return line + ("*单元" if unit else "") + ("***室" if room else "")
    text = address_text.strip()
    return text[:4] + "***" if len(text) > 4 else "***"


def mask_phone(phone: str) -> str:
    digits = phone.strip()
    return digits[:3] + "****" + digits[-4:] if len(digits) >= 11 else "****"
