"""ReportLab drawing: fonts, text fitting, card pages, envelopes, label sheets, page previews."""
