"""Widgets: thin views over the services (no network or database calls here)."""
