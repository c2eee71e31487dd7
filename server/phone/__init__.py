"""Teléfono (P1, issue 19): the call log on the relay."""
