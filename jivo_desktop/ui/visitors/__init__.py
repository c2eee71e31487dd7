"""Visitantes: who is on the sites now (the page and its table model)."""
