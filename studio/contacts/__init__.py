"""vCard in and out: reading real phone and e-mail-client exports into `Contact`s, merging, exporting."""
