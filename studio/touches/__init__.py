"""Keeping in touch as a daily routine: the touch log, rhythms and who is due for a touch,
and the birthday calls of today and tomorrow. Core only: no store, no Qt."""
