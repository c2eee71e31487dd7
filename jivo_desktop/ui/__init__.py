"""Widgets: thin views over the services (no network or database calls here).

One folder per sidebar page, in the guide's order: ``inbox`` (Centro de Atención), ``team``
(Equipo), ``visitors`` (Visitantes), ``settings`` (Ajustes); ``notifications`` for what shows
outside the main window (toasts, tray); ``common`` for what every page uses. The main window
and the sign-in window sit here."""
