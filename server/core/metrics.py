"""Prometheus metrics of one relay (its own registry, so several relays share a process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.connections = Gauge(
            "jivo_connections", "Open authenticated connections", ["role"], registry=self.registry
        )
        self.messages = Counter(
            "jivo_messages", "Chat messages stored", ["author"], registry=self.registry
        )
        self.errors = Counter(
            "jivo_errors", "Error frames sent, by code", ["code"], registry=self.registry
        )
        self.delivery_latency = Histogram(
            "jivo_delivery_latency_seconds",
            "From a message frame's arrival to its push to the recipients' connections",
            buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
            registry=self.registry,
        )
        self.commit_batch = Histogram(
            "jivo_commit_batch_size",
            "Writes per group commit",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512),
            registry=self.registry,
        )
        for role in ("agent", "visitor"):
            self.connections.labels(role)

    def render(self) -> bytes:
        return generate_latest(self.registry)
