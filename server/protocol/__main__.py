"""``python -m server.protocol`` prints docs/protocol.md (``make docs`` writes it);
``python -m server.protocol --js`` prints server/console/protocol.js (X5, the browser console)."""

import sys

from server.protocol import render_doc

if sys.argv[1:] == ["--js"]:
    from server.protocol.js import render_js

    print(render_js(), end="")
elif sys.argv[1:]:
    sys.exit("usage: python -m server.protocol [--js]")
else:
    print(render_doc(), end="")
