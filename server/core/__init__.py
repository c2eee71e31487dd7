"""The transport core of the relay: the WebSocket endpoint (sign-in and dispatch), connections,
the bus, the group writer's health, rate and byte limits, plain HTTP routes, metrics and
settings."""
