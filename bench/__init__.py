"""Benchmark suite: NLU on held-out data, simulated conversations, load versus stock Rasa.

Run everything from the project root with `.venv/bin/python -m bench.run_all`; see
docs/benchmarks.md for the latest figures.
"""
