"""Translation of user-visible strings, following the QGIS user locale.

Every user-visible string goes through :func:`tr` with the single context
``EvPlanner``; ``scripts/update_translations.py`` collects those strings into
``resources/i18n/ev_planner_nl.ts`` and ``make translations`` compiles it.
Messages of core errors are templates with named values (see
``core/errors.py``): :func:`translate_message` translates them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .core.errors import EvPlannerError, Message

CONTEXT = "EvPlanner"
I18N_DIR = Path(__file__).resolve().parent / "resources" / "i18n"

_translator: QTranslator | None = None


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def translate_message(
    error: BaseException | Message, label: Callable[[str, object], object] | None = None
) -> str:
    """The message of ``error`` (or of a core :class:`Message`) in the user's language.

    An :class:`EvPlannerError` gives its translated template filled in with its
    values (values that are EvPlannerErrors themselves are translated too); when
    the translation cannot be filled in, the English message is returned. Any
    other exception gives ``str(error)``. ``label(name, value)``, when given, turns
    each value into the text the user reads (core keeps keys such as ``in_review``).
    """
    if not isinstance(error, (EvPlannerError, Message)) or not error.template:
        return str(error)
    translated = tr(error.template)
    if not error.values:
        return translated
    values = {
        name: translate_message(value, label)
        if isinstance(value, (EvPlannerError, Message))
        else (label(name, value) if label is not None else value)
        for name, value in error.values.items()
    }
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return str(error)


def user_language() -> str:
    """Two-letter language of the QGIS user interface, e.g. ``nl`` or ``en``.

    ``QgsApplication.locale()`` honours the "override system locale" option of
    the QGIS settings, in the desktop and in ``qgis_process`` alike.
    """
    locale = QgsApplication.locale() or "en"
    return locale[:2].lower()


def install_translator() -> bool:
    """Load the compiled translation for the user's language, if there is one."""
    global _translator
    if _translator is not None:
        return True
    qm_file = I18N_DIR / f"ev_planner_{user_language()}.qm"
    if not qm_file.is_file():
        return False
    translator = QTranslator()
    if not translator.load(str(qm_file)):
        return False
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return True


def remove_translator() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None


def translated_log(feedback) -> Callable[[str], None]:
    """A ``log`` callback for the core: its notes (:class:`Message`) shown in the user's language
    in ``feedback`` (a ``QgsProcessingFeedback``)."""
    return lambda text: feedback.pushInfo(translate_message(text))
