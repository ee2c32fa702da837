"""Throughput and scale benchmarks of ``kg build`` (issue 8); results in benchmarks/RESULTS.md."""
