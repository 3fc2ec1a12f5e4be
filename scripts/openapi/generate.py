#!/usr/bin/env python3
"""Writes openapi/passerelle-v1.json, the OpenAPI 3.1 document of the v1 API (Sources/Server/API).

The canonical JSON invoice schema and example are the JSON codec's (openapi/schemas/Invoice.json,
openapi/examples/invoice.json): they are inlined here when present, so that the one file the server serves at
/openapi.json is complete. Run it after changing a route, a DTO or the invoice schema; conformance/test_openapi.py
fails when the committed document is not this script's output.

    python3 scripts/openapi/generate.py           # writes the document
    python3 scripts/openapi/generate.py --check   # exit 1 when the committed document is out of date
"""
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUTPUT = os.path.join(ROOT, "openapi", "passerelle-v1.json")
INVOICE_SCHEMA = os.path.join(ROOT, "openapi", "schemas", "Invoice.json")
INVOICE_EXAMPLE = os.path.join(ROOT, "openapi", "examples", "invoice.json")
PROBLEM_BASE = "https://passerelle.dev/problems/"


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def string(description=None, **extra):
    schema = {"type": "string", **extra}
    if description:
        schema["description"] = description
    return schema



def obj(properties, required=(), description=None, additional=False):
    schema = {"type": "object", "properties": properties, "additionalProperties": additional}
    if required:
        schema["required"] = list(required)
    if description:
        schema["description"] = description
    return schema


def array(items, description=None):
    schema = {"type": "array", "items": items}
    if description:
        schema["description"] = description
    return schema


DECIMAL = string("An exact decimal number, as a string: \"1234.50\".", pattern=r"^-?[0-9]+(\.[0-9]+)?$")
DATE = string("A calendar date, YYYY-MM-DD.", format="date")
TIMESTAMP = string("A time in ISO 8601 UTC with milliseconds.", format="date-time")
INVOICE_STATES = ["received", "checked", "rendered", "archived", "held", "submitted", "rejected"]
SCOPES = {
    "invoices:write": "Send invoices and batches.",
    "invoices:read": "Read invoices, their events and documents, batches, invoice changes.",
    "masterdata:write": "Write customers, products and price lists.",
    "masterdata:read": "Read master data and master-data changes.",
    "admin": "Keys, webhooks, settings, jobs, audit; implies every other scope of the tenant.",
}
EVENT_TYPES = ["invoice.received", "invoice.checked", "invoice.rejected", "invoice.rendered", "invoice.archived",
               "invoice.held", "invoice.submitted", "invoice.status", "job.parked", "job.replayed"]


