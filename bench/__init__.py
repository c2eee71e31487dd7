"""Benchmarks of the relay against a bare websockets forwarder (``make bench``).

Not part of the pass/fail test run. Every number is reported next to a baseline measured in the
same run; see ``docs/performance.md``.
"""
