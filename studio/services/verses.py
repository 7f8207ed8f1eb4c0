"""The verse library for the CLI and the desktop: verses for a template, by tone and words."""

from __future__ import annotations

from studio.errors import UsageError
from studio.paths import AppPaths
from studio.services.cards import get_template
from studio.verses.library import TONES, Verse, bundled_verses, card_occasions, find_verses


def verses(*, words: str = "", occasion: str | None = None, tone: str | None = None,
           template_id: str | None = None, paths: AppPaths | None = None) -> list[Verse]:
    """Verses to start a card from: those of ``occasion``, or of ``template_id``'s occasions
    (its first occasion first), or all; of one ``tone``; holding ``words``."""
    if tone is not None and tone not in TONES:
        raise UsageError(f"there is no tone {tone!r}; choose {', '.join(TONES)}")
    library = bundled_verses()
    occasions: list[str] = [occasion] if occasion else []
    if template_id:
        template = get_template(paths, template_id)
        occasions += card_occasions(template.occasions, template.thanks_for)
    found = find_verses(library, words=words, occasions=occasions, tone=tone)
    if occasion and not find_verses(library, occasions=[occasion]):
        known = sorted({v.occasion for v in library})
        raise UsageError(f"the library has no verses for {occasion!r}; it has {', '.join(known)}")
    return found
