"""G2: the agent's sent phrases and how often each was sent, in the local database only, kept
per account (``email relay``, A4): a second account on this computer never sees them."""

from __future__ import annotations

from jivo_desktop.store.local import LocalStore

TABLE = "typing_phrases_by_account"
SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (\n\taccount VARCHAR(300) NOT NULL, \n"
    "\ttext VARCHAR(400) NOT NULL, \n\tuses INTEGER NOT NULL, \n\tlast_used FLOAT NOT NULL, \n"
    "\tPRIMARY KEY (account, text)\n)",
)
"""The DDL SQLAlchemy emitted for this table (``IF NOT EXISTS`` added)."""

OLD_TABLE = "typing_phrases"
"""Before A4 the phrases were not keyed by account; nobody can tell whose they were."""


class PhraseStore:
    def __init__(self, store: LocalStore) -> None:
        self.store = store
        store.apply_schema((*SCHEMA, f"DROP TABLE IF EXISTS {OLD_TABLE}"))

    def load(self, account: str) -> dict[str, tuple[int, float]]:
        rows = self.store.rows(
            f"SELECT text, uses, last_used FROM {TABLE} WHERE account = ?", (account,)
        )
        return {text: (uses, last_used) for text, uses, last_used in rows}

    def save(self, account: str, text: str, uses: int, last_used: float) -> None:
        with self.store.transaction() as db:
            db.execute(
                f"INSERT INTO {TABLE} (account, text, uses, last_used) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (account, text) DO UPDATE "
                "SET uses = excluded.uses, last_used = excluded.last_used",
                (account, text, uses, last_used),
            )

    def forget(self, account: str, texts: list[str]) -> None:
        if texts:
            marks = ", ".join("?" * len(texts))
            with self.store.transaction() as db:
                db.execute(
                    f"DELETE FROM {TABLE} WHERE account = ? AND text IN ({marks})",
                    (account, *texts),
                )

    def clear(self, account: str) -> None:
        with self.store.transaction() as db:
            db.execute(f"DELETE FROM {TABLE} WHERE account = ?", (account,))
