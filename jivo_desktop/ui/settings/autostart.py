"""Ajustes > General: "Start Jivo Live when I log in" (the Windows Run key, a macOS LaunchAgent,
an XDG autostart entry; see jivo_desktop/platform/autostart.py).

Thin: the checkbox shows the backend's state and calls it. Where the machine cannot start apps
at login the box is disabled and says why; when writing fails, the box goes back to what is
really set and the reason shows under it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QVBoxLayout, QWidget

from jivo_desktop.platform.autostart import Autostart
from jivo_desktop.ui.common.plain import PlainLabel


class AutostartSetting(QWidget):
    """Signals: ``changed(bool)``: login start is now on/off (only after the OS accepted)."""

    changed = Signal(bool)

    def __init__(self, autostart: Autostart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.autostart = autostart
        self._failure = ""  # why the last change did not take, shown until the next one works
        self.checkbox = QCheckBox()
        self.checkbox.setObjectName("AutostartCheckBox")
        # Never narrower than its text, in the longest language (a form row would squeeze it).
        self.checkbox.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.problem = PlainLabel()
        self.problem.setObjectName("Muted")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.problem)
        self.refresh()
        self.checkbox.toggled.connect(self._on_checkbox_toggled)

    def retranslate(self) -> None:
        """Set every text in the current language (at start and on a language switch, G6)."""
        self.checkbox.setText(self.tr("Start Jivo Live when I log in"))
        if not self.autostart.available:
            text = self.tr("Not available on this system: {0}").format(self.autostart.reason)
        elif self._failure:
            text = self.tr("Could not change it: {0}").format(self._failure)
        else:
            text = ""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.updateGeometry()  # the form row around this widget takes the new text's width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Show what is set now (another tool may have changed it)."""
        self.checkbox.blockSignals(True)
        self.checkbox.setChecked(self.autostart.is_enabled())
        self.checkbox.blockSignals(False)
        self.checkbox.setEnabled(self.autostart.available)
        self.retranslate()

    def _on_checkbox_toggled(self, checked: bool) -> None:
        if self.autostart.set_enabled(checked):
            self._failure = ""
            self.refresh()
            self.changed.emit(checked)
            return
        self._failure = self.autostart.reason
        self.refresh()


if __name__ == "__main__":  # the section alone: python -m jivo_desktop.ui.settings.autostart
    import sys

    from PySide6.QtWidgets import QApplication

    from jivo_desktop.platform.autostart import autostart_for_this_machine

    app = QApplication(sys.argv)
    widget = AutostartSetting(autostart_for_this_machine())
    widget.show()
    app.exec()
