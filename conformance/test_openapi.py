"""The OpenAPI 3.1 document of the v1 API (openapi/passerelle-v1.json): valid, generated, and its examples valid.

Run by scripts/test (`python -m unittest discover -s conformance`). The Swift side (Tests/ServerTests/
OpenAPIDocumentTests.swift) checks that the routes the server registers and the documented operations are the same.
"""
import json
import os
import subprocess
import sys
import unittest

from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DOCUMENT = os.path.join(ROOT, "openapi", "passerelle-v1.json")
GENERATOR = os.path.join(ROOT, "scripts", "openapi", "generate.py")
METHODS = {"get", "put", "post", "delete", "patch"}


def load():
    with open(DOCUMENT, encoding="utf-8") as handle:
        return json.load(handle)


def operations(document):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


class OpenAPIDocumentTests(unittest.TestCase):
    def test_document_is_valid_openapi_3_1(self):
        document = load()
        self.assertEqual(document["openapi"], "3.1.0")
        validate_spec(document)

    def test_document_is_the_generator_output(self):
        result = subprocess.run([sys.executable, GENERATOR, "--check"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_every_operation_is_secured_and_answers_problems(self):
        document = load()
        ids = set()
        for path, method, operation in operations(document):
            where = f"{method.upper()} {path}"
            self.assertNotIn(operation["operationId"], ids, where)
            ids.add(operation["operationId"])
            self.assertTrue(operation.get("security"), f"{where} has no security")
            responses = operation["responses"]
            self.assertIn("401", responses, where)
            self.assertIn("403", responses, where)
            self.assertTrue(any(status.startswith("2") for status in responses), f"{where} has no success")
            if "{" in path and method != "put":  # a PUT creates what it names
                self.assertIn("404", responses, f"{where} names a resource but cannot answer 404")
        self.assertGreaterEqual(len(ids), 30)
        schemes = document["components"]["securitySchemes"]
        self.assertEqual(schemes["apiKey"]["scheme"], "bearer")
        self.assertEqual(schemes["oauth2"]["flows"]["clientCredentials"]["tokenUrl"], "/oauth/token")

    def test_examples_match_their_schemas(self):
        document = load()
        checked = 0
        for path, method, operation in operations(document):
            content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
            examples = [content["example"]] if "example" in content else []
            examples += [example["value"] for example in content.get("examples", {}).values()]
            for example in examples:
                schema = {**content["schema"], "components": document["components"]}
                errors = list(OAS31Validator(schema).iter_errors(example))
                self.assertEqual(errors, [], f"{method.upper()} {path}: {[error.message for error in errors[:3]]}")
                checked += 1
        for name, response in document["components"]["responses"].items():
            media = response["content"]["application/problem+json"]
            schema = {**media["schema"], "components": document["components"]}
            self.assertEqual(list(OAS31Validator(schema).iter_errors(media["example"])), [], name)
            checked += 1
        self.assertGreaterEqual(checked, 20)

    def test_a_problem_that_leaks_a_field_is_refused_by_the_schema(self):
        """The Problem schema is closed: a field the API does not promise (e.g. a stack trace) fails it."""
        document = load()
        schema = {**document["components"]["schemas"]["Problem"], "components": document["components"]}
        good = {"type": "https://passerelle.dev/problems/404", "title": "Not found", "status": 404}
        self.assertTrue(OAS31Validator(schema).is_valid(good))
        self.assertFalse(OAS31Validator(schema).is_valid({**good, "stackTrace": "main.swift:12"}))


if __name__ == "__main__":
    unittest.main()
