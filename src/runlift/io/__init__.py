"""runlift.io."""
