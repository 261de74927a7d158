"""Use cases shared by the command line and the web app: make a plan, export it, read it back."""
