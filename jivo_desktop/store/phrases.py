"""G2: the agent's sent phrases and how often each was sent, in the local database only, kept
per account (``email relay``, A4): a second account on this computer never sees them."""

from __future__ import annotations

import sqlalchemy as sa

from jivo_desktop.store.local import LocalStore

metadata = sa.MetaData()

phrases = sa.Table(
    "typing_phrases_by_account",
    metadata,
    sa.Column("account", sa.String(300), primary_key=True),
    sa.Column("text", sa.String(400), primary_key=True),
    sa.Column("uses", sa.Integer, nullable=False),
    sa.Column("last_used", sa.Float, nullable=False),
)

OLD_TABLE = "typing_phrases"
"""Before A4 the phrases were not keyed by account; nobody can tell whose they were."""


class PhraseStore:
    def __init__(self, store: LocalStore) -> None:
        self.engine = store.engine
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {OLD_TABLE}")

    def load(self, account: str) -> dict[str, tuple[int, float]]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(phrases).where(phrases.c.account == account)).all()
        return {r.text: (r.uses, r.last_used) for r in rows}

    def save(self, account: str, text: str, uses: int, last_used: float) -> None:
        with self.engine.begin() as conn:
            updated = conn.execute(
                sa.update(phrases)
                .where(phrases.c.account == account, phrases.c.text == text)
                .values(uses=uses, last_used=last_used)
            )
            if updated.rowcount == 0:
                conn.execute(
                    sa.insert(phrases).values(
                        account=account, text=text, uses=uses, last_used=last_used
                    )
                )

    def forget(self, account: str, texts: list[str]) -> None:
        if texts:
            with self.engine.begin() as conn:
                conn.execute(
                    sa.delete(phrases).where(
                        phrases.c.account == account, phrases.c.text.in_(texts)
                    )
                )

    def clear(self, account: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.delete(phrases).where(phrases.c.account == account))
