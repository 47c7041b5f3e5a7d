"""Languages: Chinese by default (Qt's own dialogs included), English second.

Our source strings are Chinese, so Chinese needs no translation file of ours;
``translations/counter_en.qm`` carries the English.  Qt's own buttons (OK,
Cancel, Yes ...) come from Qt's ``qtbase_<lang>.qm``.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

HERE = Path(__file__).resolve().parent / "translations"
ENV_LANG = "COUNTER_APP_LANG"
LANGUAGES = {"zh_CN": "中文", "en": "English"}


def chosen_language(preferred: str | None = None) -> str:
    lang = preferred or os.environ.get(ENV_LANG) or "zh_CN"
    return lang if lang in LANGUAGES else "zh_CN"


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for ``lang``; keep the returned list alive."""
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_name = "qtbase_zh_CN" if lang == "zh_CN" else None
    if qt_name:
        qt = QTranslator(app)
        if qt.load(qt_name, qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
    if lang == "en":
        ours = QTranslator(app)
        if ours.load(str(HERE / "counter_en.qm")):
            app.installTranslator(ours)
            installed.append(ours)
    return installed
