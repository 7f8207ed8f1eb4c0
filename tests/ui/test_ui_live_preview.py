"""The designer's preview renders as the user types: at once, one render in flight, the latest
text wins; its artwork is kept at screen size across renders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image

from studio.render.images import ImageStore
from studio.services import cards
from studio.settings import Settings
from studio.ui.cards.backend import editable_copy
from studio.ui.cards.live_preview import LivePreview, PreviewRequest, preview_edge_px
from studio.ui.jobs import TaskRunner

TODAY = dt.date(2026, 11, 20)


class _Seen:
    def __init__(self) -> None:
        self.messages: list[str | None] = []

    def ready(self, result: object) -> None:
        self.messages.append(result.request.message)  # type: ignore[attr-defined]


def test_keystrokes_render_at_once_and_coalesce_to_the_latest(qtbot, tmp_path: Path) -> None:
    tasks = TaskRunner(tmp_path / "unused.sqlite3")
    preview = LivePreview(tasks)
    seen = _Seen()
    preview.ready.connect(seen.ready)
    template = editable_copy(cards.get_template(None, "new-year-sparkle"))

    def ask(text: str) -> None:
        preview.request(PreviewRequest(template=template, panel="back", contact=None, message=text,
                                       occasion=None, settings=Settings(), today=TODAY, dpi=120.0))

    ask("H")
    assert preview._running  # no waiting for a pause: the first keystroke renders at once
    for length in range(2, 12):
        ask("Hello there"[:length])
    qtbot.waitUntil(lambda: not preview.busy, timeout=20000)
    # One render for the first key, one for the latest text; the keys between were coalesced.
    assert seen.messages == ["H", "Hello there"]
    tasks.shutdown()


def test_a_preview_store_keeps_artwork_at_screen_size(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    Image.new("RGBA", (3000, 2000), "#336699").save(big)
    edge = preview_edge_px(120)
    assert 1000 <= edge <= 1200
    with ImageStore(max_edge_px=edge) as store:
        prepared = store.prepare(big)
        assert max(prepared.width, prepared.height) == edge
        assert store.prepare(big) is prepared  # checked and scaled once
    with ImageStore() as printing:
        assert printing.prepare(big).width == 3000  # print output keeps every pixel
