"""The embedded CJK font.

ReportLab embeds TrueType fonts (a subset of the glyphs used), so a PDF reads
the same in any viewer, ℃ and ㎡ included.  It cannot embed CFF/OpenType
outlines (Noto CJK .otf fails), but TrueType collections work with a subfont
index.  Order: the path given (setting or COUNTER_APP_FONT), the fonts shipped
or installed on the system, and only as a last resort the non-embedded
STSong-Light CID font, with a warning (some viewers then show boxes or drop ℃).
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from counter_app.errors import CounterError

FONT_NAME = "CounterCJK"
ENV_FONT = "COUNTER_APP_FONT"
SHIPPED = Path(__file__).resolve().parent / "fonts"
# TrueType fonts (or collections) with Chinese glyphs, by where systems put them
CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


class FontMissing(CounterError):
    """No usable CJK font: printing would show boxes."""


@dataclass(frozen=True)
class FontInfo:
    name: str
    path: str | None          # None: the non-embedded fallback
    embedded: bool
    warning: str | None


_registered: FontInfo | None = None


def _try(path: str) -> bool:
    try:
        pdfmetrics.registerFont(TTFont(FONT_NAME, path, subfontIndex=0))
    except Exception:  # noqa: BLE001 - any unreadable or CFF font: try the next
        return False
    return True


def register(path: str | None = None, *, allow_fallback: bool = True) -> FontInfo:
    """Register the CJK font once per process (or again for another ``path``)."""
    global _registered
    wanted = path or os.environ.get(ENV_FONT)
    if _registered is not None and (wanted is None or wanted == _registered.path):
        return _registered
    if wanted:
        if not Path(wanted).is_file():
            raise FontMissing(f"打印字体文件不存在：{wanted}。请在设置中改为系统中的中文 TrueType 字体"
                              "（如 wqy-zenhei.ttc、simsun.ttc）")
        if not _try(wanted):
            raise FontMissing(f"打印字体“{wanted}”无法嵌入（须为 TrueType 字体，OpenType/CFF 字体不行）。"
                              "请改用 TrueType 中文字体")
        _registered = FontInfo(FONT_NAME, wanted, True, None)
        return _registered
    shipped = sorted(str(p) for p in SHIPPED.glob("*.tt[fc]")) if SHIPPED.is_dir() else []
    for candidate in (*shipped, *CANDIDATES):
        if Path(candidate).is_file() and _try(candidate):
            _registered = FontInfo(FONT_NAME, candidate, True, None)
            return _registered
    if not allow_fallback:
        raise FontMissing("没有找到可嵌入的中文 TrueType 字体，无法打印。请安装 fonts-wqy-zenhei，"
                          f"或在设置中（或环境变量 {ENV_FONT}）指定字体文件")
    message = ("没有找到可嵌入的中文字体，暂用不嵌入的宋体（STSong-Light）：部分阅读器可能显示方框或漏掉 ℃。"
               "请安装 fonts-wqy-zenhei 或指定字体文件")
    warnings.warn(message, stacklevel=2)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    _registered = FontInfo("STSong-Light", None, False, message)
    return _registered


def reset() -> None:
    """Forget the registration (tests switch fonts)."""
    global _registered
    _registered = None
