"""Who has which occasion when: birthdays, anniversaries, holidays, thank-yous, and their mail-by dates."""
