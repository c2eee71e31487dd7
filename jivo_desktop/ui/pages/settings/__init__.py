"""Ajustes (settings) page: one module per section (the `settings` slice builds SettingsPage)."""
