"""Use cases shared by the command line and the web app: make a plan, export it, read it back.

Below the entry points and above everything else: it may import the report, the
adapters and the core, and reaches storage only through its adapters.
"""
