"""Chats (Centro de Atención): messages, accepting and closing, routing and the ignore ladder,
the archive, drop-outs; the service and its store code."""
