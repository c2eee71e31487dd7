"""Services hold the app's logic and state and talk to the relay, the local store and the OS.
They emit Qt signals; widgets only show state and call them."""
