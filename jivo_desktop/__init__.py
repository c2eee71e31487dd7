"""The desktop agent app (PySide6). ``net`` is its Qt-free connection to the relay."""

__version__ = "0.1.0"
