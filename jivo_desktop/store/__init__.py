"""The app's local database: settings, drafts, the outbox of unsent messages."""

from jivo_desktop.store.local import LocalStore, OutboxItem

__all__ = ["LocalStore", "OutboxItem"]