def schemas(invoice_schema):
    finding = obj({
        "ruleID": string("The rule: `BR-CO-10`, `BR-FR-12`, `CAT-PRODUCT-UNKNOWN`…"),
        "severity": string(enum=["fatal", "warning"]),
        "terms": array(string(), "The business terms concerned, e.g. BT-146."),
        "message": obj({"en": string(), "fr": string()}, ["en", "fr"], "What is wrong and what to fix."),
        "location": obj({
            "path": string("A term path (`BG-25[0]/BT-146`) or an XPath into the original document."),
            "line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1},
        }, ["path"]),
    }, ["ruleID", "severity", "terms", "message"], "A validation finding (EN 16931, BR-FR or catalogue).")
    field_problem = obj({
        "field": string("The JSON path of the field (`entries[2].unitPrice`), or the query parameter."),
        "message": string(),
    }, ["field", "message"])
    problem = obj({
        "type": string("A URI naming the kind of problem.", format="uri"),
        "title": string(), "status": {"type": "integer"},
        "detail": string("What happened and what to do."),
        "instance": string("The request path."),
        "findings": array(ref("Finding"), "The invoice's findings, for rejected invoices."),
        "errors": array(ref("FieldProblem"), "Field problems, for invalid bodies and parameters."),
        "existingID": string("The existing resource the request conflicts with or created (a rejected invoice)."),
        "currentVersion": {"type": "integer", "description": "For 412: the current version."},
    }, ["type", "title", "status"], "An RFC 9457 problem. No stack trace and no SQL, ever.", additional=False)
    links = obj({"self": string(), "events": string(), "documents": string(), "statuses": string()},
                ["self", "events", "documents", "statuses"])
    invoice_resource = obj({
        "id": string("The gateway's id of the invoice (a UUID)."),
        "number": string("BT-1, the ERP's invoice number."),
        "seller": string("The seller identity of the document key: SIREN, else VAT id, else name."),
        "state": string(enum=INVOICE_STATES),
        "version": {"type": "integer"},
        "sourceFormat": string(enum=["json", "cii", "ubl", "facturx"]),
        "issueDate": DATE, "buyerName": string("BT-44"), "customerCode": string("BT-46, the master-data code."),
        "currencyCode": string("BT-5"), "totalWithVAT": {**DECIMAL, "description": "BT-112, exact."},
        "findings": array(ref("Finding")), "batchID": string(), "idempotencyKey": string(),
        "createdAt": TIMESTAMP, "updatedAt": TIMESTAMP,
        "lifecycle": {**ref("Lifecycle"), "description": "Where it stands; absent before its first status."},
        "payments": {**ref("Payments"), "description": "What was paid; absent before its first status."},
        "links": links,
    }, ["id", "number", "seller", "state", "version", "sourceFormat", "buyerName", "currencyCode", "findings",
        "createdAt", "updatedAt", "links"], "An invoice as the gateway keeps it.")
    event = obj({
        "sequence": {"type": "integer"}, "type": string("e.g. invoice.received, invoice.checked, invoice.held."),
        "state": string(enum=INVOICE_STATES), "actor": string("An API key id, `pipeline` or `platform`."),
        "message": string(), "detail": {"description": "Details recorded with the event, as JSON."},
        "occurredAt": TIMESTAMP,
    }, ["type", "state", "actor", "message", "occurredAt"])
    document = obj({
        "kind": string(enum=["original", "cii", "ubl", "facturx", "cdar", "payment", "platform-receipt"]),
        "name": string("Unique per invoice: the kind, or `cdar-<code>-<status id>` for a lifecycle message."),
        "mediaType": string(), "sha256": string(pattern="^[0-9a-f]{64}$"), "size": {"type": "integer"},
        "createdAt": TIMESTAMP, "link": string(),
    }, ["kind", "name", "mediaType", "sha256", "size", "createdAt", "link"])
    batch_item = obj({
        "invoice": {**ref("Invoice"), "description": "A canonical JSON invoice."},
        "payload": string("Any invoice file (CII, UBL, Factur-X, JSON) in base64.", contentEncoding="base64"),
        "idempotencyKey": string(minLength=1, maxLength=255),
    })
    batch_request = {
        "description": "An array of canonical JSON invoices, or {items: [...]} with an idempotency key per item.",
        "oneOf": [
            array(ref("Invoice")),
            obj({"items": array(batch_item)}, ["items"]),
        ],
    }
    batch_receipt = obj({
        "id": string("The batch id (`bat_…`)."), "total": {"type": "integer"}, "created": {"type": "integer"},
        "existing": {"type": "integer"}, "refused": {"type": "integer"},
        "items": array(obj({
            "index": {"type": "integer"},
            "status": string(enum=["created", "existing", "refused"]),
            "invoice": ref("InvoiceResource"), "problem": ref("Problem"),
        }, ["index", "status"])),
        "links": obj({"progress": string()}, ["progress"]),
    }, ["id", "total", "created", "existing", "refused", "items", "links"])
    batch_progress = obj({
        "id": string(), "total": {"type": "integer"}, "done": {"type": "integer"}, "complete": {"type": "boolean"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"},
                   "description": "Invoices per state."},
    }, ["id", "total", "done", "complete", "counts"])
    master_common = {
        "active": {"type": "boolean", "description": "False once the ERP deleted it; true when absent."},
        "version": {"type": "integer", "readOnly": True, "description": "Ignored in requests; also the ETag."},
        "expectedVersion": {"type": "integer", "minimum": 0, "writeOnly": True,
                            "description": "Bulk writes: the version the item must be at (0 = must not exist)."},
    }
    customer = obj({
        "code": string("The ERP's customer code (BT-46); the path's code when absent."),
        "name": string("BT-44"), "siren": string("BT-47, 9 digits.", pattern="^[0-9]{9}$"),
        "siret": string("14 digits, starting with the SIREN.", pattern="^[0-9]{14}$"),
        "vatIdentifier": string("BT-48"),
        "address": obj({"line1": string("BT-50"), "line2": string("BT-51"), "city": string("BT-52"),
                        "postCode": string("BT-53"), "countryCode": string("BT-55, ISO 3166-1 alpha-2.")},
                       ["countryCode"]),
        "electronicAddress": string("BT-49, the directory's addressing identifier.", maxLength=125),
        "electronicAddressScheme": string("BT-49-1, e.g. 0225."), "routingCode": string(),
        "preferredFormat": string(enum=["cii", "ubl", "facturx"]), "priceGroup": string(),
        "receivingPlatform": obj({"type": string("Directory platformType: WK an accredited platform (PA), DFH the PPF."),
                                  "identifier": string("The platform's identifier, when the directory gives one.")},
                                 ["type"], "Written by the directory lookup before sending (docs/directory.md)."),
        **master_common,
    }, ["name"], "A customer (buyer) kept identical with the ERP.")
    product = obj({
        "code": string("BT-155, the code invoice lines cite."), "name": string("BT-153"),
        "unitCode": string("BT-130, UN/ECE Rec 20, e.g. C62."),
        "vatCategory": string("BT-151", enum=["S", "Z", "E", "AE", "K", "G", "O", "L", "M"]),
        "vatRate": {**DECIMAL, "description": "BT-152, percent."}, **master_common,
    }, ["name", "unitCode", "vatCategory"], "A product or service of the catalogue.")
    price_list = obj({
        "code": string(), "customerCode": string("The customer the prices are for."),
        "customerGroup": string("The customer group (priceGroup) the prices are for."),
        "currencyCode": string("BT-5; EUR when absent."), "validFrom": DATE, "validTo": DATE,
        "entries": array(obj({"productCode": string("BT-155"),
                              "unitPrice": {**DECIMAL, "description": "BT-146 per baseQuantity."},
                              "baseQuantity": {**DECIMAL, "description": "BT-149; 1 when absent."}},
                             ["productCode", "unitPrice"])),
        **master_common,
    }, [], "Agreed prices for one customer, one group or everyone.")
    bulk_result = obj({
        "total": {"type": "integer"}, "written": {"type": "integer"}, "invalid": {"type": "integer"},
        "stale": {"type": "integer"},
        "items": array(obj({
            "index": {"type": "integer"}, "code": string(),
            "status": string(enum=["written", "invalid", "stale"]), "version": {"type": "integer"},
            "currentVersion": {"type": "integer"}, "errors": array(ref("FieldProblem")),
        }, ["index", "status"])),
    }, ["total", "written", "invalid", "stale", "items"])
    change = obj({
        "sequence": {"type": "integer"},
        "subject": string(enum=["customer", "product", "price-list", "invoice", "payment"]),
        "key": string("The master-data code or the invoice id."), "version": {"type": "integer"},
        "change": string("e.g. upserted, deactivated, state:checked, status:205, payment:212."),
        "occurredAt": TIMESTAMP,
    }, ["sequence", "subject", "key", "version", "change", "occurredAt"])
    change_page = obj({
        "items": array(ref("Change")),
        "next": string("Pass it as `since` to read what comes after, now or later."),
        "hasMore": {"type": "boolean"},
    }, ["items", "next", "hasMore"])
    job = obj({
        "id": string(), "kind": string(enum=["check", "render", "archive", "dispatch", "webhook", "platformStatus"]), "invoiceID": string(),
        "state": string(enum=["pending", "running", "done", "parked"]), "attempts": {"type": "integer"},
        "maxAttempts": {"type": "integer"}, "runAt": TIMESTAMP, "lastError": string(),
        "createdAt": TIMESTAMP, "updatedAt": TIMESTAMP,
    }, ["id", "kind", "state", "attempts", "maxAttempts", "runAt", "createdAt", "updatedAt"])
    webhook = obj({
        "id": string(), "url": string(format="uri"), "eventTypes": array(string()), "active": {"type": "boolean"},
        "createdAt": TIMESTAMP,
        "secret": string("The HMAC key of Passerelle-Signature: only in the answer that creates it."),
    }, ["id", "url", "eventTypes", "active", "createdAt"])
    webhook_create = obj({
        "url": string("An absolute http or https URL.", format="uri"),
        "eventTypes": array(string(enum=["*"] + EVENT_TYPES), "Event types, or * for all."),
    }, ["url", "eventTypes"])
    delivery = obj({
        "id": string(), "subscriptionID": string(), "eventType": string(),
        "state": string(enum=["pending", "delivered", "dead-lettered"]), "attempts": {"type": "integer"},
        "lastStatusCode": {"type": "integer"}, "lastError": string(), "createdAt": TIMESTAMP,
        "updatedAt": TIMESTAMP,
    }, ["id", "subscriptionID", "eventType", "state", "attempts", "createdAt", "updatedAt"])
    api_key = obj({
        "id": string("The public part, `key_…`."), "name": string(), "scopes": array(string(enum=list(SCOPES))),
        "rateLimitPerSecond": {"type": "integer"}, "createdAt": TIMESTAMP, "revokedAt": TIMESTAMP,
        "secret": string("The key for `Authorization: Bearer`: only in the answer that creates it."),
    }, ["id", "name", "scopes", "createdAt"])
    api_key_create = obj({
        "name": string(minLength=1, maxLength=100), "scopes": array(string(enum=list(SCOPES))),
        "rateLimitPerSecond": {"type": "integer", "minimum": 1, "maximum": 100000},
    }, ["name", "scopes"])
    audit = obj({
        "sequence": {"type": "integer"}, "actor": string(), "action": string("e.g. invoice.create, apikey.revoke."),
        "target": string(), "requestID": string(), "outcome": string(), "occurredAt": TIMESTAMP,
    }, ["actor", "action", "target", "outcome", "occurredAt"])
    settings = obj({
        "catalogue": obj({name: {"type": "boolean"} for name in [
            "rejectUnknownProduct", "rejectInactiveProduct", "rejectVATMismatch", "rejectPriceMismatch"]},
            ["rejectUnknownProduct", "rejectInactiveProduct", "rejectVATMismatch", "rejectPriceMismatch"],
            "Which catalogue checks stop an invoice."),
        "frenchRules": {"type": "boolean", "description": "Apply BR-FR on top of EN 16931."},
        "dryRun": {"type": "boolean", "description": "Never hand anything to a platform."},
    }, ["catalogue", "frenchRules", "dryRun"])

    def page(item, paged=True):
        properties = {"items": array(ref(item))}
        if paged:
            properties["next"] = string("The cursor of the next page; absent on the last page.")
        return obj(properties, ["items"])

    result = {
        "Problem": problem, "FieldProblem": field_problem, "Finding": finding,
        "InvoiceResource": invoice_resource, "InvoicePage": page("InvoiceResource"),
        "InvoiceEvent": event, "InvoiceEventList": page("InvoiceEvent", False),
        "Document": document, "DocumentList": page("Document", False),
        "BatchRequest": batch_request, "BatchReceipt": batch_receipt, "BatchProgress": batch_progress,
        "Customer": customer, "CustomerPage": page("Customer"), "Product": product, "ProductPage": page("Product"),
        "PriceList": price_list, "PriceListPage": page("PriceList"), "BulkResult": bulk_result,
        "Change": change, "ChangePage": change_page, "Job": job, "JobList": page("Job", False),
        "Webhook": webhook, "WebhookCreate": webhook_create, "WebhookList": page("Webhook", False),
        "WebhookDelivery": delivery, "WebhookDeliveryList": page("WebhookDelivery", False),
        "APIKey": api_key, "APIKeyCreate": api_key_create, "APIKeyList": page("APIKey", False),
        "AuditEntry": audit, "AuditPage": page("AuditEntry"), "Settings": settings,
    }
    result.update(timeline_schemas())
    result.update(lifecycle_schemas())
    clashes = set(result) & set(invoice_schema)
    if clashes:
        raise SystemExit(f"the invoice schema's definitions clash with the API's schemas: {sorted(clashes)}")
    result.update(invoice_schema)
    return result


