"""Card templates: finding and checking them, the sandboxed Jinja, the context and filters.

    catalog = find_templates(paths)                  # bundled + user templates, checked
    template = catalog.templates["holiday-snow"]
    layout = fill_for_contact(template, contact, settings, today=today)   # -> CardLayout

A template is a folder (templates/cards/README.md documents the format); every
mistake in it is reported as a `TemplateError` listing ``FILE:LINE: message`` lines.
"""

from studio.cards.catalog import Catalog, bundled_templates_dir, find_templates, load_template, save_template
from studio.cards.context import REQUIREMENTS, CardContext, describe_missing
from studio.cards.errors import TemplateError
from studio.cards.fill import card_context, fill_card, fill_for_contact, missing_fields, suggested_openings
from studio.cards.occasion import OccasionDating, occasion_for
from studio.cards.sample import load_sample
from studio.cards.spec import CardTemplate, ImageSpec, PanelSpec, TextSpec
from studio.cards.validate import compile_template

__all__ = [
    "REQUIREMENTS", "CardContext", "CardTemplate", "Catalog", "ImageSpec", "OccasionDating", "PanelSpec",
    "TemplateError", "TextSpec", "bundled_templates_dir", "card_context", "compile_template",
    "describe_missing", "fill_card", "fill_for_contact", "find_templates", "load_sample", "load_template",
    "missing_fields", "occasion_for", "save_template", "suggested_openings",
]
