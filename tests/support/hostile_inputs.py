"""Small crafted hostile inputs shared by the core and Processing tests of the "hostile input" issue."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote, quote_plus

from werkzeug import Response

DEEP = 100_000
HUGE = "1234567890" * 40  # a 400-digit integer literal
DELFT = (4.3, 51.95, 4.42, 52.05)


def deep_array(depth: int = DEEP) -> str:
    return "[" * depth + "]" * depth


def location(location_id: str, voltage: str = "230", latitude: str = '"52.0"', extra: str = "") -> str:
    """One OCPI 2.2.1 Location as JSON text, so that literals the json module cannot write fit in."""
    return (
        f'{{"id": "{location_id}", "country_code": "NL", "party_id": "TST", "publish": true,'
        f'"coordinates": {{"latitude": {latitude}, "longitude": "4.36"}}{extra},'
        '"evses": [{"uid": "E1", "status": "AVAILABLE", "connectors": [{"id": "1", "standard": "IEC_62196_T2",'
        f'"power_type": "AC_3_PHASE", "max_voltage": {voltage}, "max_amperage": 16}}]}}]}}'
    )


def cdr(cdr_id: str, energy: str = "10.0") -> str:
    return (
        f'{{"id": "{cdr_id}", "start_date_time": "2026-06-01T09:00:00Z", "end_date_time": "2026-06-01T11:00:00Z",'
        f'"cdr_location": {{"id": "LOC1", "evse_uid": "LOC1-E1"}}, "total_energy": {energy},'
        '"total_time": 2.0, "total_parking_time": 0.5, "last_updated": "2026-06-01T11:05:00Z"}'
    )


def write(path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


ECHO_TOKEN = "Echo/T0ken+S3cret=42?x"  # +, /, = and ? make every encoding differ


def echoed_forms(token: str = ECHO_TOKEN) -> list[str]:
    """The forms a careless server echoes a token back in."""
    raw = token.encode()
    forms = [token, token.upper(), token.lower(), token.swapcase()]
    for data in (raw, b"Token " + raw):
        for encoded in (base64.b64encode(data).decode(), base64.urlsafe_b64encode(data).decode()):
            forms += [encoded, encoded.rstrip("="), encoded.lower(), quote(encoded, safe="")]
    forms += [quote(token), quote(token, safe=""), quote(token, safe="").lower(), quote_plus(token)]
    forms.append("".join(f"%{b:02x}" for b in raw))
    return forms


def leaked(text: str, token: str = ECHO_TOKEN) -> list[str]:
    return [form for form in echoed_forms(token) if form.lower() in text.lower()]


def echo_everything(request) -> Response:
    """An error answer that echoes the token in the reason phrase and the body, in every form."""
    echo = " ".join([*echoed_forms(), request.headers.get("Authorization", "").swapcase()])
    body = json.dumps({"status_code": 2001, "status_message": "invalid token " + echo, "data": None})
    return Response(body, status=f"503 Bad token {echo}", headers={"Retry-After": "0"})
