"""Ajustes, the sidebar's last page: the page with its list of sections (``page``), one module
per section, and ``build``, which fills the page from the services the app built."""
