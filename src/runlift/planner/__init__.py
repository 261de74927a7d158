"""runlift.planner."""
