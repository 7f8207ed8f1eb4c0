"""The personal touch: the sender's own handwriting and signature on the cards."""
