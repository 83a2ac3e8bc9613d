"""ecom's ingest layer: land the shop's feeds in the lake (a folder or S3) and register Glue.

Storage, landing and the manifest, the source definitions and door checks, the Glue catalog,
the customer API client and the Lambda entry point. It imports nothing of the application
(ecom/), so the Lambda ships this folder alone.
"""
