"""Stage 5: evaluation and benchmarks; drives `assistant` exactly as a user would."""
