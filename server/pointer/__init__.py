"""The pointer domain (C15): one-time tokens and the picked element sent to the visitor."""
