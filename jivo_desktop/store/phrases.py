"""G2: the agent's sent phrases and how often each was sent, in the local database only."""

from __future__ import annotations

import sqlalchemy as sa

from jivo_desktop.store.local import LocalStore

metadata = sa.MetaData()

phrases = sa.Table(
    "typing_phrases",
    metadata,
    sa.Column("text", sa.String(400), primary_key=True),
    sa.Column("uses", sa.Integer, nullable=False),
    sa.Column("last_used", sa.Float, nullable=False),
)


class PhraseStore:
    def __init__(self, store: LocalStore) -> None:
        self.engine = store.engine
        metadata.create_all(self.engine)

    def load(self) -> dict[str, tuple[int, float]]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(phrases)).all()
        return {r.text: (r.uses, r.last_used) for r in rows}

    def save(self, text: str, uses: int, last_used: float) -> None:
        with self.engine.begin() as conn:
            updated = conn.execute(
                sa.update(phrases)
                .where(phrases.c.text == text)
                .values(uses=uses, last_used=last_used)
            )
            if updated.rowcount == 0:
                conn.execute(sa.insert(phrases).values(text=text, uses=uses, last_used=last_used))

    def forget(self, texts: list[str]) -> None:
        if texts:
            with self.engine.begin() as conn:
                conn.execute(sa.delete(phrases).where(phrases.c.text.in_(texts)))

    def clear(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.delete(phrases))
