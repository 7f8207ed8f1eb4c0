import tomllib
from pathlib import Path

from studio.cards.richtext import Segment, Style, Unsupported, parse, write

ROOT = Path(__file__).resolve().parents[2] / "templates" / "cards"


def _bundled_sources() -> list[tuple[str, str]]:
    """(template id, source) of every bundled text box and .j2 file."""
    found = []
    for folder in sorted(ROOT.iterdir()):
        if not (folder / "template.toml").exists():
            continue
        data = tomllib.loads((folder / "template.toml").read_text())
        found += [(folder.name, t["text"]) for p in data.get("panels", []) for t in p.get("texts", [])
                  if t.get("text")]
        found += [(folder.name, f.read_text()) for f in folder.glob("*.j2")]
    return found


def test_every_bundled_box_shows_in_the_visual_editor_and_writes_back_the_same():
    sources = _bundled_sources()
    assert len(sources) > 40
    for template, source in sources:
        segments = parse(source)
        assert not isinstance(segments, Unsupported), (template, source)
        assert write(segments) == source


def test_chips_conditions_and_bold_colour_runs():
    segs = parse('Dear {{ contact|friendly }}, <b>hi</b> <font color="#aa0000">x</font>'
                 "{% if contact.spouse %}and {{ contact.spouse }}{% endif %}")
    assert not isinstance(segs, Unsupported)
    assert [s.label for s in segs if s.kind == "field"] == ["Nickname or first name", "Spouse"]
    assert segs[[s.kind for s in segs].index("if")].label == "only when they have a spouse"
    assert Segment("text", "hi", style=Style(bold=True)) in segs
    assert Segment("text", "x", style=Style(color="#aa0000")) in segs
    assert write(segs) == ('Dear {{ contact|friendly }}, <b>hi</b> <font color="#aa0000">x</font>'
                           "{% if contact.spouse %}and {{ contact.spouse }}{% endif %}")


def test_unsupported_constructs_are_reported():
    assert isinstance(parse("{% for x in y %}{{ x }}{% endfor %}"), Unsupported)
    assert isinstance(parse("{{ contact.secret }}"), Unsupported)


def test_a_note_is_a_chip_that_is_written_back_as_it_was():
    source = "{# A milestone age is worth saying out loud. #}\n<b>Happy birthday!</b>"
    segs = parse(source)
    assert not isinstance(segs, Unsupported)
    assert (segs[0].kind, segs[0].label) == ("note", "Note: A milestone age is worth saying out…")
    assert write(segs) == source
