"""`make bench`: how long each step of the platform takes, and how much memory, at a given scale,
side by side with the same transform written plainly in pandas; results go to docs/benchmarks.md.

Modules: measure (a command's wall time and peak memory), dataset (the generated sample, split
into history and a held-back day), steps (the measured steps), baseline (the pandas transform),
queries (dashboard queries on the marts vs the raw files), results (the JSON), machine (what
it ran on), report (docs/benchmarks.md, its prose in benchmarks.template.md, and the chart),
__main__ (the command line); loadtest (`make loadtest`: many MCP clients and dashboard
sessions at once, docs/loadtest.md).

A development tool, not part of the installed package: it runs from the repository root
(`python -m bench`) with the dev extra (psutil, matplotlib), and it may import ecom, ingest and
dashboard, which import nothing from it.
"""
