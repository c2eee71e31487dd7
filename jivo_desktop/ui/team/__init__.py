"""Equipo: the agents with their live status, and the admin's dialog for an agent's settings."""
