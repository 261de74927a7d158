"""runlift: plan, explain and adapt concurrent training (running + lifting + nutrition)."""

__version__ = "0.1.0"
