"""The relay's database: schema, engine, migrations, the group-commit writer and queries."""