def invoice_schemas():
    """The JSON codec's Invoice schema with its $defs hoisted into components (named Invoice…), or a placeholder
    until it exists."""
    if not os.path.exists(INVOICE_SCHEMA):
        return {"Invoice": {
            "type": "object",
            "description": "TODO(json merge): the canonical JSON invoice; replaced by openapi/schemas/Invoice.json "
                           "when the JSON codec lands (scripts/openapi/generate.py inlines it)."}}
    with open(INVOICE_SCHEMA, encoding="utf-8") as handle:
        schema = json.load(handle)
    definitions = schema.pop("$defs", {})
    schema.pop("$schema", None)
    schema.pop("$id", None)

    names = {name: name if name.startswith("Invoice") else "Invoice" + name for name in definitions}

    def rewrite(node):
        if isinstance(node, dict):
            result = {}
            for key, value in node.items():
                if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                    result[key] = "#/components/schemas/" + names[value[len("#/$defs/"):]]
                else:
                    result[key] = rewrite(value)
            return result
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    result = {"Invoice": rewrite(schema)}
    for name, definition in definitions.items():
        result[names[name]] = rewrite(definition)
    return result


def invoice_example():
    if not os.path.exists(INVOICE_EXAMPLE):
        return {"number": "FA-2026-00042", "issueDate": "2026-11-02", "currencyCode": "EUR",
                "TODO": "the full example arrives with the JSON codec (openapi/examples/invoice.json)"}
    with open(INVOICE_EXAMPLE, encoding="utf-8") as handle:
        return json.load(handle)


PROBLEMS = {
    "400": ("Bad request: malformed JSON, an unknown or invalid query parameter, an unreadable invoice.",
            "Invalid query parameter", "limit: expected a whole number from 1 to 500, got \"5000\"."),
    "401": ("No valid credentials.", "Authentication required",
            "Send an API key as `Authorization: Bearer <key>` or an OAuth2 access token."),
    "403": ("The key lacks the scope this call needs.", "Missing scope",
            "This call needs the scope invoices:write; the key has invoices:read."),
    "404": ("Not found in the caller's tenant (another tenant's resources are never revealed).", "Not found",
            "No invoice 3f1c… in this tenant."),
    "409": ("Conflicts with an existing resource or state.", "Conflicts with an existing invoice",
            "The Idempotency-Key \"erp-42\" was already used for another payload (invoice 3f1c…)."),
    "412": ("Stale write: If-Match names another version than the current one.", "Stale write",
            "The resource is at version 4; read it again and retry with If-Match: \"4\"."),
    "413": ("The body, or the number of items, exceeds the limit.", "Request body too large",
            "The body exceeds the size this server accepts; send smaller requests (split batches)."),
    "415": ("The Content-Type is not one this call takes, or does not match the body.", "Unsupported Content-Type",
            "POST /v1/invoices takes application/json, application/xml, application/pdf or multipart/form-data."),
    "422": ("The body is well-formed but invalid: field problems, or invoice findings.", "Invalid request body",
            "siren: a SIREN has 9 digits, got \"12345\"."),
    "428": ("This write must be conditional: send If-Match.", "If-Match required",
            "Send the ETag of GET /v1/settings as If-Match."),
    "503": ("The database is unavailable, or the server is shutting down; retry later.", "Storage unavailable",
            "The database is unavailable; retry in a few seconds."),
}


def responses_components():
    result = {}
    for status, (description, title, detail) in PROBLEMS.items():
        example = {"type": PROBLEM_BASE + status, "title": title, "status": int(status), "detail": detail,
                   "instance": "/v1/…"}
        if status == "412":
            example["type"] = PROBLEM_BASE + "stale"
            example["currentVersion"] = 4
        result[status] = {"description": description, "content": {"application/problem+json": {
            "schema": ref("Problem"), "example": example}}}
    result["422Rejected"] = {
        "description": "validate=sync: the invoice was rejected; it is recorded (existingID) and the findings say why.",
        "headers": {"Location": {"schema": string()}},
        "content": {"application/problem+json": {"schema": ref("Problem"), "example": {
            "type": PROBLEM_BASE + "invoice-rejected", "title": "Invoice rejected", "status": 422,
            "detail": "Invoice FA-2026-00042 was rejected with 1 fatal finding(s) (CAT-PRODUCT-UNKNOWN); correct it in the ERP and send it again.",
            "instance": "/v1/invoices", "existingID": "0b7e2a64-6f0e-4c57-9d7e-2f1f8f0c9a11",
            "findings": [{"ruleID": "CAT-PRODUCT-UNKNOWN", "severity": "fatal", "terms": ["BT-155"],
                          "message": {"en": "Line 1 cites product \"REF-9\", which the synced catalogue does not know: sync the product from the ERP or correct the code.",
                                      "fr": "La ligne 1 cite l'article « REF-9 », inconnu du catalogue synchronisé : synchronisez l'article depuis l'ERP ou corrigez le code."},
                          "location": {"path": "BG-25[0]"}}]}}}}
    return result


