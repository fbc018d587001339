"""Evaluation, apart from the runtime: gold sets, metrics, systems, reports and benchmarks."""
