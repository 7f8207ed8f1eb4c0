"""The designer's drafts: each step kept in the data folder, and a crash's draft offered back.

After every step of the history the edited card is written as a draft
(`services.designer_drafts`), or the draft is forgotten when the card is back as saved; a
draft a crash or a kill left is offered back (Restore / Discard) when its template opens.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from studio.services import designer_drafts as drafts
from studio.ui.cards import designer_prompts as prompts

if TYPE_CHECKING:
    from studio.ui.cards.designer import DesignerPage


def keep_draft(page: DesignerPage) -> None:
    """After a step: keep ``page``'s edited card as a draft, or forget it when back to as saved."""
    if page._quiet or page.template is None:
        return
    paths = page._context.paths
    try:
        if page.has_unsaved_edits():
            drafts.save_draft(paths, drafts.draft_of(page.template, page.message_text(), dt.datetime.now()))
        else:
            drafts.discard_draft(paths, page._draft_id)
        page.draft_problem = ""
    except OSError as exc:  # a full disk or a read-only folder: say so, keep editing
        reason = exc.strerror or str(exc)
        page.draft_problem = f"Your changes cannot be kept as a draft ({reason}); save them soon."
        page.status.setText(page.draft_problem)


def offer_draft(page: DesignerPage) -> None:
    """Offer back the draft a crash or a kill left for ``page``'s template, if it changes anything."""
    if page.template is None:
        return
    paths = page._context.paths
    draft = drafts.load_draft(paths, page.template.id)
    if draft is None:
        return
    if not drafts.differs(page.template, draft, page.message_text()):
        drafts.discard_draft(paths, page.template.id)
        return
    template_id = page.template.id

    def answered(answer: str) -> None:
        if page.template is None or page.template.id != template_id:
            return  # another card was opened meanwhile; the draft waits for next time
        if answer == prompts.DRAFT_RESTORE:
            page.restore_draft(draft)
        elif answer == prompts.DRAFT_DISCARD:
            drafts.discard_draft(paths, template_id)
        # DRAFT_KEEP (closed unanswered): the draft stays, and is offered again next time.

    when = prompts.when_text(draft.saved_at, page._context.today())
    page.restore_prompt = prompts.offer_draft(page, page.template.name, when, answered)
