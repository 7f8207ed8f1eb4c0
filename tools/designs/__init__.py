"""One module per bundled template's artwork; `DESIGNS` maps each template id to its maker.

Each module's ``make(slug)`` draws the template's pictures with tools/artwork_canvas.py
and tools/artwork_shapes.py and saves them into templates/cards/<slug>/.
"""

from __future__ import annotations

from collections.abc import Callable

from designs import (
    birthday_balloons,
    birthday_photo,
    customer_anniversary,
    holiday_snow,
    new_year_sparkle,
    thank_you_order,
    thank_you_photo,
    thank_you_postcard,
    thanksgiving_leaves,
    thinking_of_you,
    welcome_arches,
)

DESIGNS: dict[str, Callable[[str], None]] = {
    "thank-you-order": thank_you_order.make,
    "birthday-balloons": birthday_balloons.make,
    "holiday-snow": holiday_snow.make,
    "new-year-sparkle": new_year_sparkle.make,
    "thanksgiving-leaves": thanksgiving_leaves.make,
    "customer-anniversary": customer_anniversary.make,
    "welcome-arches": welcome_arches.make,
    "thinking-of-you": thinking_of_you.make,
    "thank-you-postcard": thank_you_postcard.make,
    "birthday-photo": birthday_photo.make,
    "thank-you-photo": thank_you_photo.make,
}
