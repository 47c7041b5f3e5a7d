"""Languages: Chinese by default (Qt's own dialogs included), English second.

Our source strings are Chinese, so Chinese needs no translation file of ours;
``translations/counter_en.qm`` carries the English.  Qt's own dialogs (file,
print, print preview, page setup, message boxes) come from Qt's catalogues:
the ``qt_<lang>`` meta catalogue when all the modules it names are installed,
else ``qtbase_<lang>``, which holds every one of those dialogs.  The Chinese
``qtbase`` catalogue lacks a few labels of those dialogs ("Look in:", "Page Set:",
"Pages per sheet:", "Scheduled printing:" ...): ``QtSupplement`` answers those.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

HERE = Path(__file__).resolve().parent / "translations"
ENV_LANG = "COUNTER_APP_LANG"
LANGUAGES = {"zh_CN": "中文", "en": "English"}

# Qt's labels the zh_CN catalogues leave in English, by (context, source).  Mnemonics
# keep Qt's letters; the words follow Qt's own Chinese (页面组 and 每张页数 are what its
# message about those two options calls them, 任务 its word for a print job).
QT_ZH_CN = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QAbstractFileIconProvider", "Alias"): "替身",
    ("QPrintSettingsOutput", "Page &Set:"): "页面组(&S)：",
    ("QPageSetupWidget", "Page &order:"): "页面顺序(&O)：",
    ("QPageSetupWidget", "Pages &per sheet:"): "每张页数(&P)：",
    ("QCupsJobWidget", "Scheduled &printing:"): "定时打印(&P)：",
    ("QCupsJobWidget", "&Billing information:"): "计费信息(&B)：",
    ("QCupsJobWidget", "Job &priority:"): "任务优先级(&P)：",
    ("QCupsJobWidget", "&Start:"): "开始(&S)：",
    ("QCupsJobWidget", "&End:"): "结束(&E)：",
}


class QtSupplement(QTranslator):
    """What Qt's catalogues lack, for Qt's own dialogs.  Installed before them, so
    Qt asks it only about what they do not translate."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: ARG002
                  n: int = -1) -> str | None:  # noqa: ARG002 - Qt's signature
        # None, not "": Qt takes an empty text as the translation and asks no further
        return self.table.get((context, source))


def chosen_language(preferred: str | None = None) -> str:
    lang = preferred or os.environ.get(ENV_LANG) or "zh_CN"
    return lang if lang in LANGUAGES else "zh_CN"


def qt_catalogue(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Qt's own translation for ``lang``: the meta catalogue, else qtbase's."""
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in (f"qt_{lang}", f"qtbase_{lang}"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            return translator
    return None


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for ``lang``; keep the returned list alive."""
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if lang == "zh_CN" \
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    if lang == "zh_CN":
        supplement = QtSupplement(QT_ZH_CN, app)          # first: asked last, after Qt's own
        app.installTranslator(supplement)
        installed.append(supplement)
        qt = qt_catalogue(app, lang)
        if qt is not None:
            app.installTranslator(qt)
            installed.append(qt)
    if lang == "en":
        ours = QTranslator(app)
        if ours.load(str(HERE / "counter_en.qm")):
            app.installTranslator(ours)
            installed.append(ours)
    return installed
