"""Build-time tools (data generation); nothing here runs in the worker."""
