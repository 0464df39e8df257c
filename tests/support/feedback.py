"""A Processing feedback that keeps what an algorithm reported, to assert on its messages."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps errors, warnings and infos apart, and every line of the log in ``lines`` in order.

    ``cancel_on``: the feedback cancels itself when an info line contains this text, which lets a
    test cancel at a known step of an algorithm.
    """

    def __init__(self, cancel_on: str | None = None):
        super().__init__()
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.infos: list[str] = []
        self.lines: list[str] = []
        self.cancel_on = cancel_on

    @property
    def text(self) -> str:
        """The whole log as one text."""
        return "\n".join(self.lines)

    def reportError(self, error, fatalError=False):  # noqa: N803 (QGIS signature)
        self.errors.append(error)
        self.lines.append(error)

    def pushWarning(self, warning):
        self.warnings.append(warning)
        self.lines.append(warning)

    def pushInfo(self, info):
        self.infos.append(info)
        self.lines.append(info)
        if self.cancel_on and self.cancel_on in info:
            self.cancel()

    def pushDebugInfo(self, info):
        self.lines.append(info)

    def pushCommandInfo(self, info):
        self.lines.append(info)

    def pushConsoleInfo(self, info):
        self.lines.append(info)

    def setProgressText(self, text):
        self.lines.append(text)
