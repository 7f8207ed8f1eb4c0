"""Use cases: one function per thing a user does. The CLI and the app both call these."""