def parameters_components():
    def query(name, description, schema):
        return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}

    return {
        "Limit": query("limit", "Items per page, 1 to 500 (default 50).",
                       {"type": "integer", "minimum": 1, "maximum": 500, "default": 50}),
        "Cursor": query("cursor", "The `next` of the previous page, as it was given.", string()),
        "InvoiceID": {"name": "id", "in": "path", "required": True, "schema": string(),
                      "description": "The invoice's id."},
        "Code": {"name": "code", "in": "path", "required": True, "schema": string(maxLength=100),
                 "description": "The ERP's code of the item, percent-encoded."},
        "ID": {"name": "id", "in": "path", "required": True, "schema": string()},
        "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": False,
                           "description": "The same key with the same payload is the same request: no second invoice.",
                           "schema": string(minLength=1, maxLength=255)},
        "IfMatch": {"name": "If-Match", "in": "header", "required": False,
                    "description": "The ETag the write was made against (`\"3\"`); a stale one answers 412. `*`: must exist.",
                    "schema": string()},
        "IfNoneMatch": {"name": "If-None-Match", "in": "header", "required": False,
                        "description": "Reads: an ETag already held (answers 304). Writes: `*` = must not exist yet.",
                        "schema": string()},
    }


def problem_refs(*statuses):
    return {status: {"$ref": f"#/components/responses/{status}"} for status in statuses}


def json_body(schema_name, example=None):
    content = {"schema": ref(schema_name)}
    if example is not None:
        content["example"] = example
    return {"required": True, "content": {"application/json": content}}


def json_response(description, schema_name, headers=None, example=None):
    content = {"schema": ref(schema_name)}
    if example is not None:
        content["example"] = example
    response = {"description": description, "content": {"application/json": content}}
    if headers:
        response["headers"] = headers
    return response


ETAG_HEADER = {"ETag": {"description": "The version (`\"3\"`) or the SHA-256 of a document.", "schema": string()}}
LOCATION_HEADER = {"Location": {"schema": string()}}


def operation(operation_id, summary, scope, tag, parameters=(), body=None, responses=None, description=None,
              problems=("400", "401", "403", "503")):
    op = {"operationId": operation_id, "summary": summary, "tags": [tag],
          "security": [{"apiKey": [scope]}, {"oauth2": [scope]}], "x-required-scope": scope}
    if description:
        op["description"] = description
    if parameters:
        op["parameters"] = list(parameters)
    if body:
        op["requestBody"] = body
    merged = dict(responses or {})
    merged.update(problem_refs(*problems))
    op["responses"] = merged
    return op


def p(name):
    return {"$ref": f"#/components/parameters/{name}"}


def qp(name, description, schema, explode=None):
    parameter = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if explode is not None:
        parameter["explode"] = explode
    return parameter


def invoice_paths(example):
    created = {"Location": {"schema": string()}, **ETAG_HEADER}
    post = operation(
        "createInvoice", "Send one invoice", "invoices:write", "Invoices",
        parameters=[p("IdempotencyKey"), {
            "name": "Passerelle-ERP-Reference", "in": "header", "required": False,
            "description": "The ERP's own reference of the invoice (accounting entry, document number), returned with "
                           "each of its payments in the reconciliation feed for lettering. 1 to 255 characters.",
            "schema": string(minLength=1, maxLength=255)}, {
            "name": "Passerelle-Batch", "in": "header", "required": False,
            "description": "The ERP's own batch (run, export) the invoice belongs to; stored as the invoice's batch id "
                           "(`?batch=` filter, routing rules' `batch:` condition). 1 to 128 visible ASCII characters.",
            "schema": string(minLength=1, maxLength=128)}, qp("validate", "`sync`: check now and answer the findings (422 when "
                                               "rejected); `async` (default): check in the pipeline.",
                                            string(enum=["sync", "async"]))],
        body={"required": True, "content": {
            "application/json": {"schema": ref("Invoice"), "examples": {"invoice": {
                "summary": "A French B2B invoice", "value": example}}},
            "application/xml": {"schema": string("CII (D16B/D22B) or UBL 2.1 Invoice/CreditNote XML."),
                                "example": "<rsm:CrossIndustryInvoice …>…</rsm:CrossIndustryInvoice>"},
            "application/pdf": {"schema": string("A Factur-X / ZUGFeRD PDF.", contentMediaType="application/pdf")},
            "multipart/form-data": {"schema": obj({"file": string("The invoice file (JSON, XML or PDF).",
                                                                 contentMediaType="application/octet-stream")},
                                                  ["file"])},
        }},
        responses={
            "202": json_response("A new invoice; its check is queued (or done, with validate=sync).",
                                 "InvoiceResource", created),
            "200": json_response("The same request was taken before: the existing invoice, nothing new.",
                                 "InvoiceResource", created),
            "422": {"$ref": "#/components/responses/422Rejected"},
        },
        description="The body is the canonical JSON invoice, CII or UBL XML, a Factur-X PDF, or a multipart upload "
                    "with a `file` part. The ERP's number is unique per tenant, seller and year: a retried request "
                    "(same Idempotency-Key, or same number with the same content) answers 200 with the same invoice; "
                    "the same key or number with other content answers 409.",
        problems=("400", "401", "403", "409", "413", "415", "503"))
    listing = operation(
        "listInvoices", "List invoices", "invoices:read", "Invoices",
        parameters=[
            qp("state", "Repeatable (or comma-separated): invoices in any of these states.",
               array(string(enum=INVOICE_STATES)), explode=True),
            qp("customer", "The customer code (BT-46).", string()), qp("buyer", "The buyer's name (BT-44).", string()),
            qp("issuedFrom", "BT-2 on or after.", DATE), qp("issuedTo", "BT-2 on or before.", DATE),
            qp("minTotal", "BT-112 at least.", DECIMAL), qp("maxTotal", "BT-112 at most.", DECIMAL),
            qp("batch", "The batch id.", string()),
            qp("contractReference", "BT-12: invoices citing this contract reference, exactly as written in the "
                                    "invoice.", string()),
            qp("orderReference", "BT-13: invoices citing this purchase order reference, exactly as written in the "
                                 "invoice.", string()),
            qp("deliveryReference", "BT-16: invoices citing this despatch advice (the delivery) reference, exactly "
                                    "as written in the invoice.", string()),
            p("Limit"), p("Cursor")],
        responses={"200": json_response("Oldest first; `next` while more follow.", "InvoicePage")})
    one = operation("getInvoice", "Read an invoice", "invoices:read", "Invoices",
                    parameters=[p("InvoiceID"), p("IfNoneMatch")],
                    responses={"200": json_response("The invoice.", "InvoiceResource", ETAG_HEADER),
                               "304": {"description": "Not modified."}},
                    problems=("401", "403", "404", "503"))
    events = operation("listInvoiceEvents", "An invoice's history", "invoices:read", "Invoices",
                       parameters=[p("InvoiceID")],
                       responses={"200": json_response("Every event, in order.", "InvoiceEventList")},
                       problems=("401", "403", "404", "503"))
    timeline = operation(
        "getInvoiceTimeline", "An invoice's audit trail: events, documents and archive entries in time order",
        "invoices:read", "Invoices", parameters=[p("InvoiceID")],
        responses={"200": json_response("The timeline.", "InvoiceTimeline", example=timeline_example())},
        description="One chronological list merging the invoice's events, its stored documents (kind, SHA-256, size, "
                    "media type) and their entries in the legal archive (node journal, sequence, and the signed seal "
                    "covering it once the journal is sealed), with the references the invoice cites (BT-12 contract, "
                    "BT-13 purchase order, BT-16 despatch advice). At the same instant, events come first (in "
                    "sequence), then documents, then archive entries.",
        problems=("401", "403", "404", "503"))
    documents = operation("listInvoiceDocuments", "The documents an invoice has", "invoices:read", "Invoices",
                          parameters=[p("InvoiceID")],
                          responses={"200": json_response("The original and the documents made.", "DocumentList")},
                          problems=("401", "403", "404", "503"))
    document = operation(
        "getInvoiceDocument", "Download a document", "invoices:read", "Invoices",
        parameters=[p("InvoiceID"), {"name": "kind", "in": "path", "required": True,
                                      "description": "original, cii, ubl, facturx, platform-receipt (the platform's answer "
                                                     "to the submission), or the name of a lifecycle message "
                                                     "(cdar-<code>-<status id>, see the statuses) or of a payment "
                                                     "record (payment-<211|212>-<status id>, JSON).",
                                      "schema": string()},
                    p("IfNoneMatch")],
        responses={"200": {"description": "The bytes, with their media type; ETag = SHA-256.",
                           "headers": {**ETAG_HEADER, "Content-Disposition": {"schema": string()}},
                           "content": {"application/xml": {"schema": string()},
                                       "application/pdf": {"schema": string(contentMediaType="application/pdf")},
                                       "application/json": {"schema": {}}}},
                   "304": {"description": "Not modified."}},
        description="404 says which documents the invoice has (the documents are made as it moves on).",
        problems=("401", "403", "404", "503"))
    return {
        "/v1/invoices": {"post": post, "get": listing},
        "/v1/invoices/{id}": {"get": one},
        "/v1/invoices/{id}/events": {"get": events},
        "/v1/invoices/{id}/timeline": {"get": timeline},
        "/v1/invoices/{id}/documents": {"get": documents},
        "/v1/invoices/{id}/documents/{kind}": {"get": document},
    }


