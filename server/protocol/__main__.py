"""``python -m server.protocol`` prints docs/protocol.md (``make docs`` writes it)."""

from server.protocol import render_doc

print(render_doc(), end="")
