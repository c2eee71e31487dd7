"""Teléfono (P1): the dialer page."""
