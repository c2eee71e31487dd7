"""The relay's database: schema, engine, migrations and the group-commit writer.

The store code of each domain lives beside its service (``server/chats/reads.py``,
``server/account/repo.py``, ...), and every such module keeps the same rules: SQLAlchemy Core
(the hot path stays cheap); every function is synchronous and takes a ``Connection``; the group
writer runs a whole batch of writes in one go (in its own thread on SQLite, through the async
driver on PostgreSQL), and async readers call ``await read(engine, fn, ...)``. Writes are
functions that return a ``Write`` for the :class:`~server.store.writer.GroupWriter`, so that they
join the next group commit.
"""
