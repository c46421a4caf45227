"""Benchmarks of the tenios SDK against the least hand-written httpx + pydantic code.

Run ``python -m benchmarks.run`` (or ``make bench``); ``--quick`` for a smoke run.
"""
