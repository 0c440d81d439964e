"""Speed and scale benchmarks (issue 8): `python -m eval.bench --help`.

Each part prints a table and returns figures that `__main__` writes to one JSON file:
build (by stage, against the embedding model's own encode time), the plain llama-index
pipeline on the same corpus in the same run, query latency and cold start, and
synthetic corpora of 10k to 1M chunks.
"""