def batch_paths(example):
    create = operation(
        "createBatch", "Send many invoices", "invoices:write", "Invoices",
        parameters=[p("IdempotencyKey")],
        body={"required": True, "content": {"application/json": {"schema": ref("BatchRequest"), "examples": {
            "array": {"summary": "An array of JSON invoices", "value": [example]},
            "items": {"summary": "Items with their own idempotency keys",
                      "value": {"items": [{"invoice": example, "idempotencyKey": "erp-42"},
                                          {"payload": "PD94bWwgdmVyc2lvbj0iMS4wIj8+…", "idempotencyKey": "erp-43"}]}},
        }}}},
        responses={"202": json_response("Each item created, existing or refused (with its problem).",
                                        "BatchReceipt", LOCATION_HEADER)},
        description="Items are taken one by one: a refused item never loses the others. At most 5000 items. With an "
                    "Idempotency-Key the batch id is the same when the request is retried.",
        problems=("400", "401", "403", "413", "415", "422", "503"))
    progress = operation("getBatch", "A batch's progress", "invoices:read", "Invoices", parameters=[p("ID")],
                         responses={"200": json_response("Counts per state, done/total.", "BatchProgress")},
                         problems=("401", "403", "404", "503"))
    return {"/v1/batches": {"post": create}, "/v1/batches/{id}": {"get": progress}}


def master_data_paths(resource, schema, label, example):
    tag = "Master data"
    base = f"/v1/{resource}"
    operation_name = schema if schema != "PriceList" else "PriceList"
    etag = {**ETAG_HEADER}
    put = operation(
        f"put{operation_name}", f"Create or replace a {label}", "masterdata:write", tag,
        parameters=[p("Code"), p("IfMatch"), p("IfNoneMatch")], body=json_body(schema, example),
        responses={"201": json_response("Created (version 1).", schema, {**etag, **LOCATION_HEADER}),
                   "200": json_response("Replaced; the version went up.", schema, etag)},
        description="The body's `code`, when given, must be the path's. If-Match makes the write conditional.",
        problems=("400", "401", "403", "412", "413", "415", "422", "503"))
    get = operation(f"get{operation_name}", f"Read a {label}", "masterdata:read", tag,
                    parameters=[p("Code"), p("IfNoneMatch")],
                    responses={"200": json_response("The item and its version.", schema, etag),
                               "304": {"description": "Not modified."}},
                    problems=("401", "403", "404", "503"))
    delete = operation(f"deactivate{operation_name}", f"Deactivate a {label}", "masterdata:write", tag,
                       parameters=[p("Code"), p("IfMatch")],
                       responses={"200": json_response("Deactivated (kept: invoices may cite it).", schema, etag)},
                       problems=("400", "401", "403", "404", "412", "503"))
    listing = operation(f"list{operation_name}s", f"List {label}s", "masterdata:read", tag,
                        parameters=[p("Limit"), p("Cursor")],
                        responses={"200": json_response("Ordered by code.", schema + "Page")})
    bulk = operation(
        f"bulk{operation_name}s", f"Write many {label}s", "masterdata:write", tag,
        body={"required": True, "content": {"application/json": {
            "schema": {"oneOf": [array(ref(schema)), obj({"items": array(ref(schema))}, ["items"])]},
            "example": [example]}}},
        responses={"200": json_response("One result per item, in order.", "BulkResult")},
        description="One transaction; each item is written, invalid or stale on its own. At most 1000 items. A body "
                    "that is neither an array nor {items: [...]} answers 422.",
        problems=("400", "401", "403", "413", "415", "422", "503"))
    return {base: {"get": listing}, base + "/{code}": {"put": put, "get": get, "delete": delete},
            base + ":bulk": {"post": bulk}}


