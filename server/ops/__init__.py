"""Running the relay: log bundles sent by the apps (G10) and the one periodic clean-up
(retention)."""
