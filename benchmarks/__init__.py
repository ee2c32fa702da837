"""Quality and speed harnesses for claimgraph; results are recorded in benchmarks/RESULTS.md."""
