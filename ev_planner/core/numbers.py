"""Numbers as Dutch documents write them: 18.152 and 36.763,3.

One formatter for everything EV Planner writes in Dutch (decrees, their map's scale bar, the
demo report). It follows the Dutch government style (Rijkshuisstijl, Taaladviesdienst): a
decimal comma and a dot between thousands. A dot rather than a (thin) space because a space
breaks across lines in a Word document and reads as two numbers in a table, while the dot is
what a Dutch reader of a municipal decree expects.

Rounding is half away from zero on the number as written (2,25 to one decimal is 2,3), as a
reader rounds, not the binary half-to-even of Python's ``format``; a value that rounds to zero
loses its minus sign.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional, Union


def dutch_number(value: Union[int, float], decimals: Optional[int] = None) -> str:
    """``value`` with a decimal comma and thousands dots, to ``decimals`` places.

    Without ``decimals`` a number is written as short as it is exact: 250, 12,5, 1.000.
    """
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{value} is not a number that can be written in a document.")
    number = Decimal(value) if isinstance(value, int) else Decimal(repr(float(value)))
    if decimals is None:
        number = number.normalize()
    else:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):,f}"
    return sign + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