def admin_paths():
    tag = "Administration"
    changes = operation(
        "listChanges", "The change feed", "masterdata:read", "Changes",
        parameters=[qp("since", "The `next` of the previous page; 0 or absent from the start.", string(pattern="^[0-9]+$")),
                    qp("limit", "1 to 1000 (default 100).", {"type": "integer", "minimum": 1, "maximum": 1000})],
        responses={"200": json_response("What changed after `since`, in order.", "ChangePage")},
        description="masterdata:read sees customers, products and price lists; invoices:read sees invoices and payments.")
    changes["security"] = [{"apiKey": ["masterdata:read"]}, {"apiKey": ["invoices:read"]},
                           {"oauth2": ["masterdata:read"]}, {"oauth2": ["invoices:read"]}]
    changes["x-required-scope"] = "masterdata:read or invoices:read"
    state = lambda values: qp("state", "Only items in this state.", string(enum=values))
    limit = qp("limit", "1 to 500 (default 100).", {"type": "integer", "minimum": 1, "maximum": 500})
    paths = {
        "/v1/changes": {"get": changes},
        "/v1/jobs": {"get": operation("listJobs", "Pipeline jobs", "admin", tag,
                                      parameters=[state(["pending", "running", "done", "parked"]), limit],
                                      responses={"200": json_response("Newest first.", "JobList")})},
        "/v1/jobs/{id}/replay": {"post": operation(
            "replayJob", "Replay a parked job", "admin", tag, parameters=[p("ID")],
            responses={"200": json_response("The job, pending again with fresh attempts.", "Job")},
            problems=("401", "403", "404", "409", "503"))},
        "/v1/webhooks": {
            "post": operation("createWebhook", "Subscribe to events", "admin", tag,
                              body=json_body("WebhookCreate", {"url": "https://erp.example/passerelle-hook",
                                                               "eventTypes": ["invoice.rejected", "invoice.held"]}),
                              responses={"201": json_response("The subscription and its secret (shown once).",
                                                              "Webhook", LOCATION_HEADER)},
                              problems=("400", "401", "403", "415", "422", "503")),
            "get": operation("listWebhooks", "Subscriptions", "admin", tag,
                             responses={"200": json_response("Without secrets.", "WebhookList")},
                             problems=("401", "403", "503"))},
        "/v1/webhooks/{id}": {"delete": operation(
            "deleteWebhook", "Unsubscribe", "admin", tag, parameters=[p("ID")],
            responses={"204": {"description": "Deactivated."}}, problems=("401", "403", "404", "503"))},
        "/v1/webhook-deliveries": {"get": operation(
            "listWebhookDeliveries", "Webhook deliveries", "admin", tag,
            parameters=[state(["pending", "delivered", "dead-lettered"]), limit],
            responses={"200": json_response("Newest first.", "WebhookDeliveryList")})},
        "/v1/webhook-deliveries/{id}/replay": {"post": operation(
            "replayWebhookDelivery", "Replay a dead-lettered delivery", "admin", tag, parameters=[p("ID")],
            responses={"200": json_response("The delivery, pending again.", "WebhookDelivery")},
            problems=("401", "403", "404", "409", "503"))},
        "/v1/api-keys": {
            "post": operation("createAPIKey", "Make an API key", "admin", tag,
                              body=json_body("APIKeyCreate", {"name": "SAP production",
                                                              "scopes": ["invoices:write", "invoices:read"]}),
                              responses={"201": json_response("The key and its secret (shown once).", "APIKey",
                                                              LOCATION_HEADER)},
                              problems=("400", "401", "403", "415", "422", "503")),
            "get": operation("listAPIKeys", "The tenant's API keys", "admin", tag,
                             responses={"200": json_response("Without secrets.", "APIKeyList")},
                             problems=("401", "403", "503"))},
        "/v1/api-keys/{id}": {"delete": operation(
            "revokeAPIKey", "Revoke an API key", "admin", tag, parameters=[p("ID")],
            responses={"204": {"description": "Revoked."}}, problems=("401", "403", "404", "503"))},
        "/v1/audit": {"get": operation("listAudit", "The audit log", "admin", tag,
                                       parameters=[p("Cursor"), limit],
                                       responses={"200": json_response("Oldest first.", "AuditPage")})},
        "/v1/settings": {
            "get": operation("getSettings", "The tenant's settings", "admin", tag,
                             responses={"200": json_response("With their ETag.", "Settings", ETAG_HEADER)},
                             problems=("401", "403", "503")),
            "put": operation("putSettings", "Replace the tenant's settings", "admin", tag,
                             parameters=[{**p("IfMatch")}],
                             body=json_body("Settings", {"catalogue": {
                                 "rejectUnknownProduct": True, "rejectInactiveProduct": True,
                                 "rejectVATMismatch": True, "rejectPriceMismatch": False},
                                 "frenchRules": True, "dryRun": False}),
                             responses={"200": json_response("The new settings.", "Settings", ETAG_HEADER)},
                             description="If-Match (the ETag of a GET) is required: 428 without it, 412 when stale.",
                             problems=("400", "401", "403", "412", "415", "422", "428", "503"))},
    }
    return paths


def document():
    example = invoice_example()
    paths = {}
    paths.update(invoice_paths(example))
    paths.update(batch_paths(example))
    paths.update(master_data_paths("customers", "Customer", "customer", {
        "code": "C-0042", "name": "Compagnie Cliente SA", "siren": "987654324", "siret": "98765432400019",
        "vatIdentifier": "FR14987654324", "address": {"line1": "1 avenue de la Gare", "city": "Nantes",
                                                      "postCode": "44000", "countryCode": "FR"},
        "electronicAddress": "987654324", "electronicAddressScheme": "0225", "preferredFormat": "facturx",
        "priceGroup": "WHOLESALE"}))
    paths.update(master_data_paths("products", "Product", "product", {
        "code": "REF-1001", "name": "Audit de configuration", "unitCode": "C62", "vatCategory": "S",
        "vatRate": "5.50"}))
    paths.update(master_data_paths("price-lists", "PriceList", "price list", {
        "code": "PL-2026-WHOLESALE", "customerGroup": "WHOLESALE", "currencyCode": "EUR", "validFrom": "2026-01-01",
        "validTo": "2026-12-31", "entries": [{"productCode": "REF-1001", "unitPrice": "12.87"}]}))
    paths.update(lifecycle_paths())
    paths.update(admin_paths())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Passerelle API", "version": "1.0.0",
            "summary": "E-invoicing gateway: invoices from the ERP, master data, pipeline, webhooks.",
            "description": "Every call is scoped to the caller's tenant and needs a scope. Errors are RFC 9457 "
                           "problems (application/problem+json). Amounts are strings with exact digits; dates are "
                           "ISO 8601. A tour with curl: docs/api.md.",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "servers": [{"url": "http://localhost:8080", "description": "passerelle serve, by default"}],
        "security": [{"apiKey": []}, {"oauth2": []}],
        "tags": [{"name": "Invoices"}, {"name": "Master data"}, {"name": "Changes"}, {"name": "Administration"}],
        "paths": paths,
        "components": {
            "schemas": schemas(invoice_schemas()),
            "responses": responses_components(),
            "parameters": parameters_components(),
            "securitySchemes": {
                "apiKey": {"type": "http", "scheme": "bearer", "bearerFormat": "psk_…",
                           "description": "An API key made by POST /v1/api-keys (or printed at first start)."},
                "oauth2": {"type": "oauth2", "description": "Client credentials: a short-lived JWT.",
                           "flows": {"clientCredentials": {"tokenUrl": "/oauth/token", "scopes": SCOPES}}},
            },
            "examples": {"invoice": {"summary": "A French B2B invoice (canonical JSON)", "value": example}},
        },
    }


def timeline_schemas():
    """The audit timeline of an invoice (GET /v1/invoices/{id}/timeline) and its archive entries (docs/archive.md)."""
    seal = obj({
        "number": {"type": "integer"}, "sealedAt": TIMESTAMP,
        "hash": string("SHA-256 of the seal line (it covers the signature)."),
        "keyId": string("First 16 hex digits of the SHA-256 of the Ed25519 public key."),
    }, ["number", "sealedAt", "hash", "keyId"], "The signed Merkle seal of the journal that covers the entry "
                                                "(docs/archive.md).")
    entry = obj({
        "journal": string("The node journal holding the entry (archive root nodes/<journal>/)."),
        "sequence": {"type": "integer", "description": "The entry's sequence in that journal."},
        "documentKind": string(), "sha256": string("SHA-256 of the archived document (lowercase hex)."),
        "entryHash": string("The journal entry's hash (chain link and Merkle leaf)."),
        "retainUntil": TIMESTAMP, "seal": ref("ArchiveSeal"),
    }, ["journal", "sequence", "documentKind", "sha256", "entryHash", "retainUntil"],
        "A document's entry in the legal archive.")
    item = obj({
        "kind": string("event, document, archive, or other (a line added by another part of the gateway, e.g. "
                       "payments; its facts are in attributes)."),
        "at": TIMESTAMP, "summary": string("One line a person reads."),
        "event": ref("InvoiceEvent"), "document": ref("TimelineDocument"), "archive": ref("ArchiveEntry"),
        "attributes": {"type": "object", "additionalProperties": {"type": "string"}},
    }, ["kind", "at", "summary"])
    return {
        "TimelineReference": obj({
            "kind": string(enum=["contract", "order", "delivery"]), "term": string(enum=["BT-12", "BT-13", "BT-16"]),
            "value": string(),
        }, ["kind", "term", "value"]),
        "ArchiveSeal": seal, "ArchiveEntry": entry,
        "TimelineDocument": obj({
            "kind": string(), "sha256": string(), "size": {"type": "integer"}, "mediaType": string(), "link": string(),
        }, ["kind", "sha256", "size", "mediaType", "link"]),
        "TimelineItem": item,
        "InvoiceTimeline": obj({
            "invoice": string("The gateway's id of the invoice."), "number": string("BT-1"),
            "state": string(enum=INVOICE_STATES), "references": array(ref("TimelineReference")),
            "items": array(ref("TimelineItem")),
        }, ["invoice", "number", "state", "references", "items"]),
    }


