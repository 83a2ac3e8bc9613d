"""`ecom mcp`: a Model Context Protocol server over the marts, read-only.

server.py holds the tools; catalog.py reads the marts' and metrics' descriptions from dbt's
artifacts; sql_guard.py decides which SQL may run; reader.py runs it on a read-only connection
with a row limit and a timeout; semantic_tools.py has the metric queries compiled by the
semantic layer (ecom/semantic.py); options.py the limits and address.
"""
