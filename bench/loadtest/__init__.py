"""`make loadtest`: many users at once on the MCP server and the dashboard, measured."""
