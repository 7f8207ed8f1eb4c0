"""Orders from the back office: what each customer buys and when they will need more."""
