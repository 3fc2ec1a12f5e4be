#!/usr/bin/env python3
"""The Python side of `passerelle bench`'s Factur-X figure: a 10-line invoice drawn with reportlab
(Liberation Sans embedded as a subset, as ours is) and turned into Factur-X PDF/A-3 by the factur-x
library's generate_from_binary, timed in CPU seconds.

    python Benchmarks/facturx_python.py --xml invoice.xml [--seconds 2] [--json] [--out sample.pdf]

Needs reportlab and factur-x (Benchmarks/setup-python-venv.sh makes .build/bench-venv with both).
"""
from __future__ import annotations

import argparse
import io
import json
import time

from facturx import generate_from_binary
from lxml import etree
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = "/usr/share/fonts/truetype/liberation2"
NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}


def read_invoice(xml: bytes) -> dict:
    root = etree.fromstring(xml)

    def text(path: str) -> str:
        found = root.xpath(path, namespaces=NS)
        return found[0].text if found else ""

    lines = []
    for line in root.xpath("//ram:IncludedSupplyChainTradeLineItem", namespaces=NS):
        def t(path: str) -> str:
            found = line.xpath(path, namespaces=NS)
            return found[0].text if found else ""
        lines.append((t(".//ram:SellerAssignedID"), t(".//ram:SpecifiedTradeProduct/ram:Name"), t(".//ram:BilledQuantity"),
                      t(".//ram:NetPriceProductTradePrice/ram:ChargeAmount"), t(".//ram:RateApplicablePercent"),
                      t(".//ram:LineTotalAmount")))
    return {
        "number": text("//rsm:ExchangedDocument/ram:ID"),
        "seller": text("//ram:SellerTradeParty/ram:Name"),
        "buyer": text("//ram:BuyerTradeParty/ram:Name"),
        "iban": text("//ram:IBANID"),
        "total": text("//ram:DuePayableAmount"),
        "lines": lines,
    }


def draw(invoice: dict) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    width, height = A4
    c.setFont("Sans-Bold", 13)
    c.drawString(42, height - 52, invoice["seller"])
    c.setFont("Sans", 8.5)
    for i, text in enumerate(["12 rue des Lilas", "69003 Lyon", "SIREN 123 456 782 · TVA FR11123456782"]):
        c.drawString(42, height - 70 - i * 11.5, text)
    c.setFont("Sans-Bold", 22)
    c.drawRightString(width - 42, height - 60, "FACTURE")
    c.setFont("Sans", 10)
    c.drawRightString(width - 42, height - 84, "N° " + invoice["number"])
    c.setFillColorRGB(0.92, 0.94, 0.97)
    c.rect(320, height - 230, width - 362, 90, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Sans-Bold", 10.5)
    c.drawString(332, height - 170, invoice["buyer"])
    y = height - 270
    c.setFillColorRGB(0.11, 0.27, 0.45)
    c.rect(42, y - 4, width - 84, 18, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont("Sans-Bold", 7.5)
    for x, title in [(47, "Réf."), (109, "Désignation")]:
        c.drawString(x, y + 2, title)
    for x, title in [(385, "Qté"), (451, "P.U. HT"), (493, "TVA"), (548, "Montant HT")]:
        c.drawRightString(x, y + 2, title)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Sans", 8.5)
    for ref, name, qty, price, rate, amount in invoice["lines"]:
        y -= 19
        c.drawString(47, y, ref)
        c.drawString(109, y, name)
        c.drawRightString(385, y, qty)
        c.drawRightString(451, y, price)
        c.drawRightString(493, y, rate + " %")
        c.drawRightString(548, y, amount + " €")
        c.setStrokeColorRGB(0.78, 0.8, 0.83)
        c.line(42, y - 6, width - 42, y - 6)
    y -= 40
    c.setFont("Sans-Bold", 11)
    c.drawString(338, y, "Net à payer")
    c.drawRightString(width - 50, y, invoice["total"] + " €")
    c.setFont("Sans", 8.5)
    c.drawString(42, y - 40, "IBAN " + invoice["iban"])
    c.setFont("Sans", 7.5)
    for i, text in enumerate(["En cas de retard de paiement, pénalités au taux de 3 fois le taux d'intérêt légal.",
                              "Indemnité forfaitaire pour frais de recouvrement : 40 €.",
                              "Pas d'escompte pour paiement anticipé."]):
        c.drawString(42, y - 70 - i * 9.5, text)
    c.drawRightString(width - 42, 40, "Page 1/1")
    c.showPage()
    c.save()
    return out.getvalue()


def create(xml: bytes) -> bytes:
    pdf = draw(read_invoice(xml))
    return generate_from_binary(pdf, xml, flavor="factur-x", level="en16931", check_xsd=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--xml", required=True)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    pdfmetrics.registerFont(TTFont("Sans", FONT_DIR + "/LiberationSans-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("Sans-Bold", FONT_DIR + "/LiberationSans-Bold.ttf"))
    with open(args.xml, "rb") as handle:
        xml = handle.read()
    sample = create(xml)  # warm-up
    if args.out:
        with open(args.out, "wb") as handle:
            handle.write(sample)
    start = time.process_time()
    count = 0
    while time.process_time() - start < args.seconds:
        create(xml)
        count += 1
    rate = count / (time.process_time() - start)
    if args.json:
        print(json.dumps({"invoices_per_cpu_second": rate, "documents": count, "pdf_bytes": len(sample)}))
    else:
        print(f"reportlab + factur-x: {rate:.1f} Factur-X PDFs per CPU-second ({len(sample)} bytes each)")


if __name__ == "__main__":
    main()
