"""A small HTTP client for Passerelle's v1 API, used by the system tests (crash test, load test).

Only the standard library: the tests must run on a fresh machine with nothing but Python.
"""
from __future__ import annotations

import http.client
import json
import re
import urllib.parse

SEED_CII = "conformance/seeds/fr-cii.xml"
NUMBER_PATTERN = re.compile(rb"(<rsm:ExchangedDocument>\s*<ram:ID>)[^<]*(</ram:ID>)")


# The products the seed invoice's lines cite (BT-155), as the catalogue check wants them synced first.
SEED_PRODUCTS = {
    "PAP-A4": {"name": "Ramette papier A4", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00"},
    "INST-01": {"name": "Installation sur site", "unitCode": "C62", "vatCategory": "S", "vatRate": "20.00"},
}


def invoice_with_number(template: bytes, number: str) -> bytes:
    """The seed French CII invoice with its number (BT-1) replaced."""
    replaced, count = NUMBER_PATTERN.subn(rb"\g<1>" + number.encode() + rb"\g<2>", template, count=1)
    if count != 1:
        raise ValueError("the seed invoice has no rsm:ExchangedDocument/ram:ID")
    return replaced


class Client:
    """One keep-alive connection to one node."""

    def __init__(self, base_url: str, key: str, timeout: float = 30.0):
        parsed = urllib.parse.urlparse(base_url)
        self.host, self.port = parsed.hostname or "127.0.0.1", parsed.port or 80
        self.key, self.timeout = key, timeout
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        """Returns (status, parsed JSON or raw bytes). Raises OSError/HTTPException when the node is down."""
        all_headers = {"Authorization": f"Bearer {self.key}"}
        all_headers.update(headers or {})
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.connection.request(method, path, body=body, headers=all_headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        content_type = response.getheader("Content-Type", "")
        if "json" in content_type and data:
            return response.status, json.loads(data)
        return response.status, data

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def post_invoice(self, payload: bytes, idempotency_key: str):
        return self.request("POST", "/v1/invoices", payload,
                            {"Content-Type": "application/xml", "Idempotency-Key": idempotency_key})

    def sync_seed_products(self):
        """PUTs the seed invoice's products, so that its invoices pass the catalogue check and go to `held`."""
        for code, product in SEED_PRODUCTS.items():
            status, body = self.request("PUT", f"/v1/products/{code}", json.dumps(product).encode(),
                                        {"Content-Type": "application/json"})
            if status not in (200, 201):
                raise RuntimeError(f"PUT /v1/products/{code} answered {status}: {body!r}")

    def list_invoices(self, **filters) -> list[dict]:
        """Every invoice matching the filters, following the cursor."""
        items: list[dict] = []
        cursor = None
        while True:
            query = dict(filters, limit=500)
            if cursor:
                query["cursor"] = cursor
            status, body = self.request("GET", "/v1/invoices?" + urllib.parse.urlencode(query, doseq=True))
            if status != 200:
                raise RuntimeError(f"GET /v1/invoices answered {status}: {body!r}")
            items.extend(body["items"])
            cursor = body.get("next")
            if not cursor:
                return items

    def timeline(self, invoice_id: str) -> dict:
        status, body = self.request("GET", f"/v1/invoices/{invoice_id}/timeline")
        if status != 200:
            raise RuntimeError(f"GET timeline of {invoice_id} answered {status}: {body!r}")
        return body

    def events(self, invoice_id: str) -> list[dict]:
        status, body = self.request("GET", f"/v1/invoices/{invoice_id}/events")
        if status != 200:
            raise RuntimeError(f"GET events of {invoice_id} answered {status}: {body!r}")
        return body["items"] if isinstance(body, dict) else body
