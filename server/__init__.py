"""The relay server. This package's ``__init__`` and ``protocol`` import none of the relay's
own dependencies, so that the desktop app can import the protocol alone."""

__version__ = "0.1.0"
