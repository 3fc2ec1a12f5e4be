#!/usr/bin/env bash
# Makes .build/bench-venv with reportlab and factur-x, for the Python side of `passerelle bench`'s Factur-X figure.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .build/bench-venv
.build/bench-venv/bin/pip install --quiet --disable-pip-version-check reportlab factur-x
