"""The Cards view: the gallery model, the designer's live preview, moving boxes, saving."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from studio.cards import load_template


def _open_cards(qtbot, open_app, seed, person):  # noqa: ANN001, ANN202
    ids = seed(person("Zoë", "Ångström-Núñez", birthday="1986-12-14"))
    window, context = open_app()
    view = window.show_view("cards")
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    return window, context, view, ids


def test_gallery_model_lists_templates_with_thumbnails(qtbot, qtmodeltester, open_app, seed, person) -> None:
    window, context, view, _ = _open_cards(qtbot, open_app, seed, person)
    model = view.gallery.model
    assert model.rowCount() >= 1
    qtmodeltester.check(model)
    qtmodeltester.check(view.gallery.proxy)
    for row in range(model.rowCount()):  # ask for every thumbnail, as the list view would
        model.index(row).data(Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: model.thumbnails_ready() == model.rowCount(), timeout=60000)
    # Cached on disk: the second look needs no rendering.
    assert list((context.paths.data_dir / "cache" / "thumbnails").glob("*.png"))
    # Filtering by occasion keeps only suited templates.
    birthday = [
        model.template(r).id for r in range(model.rowCount()) if "birthday" in model.template(r).occasions
    ]
    view.gallery.choose_occasion("birthday")
    shown = [
        view.gallery.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
        for r in range(view.gallery.proxy.rowCount())
    ]
    assert set(birthday) <= set(shown) and len(shown) < model.rowCount() + 1


def _designer_on_message_panel(qtbot, view, contact_id):  # noqa: ANN001, ANN202
    template = next(t for t in view.templates if "birthday" in t.occasions)
    view.open_designer(template, contact_id, "birthday")
    designer = view.designer
    qtbot.waitUntil(lambda: designer.contact is not None and designer.last_result is not None, timeout=30000)
    # The panel whose text uses the personal message.
    for index in range(designer.tabs.count()):
        panel = designer.template.panel(designer.tabs.tabData(index))
        if any("message" in box.text for box in panel.texts):
            designer.tabs.setCurrentIndex(index)
            break
    qtbot.waitUntil(lambda: designer.last_result is not None and not designer.preview.busy, timeout=30000)
    return designer


def _wait_for_message_render(qtbot, designer) -> None:  # noqa: ANN001
    """Until the preview shows the message just set."""
    qtbot.waitUntil(
        lambda: (
            not designer.preview.busy
            and designer.last_result is not None
            and designer.last_result.request.message is not None
        ),
        timeout=20000,
    )


def test_designer_preview_follows_typing(qtbot, open_app, seed, person) -> None:
    window, context, view, ids = _open_cards(qtbot, open_app, seed, person)
    designer = _designer_on_message_panel(qtbot, view, ids[0])
    before = designer.last_result.image
    renders = designer.preview.renders
    qtbot.keyClicks(designer.message, "Thank you for being with us!")  # QTest types ASCII only
    # Debounced: one render for the whole burst of typing, a fraction of a second later.
    qtbot.waitUntil(lambda: designer.preview.renders > renders and not designer.preview.busy, timeout=10000)
    assert designer.preview.renders - renders <= 2
    result = designer.last_result
    assert result.request.message == "Thank you for being with us!"
    assert result.request.contact.name == "Zoë Ångström-Núñez"
    assert result.image != before  # the picture changed with the words


def test_overflowing_text_is_flagged(qtbot, open_app, seed, person) -> None:
    window, context, view, ids = _open_cards(qtbot, open_app, seed, person)
    designer = _designer_on_message_panel(qtbot, view, ids[0])
    designer.message.setPlainText("Thank you so much for everything this year. " * 40)
    _wait_for_message_render(qtbot, designer)
    flagged = {name: item.flag for name, item in designer.canvas.boxes.items() if item.flag}
    assert "overflow" in flagged.values()
    assert "does not fit" in designer.fit_label.text()


def test_characters_no_font_has_are_flagged_not_called_shrunk(qtbot, open_app, seed, person) -> None:
    window, context, view, ids = _open_cards(qtbot, open_app, seed, person)
    designer = _designer_on_message_panel(qtbot, view, ids[0])
    designer.message.setPlainText("शुभ जन्मदिन! Have a lovely day.")
    _wait_for_message_render(qtbot, designer)
    text = designer.fit_label.text()
    assert "cannot be printed" in text and "शु" in text and "shrunk" not in text
    assert "overflow" in {item.flag for item in designer.canvas.boxes.values() if item.flag}


def test_boxes_move_and_resize_with_the_mouse_and_save_as_user_template(
    qtbot, open_app, seed, person, app_paths
) -> None:
    window, context, view, ids = _open_cards(qtbot, open_app, seed, person)
    template = next(t for t in view.templates if "birthday" in t.occasions)
    view.open_designer(template, None, None)
    designer = view.designer
    qtbot.waitUntil(lambda: designer.last_result is not None, timeout=30000)
    canvas = designer.canvas
    name, item = next(iter(canvas.boxes.items()))
    start = item.rect_mm()
    # Drag the box 4 mm sideways (where there is room on the panel) and 5 mm up.
    dx = -4.0 if start.x() >= 4 else 4.0
    dy = -5.0
    centre = canvas.mapFromScene(start.center())
    target = canvas.mapFromScene(start.center().x() + dx, start.center().y() + dy)
    QTest.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseMove(canvas.viewport(), QPoint((centre.x() + target.x()) // 2, (centre.y() + target.y()) // 2))
    QTest.mouseMove(canvas.viewport(), target)
    QTest.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    moved = next(t for t in designer.template.panel(designer.panel).texts if t.name == name)
    assert abs(moved.x - (start.x() + dx)) < 1.0 and abs(moved.y - (start.y() + dy)) < 1.0
    assert designer.box_editor.spec().name == name  # the click selected it
    # Resize with the editor: the canvas outline follows.
    designer.box_editor.width.setValue(40.0)
    assert abs(canvas.boxes[name].rect_mm().width() - 40.0) < 0.01
    designer.box_editor.set_colour("#123456")
    qtbot.waitUntil(lambda: not designer.preview.busy, timeout=20000)

    designer._save("my-birthday", "My birthday card", "Many happy returns!")
    qtbot.waitUntil(lambda: designer.template.id == "my-birthday", timeout=30000)
    saved = load_template(app_paths.data_dir / "templates" / "cards" / "my-birthday")
    box = next(t for t in saved.panel(designer.panel).texts if t.name == name)
    assert (round(box.x), round(box.width), box.color) == (round(moved.x), 40, "#123456")
    assert saved.message == "Many happy returns!" and saved.source == "user"
    qtbot.waitUntil(lambda: any(t.id == "my-birthday" for t in view.templates), timeout=30000)


def test_box_item_geometry_signal(qtbot, styled_app) -> None:
    from studio.cards import TextSpec
    from studio.ui.cards.canvas import PanelCanvas

    canvas = PanelCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(500, 600)
    canvas.set_panel(108, 140, [TextSpec("greeting", 10, 20, 80, 30)])
    item = canvas.boxes["greeting"]
    item.setPos(200, -50)  # outside the panel: kept on it
    assert item.rect_mm() == QRectF(28, 0, 80, 30)


def test_the_designer_says_when_artwork_reaches_the_paper_edge(qtbot, open_app, seed, person) -> None:
    window, context, view, ids = _open_cards(qtbot, open_app, seed, person)
    designer = _designer_on_message_panel(qtbot, view, ids[0])
    # A2 cards are half a Letter sheet: their background runs to the paper's edge.
    assert "Printing: the artwork of the" in designer.fit_label.text()
    assert "borderless printing is needed" in designer.fit_label.text()
