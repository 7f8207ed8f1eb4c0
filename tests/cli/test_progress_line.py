"""The one-line progress display of long CLI commands."""

from __future__ import annotations

import io

from studio.cli.context import CliContext, progress_line
from studio.paths import AppPaths


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _ctx(err: io.StringIO) -> CliContext:
    return CliContext(paths=AppPaths.resolve(db=":memory:"), out=io.StringIO(), err=err)


def test_on_a_terminal_the_line_is_drawn_and_cleared() -> None:
    err = _Terminal()
    with progress_line(_ctx(err)) as progress:
        progress.step(3, 10, "rendering cards")
    assert "3/10 rendering cards" in err.getvalue()
    assert err.getvalue().endswith("\r" + " " * 70 + "\r")


def test_in_a_pipe_or_when_quiet_nothing_is_drawn() -> None:
    for err, enabled in ((io.StringIO(), True), (_Terminal(), False)):
        with progress_line(_ctx(err), enabled=enabled) as progress:
            progress.step(1, 2, "x")
        assert err.getvalue() == ""