def timeline_example():
    invoice = "0b4f7f0e-5d7a-4c4e-9a53-2f1e6f3f9c10"
    sha256 = "9f2c0d1e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d"
    archived = "Archived 2 document(s): original (web-1-3fa2c1#17), cii (web-1-3fa2c1#18)"
    return {
        "invoice": invoice, "number": "FA-2026-0042", "state": "held",
        "references": [{"kind": "order", "term": "BT-13", "value": "PO-7781"},
                       {"kind": "delivery", "term": "BT-16", "value": "BL-2026-311"}],
        "items": [
            {"kind": "event", "at": "2026-11-02T09:30:00.120Z",
             "summary": "invoice.received: Invoice FA-2026-0042 received as cii",
             "event": {"sequence": 101, "type": "invoice.received", "state": "received", "actor": "key_1a2b3c4d",
                       "message": "Invoice FA-2026-0042 received as cii", "occurredAt": "2026-11-02T09:30:00.120Z"}},
            {"kind": "document", "at": "2026-11-02T09:30:00.120Z",
             "summary": "original stored (4812 bytes, application/xml)",
             "document": {"kind": "original", "sha256": sha256, "size": 4812, "mediaType": "application/xml",
                          "link": f"/v1/invoices/{invoice}/documents/original"}},
            {"kind": "event", "at": "2026-11-02T09:30:00.310Z", "summary": "invoice.archived: " + archived,
             "event": {"sequence": 104, "type": "invoice.archived", "state": "archived", "actor": "pipeline",
                       "message": archived,
                       "detail": {"archived": [{"entryHash": "5e0a…", "journal": "web-1-3fa2c1", "kind": "original",
                                                "sequence": 17, "sha256": sha256}]},
                       "occurredAt": "2026-11-02T09:30:00.310Z"}},
            {"kind": "archive", "at": "2026-11-02T09:30:00.310Z",
             "summary": "original archived as web-1-3fa2c1#17, sealed by seal 4",
             "archive": {"journal": "web-1-3fa2c1", "sequence": 17, "documentKind": "original", "sha256": sha256,
                         "entryHash": "5e0a9d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e",
                         "retainUntil": "2036-11-02T09:30:00.310Z",
                         "seal": {"number": 4, "sealedAt": "2026-11-02T09:35:00.000Z", "hash": "c41d…",
                                  "keyId": "8f3a2b1c0d9e8f7a"}}},
        ],
    }


def lifecycle_schemas():
    """Lifecycle statuses, where an invoice stands, payments and the reconciliation feed (docs/lifecycle.md)."""
    reason = obj({"code": string("MDT-113, e.g. TX_TVA_ERR; \"\" when only a text was given."), "text": string()},
                 ["code", "text"])
    amount = obj({"typeCode": string("MEN (montant encaissé, default) or MPA."), "amount": DECIMAL,
                  "currency": string("ISO 4217"), "vatRate": {**DECIMAL, "description": "The VAT rate, percent."}},
                 ["typeCode", "amount"])
    lifecycle = obj({
        "code": string("The current status (MDT-105), e.g. 205."), "label": string("Its French label: Approuvée."),
        "reason": reason, "time": string("When it took effect, YYYY-MM-DDTHH:MM:SSZ."),
        "statusCount": {"type": "integer", "description": "Distinct statuses received."},
    }, ["code", "label", "time", "statusCount"], "Where the invoice stands in its lifecycle.")
    payments = obj({
        "currency": string("BT-5"), "amountDue": {**DECIMAL, "description": "BT-115 when given, else BT-112."},
        "paid": {**DECIMAL, "description": "Sum of the 212 Encaissée payments."},
        "sent": {**DECIMAL, "description": "Sum of the 211 Paiement transmis payments (usually the same money)."},
        "remaining": {**DECIMAL, "description": "amountDue − paid, never below zero."},
        "excess": {**DECIMAL, "description": "What was cashed beyond the amount due."},
        "fullyPaid": {"type": "boolean"},
    }, ["currency", "paid", "sent", "fullyPaid"], "What was paid on the invoice.")
    status = obj({
        "id": string(), "code": string("MDT-105, e.g. 205 (200…228; an unknown code is kept as sent)."),
        "label": string("The French label, or `statut inconnu`."), "time": string("When it took effect."),
        "reasons": array(reason), "amounts": array(amount), "source": string(enum=["platform", "api"]),
        "actor": string("The platform's name or the API key id."), "messageID": string("CDAR MDT-4."),
        "outcome": string(enum=["applied", "older", "after-terminal"]),
        "cdarSHA256": string(pattern="^[0-9a-f]{64}$"), "document": string("The stored CDAR message."),
        "receivedAt": TIMESTAMP,
    }, ["id", "code", "label", "time", "reasons", "amounts", "source", "actor", "messageID", "outcome",
        "receivedAt"])
    reconciliation = obj({
        "sequence": {"type": "integer", "description": "The feed position."}, "invoiceID": string(),
        "invoiceNumber": string("BT-1"), "issueDate": DATE,
        "erpReference": string("Passerelle-ERP-Reference, as given at intake."), "customerCode": string("BT-46"),
        "statusCode": string(enum=["211", "212"]), "kind": string(enum=["sent", "cashed"]),
        "paymentDate": DATE, "amount": DECIMAL, "currency": string(),
        "amountDue": {**DECIMAL, "description": "BT-115 when given, else BT-112."},
        "remainingBalance": {**DECIMAL, "description": "After this payment (payments of its kind), never below 0."},
        "excess": {**DECIMAL, "description": "Paid beyond the amount due."},
        "exceedsBalance": {"type": "boolean", "description": "The payment was larger than what remained."},
        "fullyPaid": {"type": "boolean"}, "recordedAt": TIMESTAMP,
    }, ["sequence", "invoiceID", "invoiceNumber", "statusCode", "kind", "paymentDate", "amount", "currency",
        "exceedsBalance", "fullyPaid", "recordedAt"], "One payment, with what the ERP letters it by.")
    return {
        "Lifecycle": lifecycle, "Payments": payments, "Status": status,
        "StatusList": obj({"items": array(ref("Status")), "lifecycle": ref("Lifecycle"),
                           "payments": ref("Payments")}, ["items"]),
        "StatusRequest": obj({
            "code": string("MDT-105, e.g. 205.", pattern="^[0-9]{1,3}$"),
            "time": string("When it took effect: YYYY-MM-DDTHH:MM:SSZ (UTC) or YYYY-MM-DD."),
            "messageId": string("The duplicate key; by default api-<code>-<time>.", minLength=1, maxLength=200),
            "reasons": array(obj({"code": string(), "text": string()})),
            "amounts": array(obj({"typeCode": string(), "amount": DECIMAL, "currency": string(),
                                  "vatRate": DECIMAL}, ["amount"]), "211/212: the amounts paid, per VAT rate."),
        }, ["code", "time"]),
        "StatusReceipt": obj({
            "outcome": string(enum=["applied", "older", "after-terminal", "duplicate"]), "status": ref("Status"),
            "lifecycle": ref("Lifecycle"), "payments": ref("Payments"), "payment": ref("ReconciliationEntry"),
        }, ["outcome", "status"]),
        "ReconciliationEntry": reconciliation,
        "ReconciliationPage": obj({
            "items": array(ref("ReconciliationEntry")),
            "next": string("Pass it as `since` to read what comes after, now or later."),
            "hasMore": {"type": "boolean"},
        }, ["items", "next", "hasMore"]),
    }


