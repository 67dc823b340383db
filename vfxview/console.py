"""The scripting console: an interactive Python prompt whose namespace holds `vfx_rs`, `np` and `viewer`.

History (Up/Down), completion (Tab, with `rlcompleter`), multi-line input
(a ``...`` prompt until the block is complete), output and tracebacks shown.
"""

from __future__ import annotations

import code
import contextlib
import io
import rlcompleter
import sys
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

__all__ = ["Console"]


class Console(QWidget):
    """A Python console widget; `run_line` is what pressing Enter does."""

    def __init__(self, namespace: dict[str, Any], parent: Any = None) -> None:
        super().__init__(parent)
        self.namespace = namespace
        self.interpreter = code.InteractiveConsole(namespace)
        self.completer = rlcompleter.Completer(namespace)
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        self.input = QLineEdit()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.output.setFont(font)
        self.input.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.output)
        layout.addWidget(self.input)
        self.history: list[str] = []
        self._history_pos = 0
        self.prompt = ">>> "
        self.input.returnPressed.connect(lambda: self.run_line(self.input.text()))
        self.input.installEventFilter(self)
        self.output.appendPlainText("Python console: vfx_rs, np and viewer are defined. Try viewer.exposure = 1")

    def run_line(self, line: str) -> bool:
        """Push one line; returns True while a multi-line block is incomplete."""
        self.input.clear()
        if line.strip():
            self.history.append(line)
        self._history_pos = len(self.history)
        self.output.appendPlainText(self.prompt + line)
        buffer = io.StringIO()
        hook, sys.excepthook = sys.excepthook, sys.__excepthook__  # tracebacks go to the console, not the app's hook
        try:
            with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
                more = self.interpreter.push(line)
        finally:
            sys.excepthook = hook
        text = buffer.getvalue().rstrip("\n")
        if text:
            self.output.appendPlainText(text)
        self.prompt = "... " if more else ">>> "
        return bool(more)

    def complete(self, text: str) -> list[str]:
        """Completions of the last identifier in `text`."""
        start = len(text)
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._"):
            start -= 1
        word = text[start:]
        found = []
        for i in range(200):
            candidate = self.completer.complete(word, i)
            if candidate is None:
                break
            found.append(text[:start] + candidate)
        return found

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.input and event.type() == QEvent.Type.KeyPress:
            if not isinstance(event, QKeyEvent):
                return super().eventFilter(obj, event)
            key = event.key()
            if key == Qt.Key.Key_Up and self.history:
                self._history_pos = max(self._history_pos - 1, 0)
                self.input.setText(self.history[self._history_pos])
                return True
            if key == Qt.Key.Key_Down and self.history:
                self._history_pos = min(self._history_pos + 1, len(self.history))
                self.input.setText(self.history[self._history_pos] if self._history_pos < len(self.history) else "")
                return True
            if key == Qt.Key.Key_Tab:
                options = self.complete(self.input.text())
                if len(options) == 1:
                    self.input.setText(options[0])
                elif options:
                    self.output.appendPlainText("  ".join(o.rsplit(".", 1)[-1] for o in options))
                return True
        return super().eventFilter(obj, event)
