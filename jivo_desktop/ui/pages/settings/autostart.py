"""Ajustes > General: "Start Jivo Live when I log in" (the Windows Run key, a macOS LaunchAgent,
an XDG autostart entry; see jivo_desktop/platform/autostart.py).

Thin: the checkbox shows the backend's state and calls it. Where the machine cannot start apps
at login the box is disabled and says why; when writing fails, the box goes back to what is
really set and the reason shows under it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from jivo_desktop.platform.autostart import Autostart


class AutostartSetting(QWidget):
    """Signals: ``changed(bool)``: login start is now on/off (only after the OS accepted)."""

    changed = Signal(bool)

    def __init__(self, autostart: Autostart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.autostart = autostart
        self.checkbox = QCheckBox(self.tr("Start Jivo Live when I log in"))
        self.checkbox.setObjectName("AutostartCheckBox")
        self.problem = QLabel()
        self.problem.setObjectName("Muted")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.problem)
        self.refresh()
        self.checkbox.toggled.connect(self._on_checkbox_toggled)

    def refresh(self) -> None:
        """Show what is set now (another tool may have changed it)."""
        self.checkbox.blockSignals(True)
        self.checkbox.setChecked(self.autostart.is_enabled())
        self.checkbox.blockSignals(False)
        self.checkbox.setEnabled(self.autostart.available)
        if self.autostart.available:
            self._show_problem("")
        else:
            self.problem.setText(
                self.tr("Not available on this system: {reason}").format(
                    reason=self.autostart.reason
                )
            )
            self.problem.setVisible(True)

    def _show_problem(self, reason: str) -> None:
        if reason:
            self.problem.setText(self.tr("Could not change it: {reason}").format(reason=reason))
        self.problem.setVisible(bool(reason))

    def _on_checkbox_toggled(self, checked: bool) -> None:
        if self.autostart.set_enabled(checked):
            self._show_problem("")
            self.changed.emit(checked)
            return
        reason = self.autostart.reason
        self.refresh()
        self._show_problem(reason)


if __name__ == "__main__":  # a look at the section alone: python -m jivo_desktop.ui.pages...
    import sys

    from PySide6.QtWidgets import QApplication

    from jivo_desktop.platform.autostart import autostart_for_this_machine

    app = QApplication(sys.argv)
    widget = AutostartSetting(autostart_for_this_machine())
    widget.show()
    app.exec()
