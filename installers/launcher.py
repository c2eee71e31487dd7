"""The bundle's entry script: PyInstaller runs this file as ``__main__``, so the app's package
is imported absolutely (``jivo_desktop/__main__.py`` itself is a module of that package)."""

from jivo_desktop.__main__ import main

raise SystemExit(main())
