"""`aisec bench`: ingest throughput, query latency, memory and load, every figure from one run."""
