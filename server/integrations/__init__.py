"""Integrations with other systems: outgoing webhooks (K3)."""