def lifecycle_paths():
    tag = "Invoices"
    cdar = "<rsm:CrossDomainAcknowledgementAndResponse …>…</rsm:CrossDomainAcknowledgementAndResponse>"
    post = operation(
        "postInvoiceStatus", "Record a lifecycle status", "invoices:write", tag, parameters=[p("InvoiceID")],
        body={"required": True, "content": {
            "application/json": {"schema": ref("StatusRequest"), "examples": {
                "refused": {"summary": "210 Refusée with its reason", "value": {
                    "code": "210", "time": "2026-11-05T14:00:00Z",
                    "reasons": [{"code": "TX_TVA_ERR", "text": "Taux de TVA erroné"}]}},
                "payment": {"summary": "212 Encaissée, a partial payment", "value": {
                    "code": "212", "time": "2026-11-20T09:00:00Z", "messageId": "BANK-2026-11-20-0042",
                    "amounts": [{"amount": "100.00", "currency": "EUR"}]}}}},
            "application/xml": {"schema": string("A CDAR D22B lifecycle message about this invoice."),
                                "example": cdar},
            "multipart/form-data": {"schema": obj({"file": string("The CDAR message.",
                                                                 contentMediaType="application/xml")}, ["file"])},
        }},
        responses={
            "201": json_response("New: recorded (applied, or kept without moving the invoice: older, "
                                 "after-terminal).", "StatusReceipt", LOCATION_HEADER, example={
                                     "outcome": "applied", "status": {
                                         "id": "5f0c…", "code": "205", "label": "Approuvée",
                                         "time": "2026-11-04T08:00:00Z", "reasons": [], "amounts": [],
                                         "source": "api", "actor": "key_…", "messageID": "api-205-20261104080000",
                                         "outcome": "applied", "receivedAt": "2026-11-04T08:00:01.250Z"},
                                     "lifecycle": {"code": "205", "label": "Approuvée",
                                                   "time": "2026-11-04T08:00:00Z", "statusCount": 3}}),
            "200": json_response("Already known (same message id, or same code at the same time): nothing "
                                 "changed.", "StatusReceipt"),
        },
        description="For ERPs and operators that get statuses another way than through a platform. A CDAR "
                    "message must be about this invoice (number, year, seller): 422 otherwise. Duplicates are "
                    "ignored; an older status is recorded without moving the invoice backwards. 211/212 with "
                    "amounts become payments. The ERP hears of it through the `invoice.status` webhook and the "
                    "change feed (`status:<code>`, `payment:<code>`).",
        problems=("400", "401", "403", "404", "413", "415", "422", "503"))
    listing = operation("listInvoiceStatuses", "An invoice's lifecycle statuses", "invoices:read", tag,
                        parameters=[p("InvoiceID")],
                        responses={"200": json_response("In arrival order, with where the invoice stands.",
                                                        "StatusList")},
                        problems=("401", "403", "404", "503"))
    feed = operation(
        "listReconciliation", "The reconciliation feed", "invoices:read", "Changes",
        parameters=[qp("since", "The `next` of the previous page; 0 or absent from the start.",
                       string(pattern="^[0-9]+$")),
                    qp("limit", "1 to 1000 (default 100).", {"type": "integer", "minimum": 1, "maximum": 1000})],
        responses={"200": json_response("Payments in the order they arrived, after `since`.", "ReconciliationPage",
                                        example={"items": [{
                                            "sequence": 41, "invoiceID": "0b7e2a64-…", "invoiceNumber": "FA-2026-00042",
                                            "issueDate": "2026-11-02", "erpReference": "VTE-2026-00042",
                                            "customerCode": "C-0042", "statusCode": "212", "kind": "cashed",
                                            "paymentDate": "2026-11-20", "amount": "100.00", "currency": "EUR",
                                            "amountDue": "139.90", "remainingBalance": "39.90",
                                            "exceedsBalance": False, "fullyPaid": False,
                                            "recordedAt": "2026-11-20T09:00:01.123Z"}],
                                            "next": "41", "hasMore": False})},
        description="For automatic lettering: each payment (211, 212) with the invoice number, the ERP's reference, "
                    "the amount, its date and the balance after it.")
    csv = operation(
        "exportReconciliation", "The payments of a period, as CSV", "invoices:read", "Changes",
        parameters=[qp("from", "Payment date on or after.", DATE), qp("to", "Payment date on or before.", DATE)],
        responses={"200": {"description": "`;`-separated UTF-8 CSV with the feed's columns; cells starting with = + "
                                          "- @ are prefixed with ' (formula-safe).",
                           "headers": {"Content-Disposition": {"schema": string()}},
                           "content": {"text/csv": {"schema": string(), "example":
                               "sequence;invoiceId;invoiceNumber;issueDate;erpReference;customerCode;statusCode;kind;"
                               "paymentDate;amount;currency;amountDue;remainingBalance;excess;exceedsBalance;"
                               "fullyPaid;recordedAt\r\n41;0b7e2a64-…;FA-2026-00042;2026-11-02;VTE-2026-00042;C-0042;"
                               "212;cashed;2026-11-20;100.00;EUR;139.90;39.90;;false;false;"
                               "2026-11-20T09:00:01.123Z\r\n"}}}},
        description="By payment date, then arrival. At most 100000 rows: 422 asks for a narrower range.",
        problems=("400", "401", "403", "422", "503"))
    return {
        "/v1/invoices/{id}/statuses": {"post": post, "get": listing},
        "/v1/reconciliation": {"get": feed},
        "/v1/reconciliation.csv": {"get": csv},
    }


def render():
    return json.dumps(document(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def main():
    text = render()
    if "--check" in sys.argv:
        with open(OUTPUT, encoding="utf-8") as handle:
            if handle.read() != text:
                print(f"{OUTPUT} is out of date: run python3 scripts/openapi/generate.py", file=sys.stderr)
                return 1
        return 0
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
