"""The designer's "Save as my card…": ask a name (knowing which templates exist), then save.

The template ids already taken are read on a pool thread before the dialog opens, and the
card is written on one too; the designer hears back through `DesignerPage.saved_as`.
A save asked for by the leave prompt resumes the leaving once the card is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from studio.cards import CardTemplate
from studio.services.cards import TakenTemplates

if TYPE_CHECKING:
    from studio.ui.cards.designer import DesignerPage


class SaveFlow:
    """Saving ``page``'s card; ``dialog`` is the open "Save as my card" dialog, if any."""

    def __init__(self, page: DesignerPage) -> None:
        self._page = page
        self.dialog: QDialog | None = None
        self.after_save: Callable[[], None] | None = None  # what a save from the leave prompt resumes

    def save_as(self) -> None:
        """Ask for a name (after reading which templates exist, in the background), then save."""
        from studio.ui.cards.backend import taken_templates

        page = self._page
        if page.template is None:
            return
        paths = page._context.paths
        page.save_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            page.save_button.setEnabled(True)
            self.after_save = None
            page._context.errors.show(exc, page)

        page._context.tasks.start(
            lambda _p: taken_templates(paths), on_done=self._ask_name, on_error=failed, name="template ids"
        )

    def _ask_name(self, taken: TakenTemplates) -> None:
        from studio.ui.cards.save_dialog import SaveTemplateDialog

        page = self._page
        page.save_button.setEnabled(True)
        if page.template is None:
            return
        message = page.message.toPlainText().strip()
        name = page.template.name if page.template.source == "user" else f"My {page.template.name}"
        dialog = SaveTemplateDialog(name, bool(message), taken, page.template.id, page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        # Forget it as it closes: it deletes itself, and a stale handle would point at nothing.
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        dialog.rejected.connect(self._cancelled)
        dialog.accepted.connect(
            lambda: self.save(
                dialog.template_id(),
                dialog.name.text().strip(),
                message if dialog.keep_message.isChecked() else None,
            )
        )
        dialog.open()

    def _forget_dialog(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def save(self, template_id: str, name: str, default_message: str | None) -> None:
        """Write the card as the user's template ``template_id`` named ``name``, in the background."""
        from studio.ui.cards.backend import save_user_template

        page = self._page
        template, paths = page.template, page._context.paths
        page.save_button.setEnabled(False)
        page.status.setText("Saving…")
        message = page.message_text()

        def done(saved: CardTemplate) -> None:
            page.save_button.setEnabled(True)
            page.saved_as(saved, message)
            resume, self.after_save = self.after_save, None
            if resume is not None:
                resume()

        def failed(exc: BaseException) -> None:
            page.save_button.setEnabled(True)
            page.status.setText("")
            self.after_save = None
            page._context.errors.show(exc, page)

        page._context.tasks.start(
            lambda _p: save_user_template(
                template, paths, template_id=template_id, name=name, default_message=default_message
            ),
            on_done=done,
            on_error=failed,
            name="save template",
        )

    def _cancelled(self) -> None:
        self.after_save = None  # no card saved: stay in the designer
