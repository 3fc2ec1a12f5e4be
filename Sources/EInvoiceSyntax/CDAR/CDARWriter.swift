import EInvoice

extension Namespaces {
    /// The root namespace of CrossDomainAcknowledgementAndResponse (CDAR) D22B.
    public static let cdarRSM = "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100"
}

/// Writes a `CDARMessage` as CDAR D22B XML, valid against the UN/CEFACT schema, with the streaming `XMLWriter`.
///
/// Element order follows the schema's sequences. Each reason is one `ram:SpecifiedDocumentStatus` (numbered by
/// `ram:SequenceNumeric`); the amounts of 211/212 go into one more, after the reasons.
public struct CDARWriter: Sendable {
    public init() {}

    public func write(_ message: CDARMessage) -> [UInt8] {
        var xml = XMLWriter(capacity: 4 * 1024)
        xml.open(
            "rsm:CrossDomainAcknowledgementAndResponse",
            [
                ("xmlns:rsm", Namespaces.cdarRSM), ("xmlns:ram", Namespaces.ciiRAM),
                ("xmlns:qdt", Namespaces.ciiQDT), ("xmlns:udt", Namespaces.ciiUDT),
            ])
        xml.group("rsm:ExchangedDocumentContext") { xml in
            if let process = message.businessProcess {
                xml.group("ram:BusinessProcessSpecifiedDocumentContextParameter") { $0.element("ram:ID", process) }
            }
            xml.group("ram:GuidelineSpecifiedDocumentContextParameter") { $0.element("ram:ID", message.guideline) }
        }
        xml.group("rsm:ExchangedDocument") { xml in
            xml.element("ram:ID", message.messageID)
            dateTime("ram:IssueDateTime", message.issueDateTime, into: &xml)
            party("ram:SenderTradeParty", message.sender, into: &xml)
            if let issuer = message.issuer { party("ram:IssuerTradeParty", issuer, into: &xml) }
            for recipient in message.recipients { party("ram:RecipientTradeParty", recipient, into: &xml) }
        }
        xml.group("rsm:AcknowledgementDocument") { xml in
            xml.element("ram:TypeCode", message.phase.rawValue)
            dateTime("ram:IssueDateTime", message.statusDateTime, into: &xml)
            reference(message, into: &xml)
        }
        xml.close("rsm:CrossDomainAcknowledgementAndResponse")
        return xml.finish()
    }

    private func reference(_ message: CDARMessage, into xml: inout XMLWriter) {
        xml.group("ram:ReferenceReferencedDocument") { xml in
            xml.element("ram:IssuerAssignedID", message.invoice.number)
            xml.element("ram:StatusCode", message.status.statusCode)
            xml.element("ram:TypeCode", message.invoice.typeCode)
            xml.group("ram:FormattedIssueDateTime") { xml in
                xml.element("qdt:DateTimeString", message.invoice.issueDate.compactText, [("format", "102")])
            }
            xml.element("ram:ProcessConditionCode", message.status.code)
            if message.status.isKnown { xml.element("ram:ProcessCondition", message.status.frenchLabel) }
            party("ram:IssuerTradeParty", .siren(message.invoice.sellerSIREN, role: "SE"), into: &xml)
            var sequence = 0
            for reason in message.reasons {
                sequence += 1
                xml.group("ram:SpecifiedDocumentStatus") { xml in
                    xml.element("ram:ReasonCode", reason.code.isEmpty ? nil : reason.code)
                    xml.element("ram:Reason", reason.text.isEmpty ? nil : reason.text)
                    xml.element("ram:SequenceNumeric", String(sequence))
                }
            }
            guard !message.amounts.isEmpty else { return }
            sequence += 1
            xml.group("ram:SpecifiedDocumentStatus") { xml in
                xml.element("ram:SequenceNumeric", String(sequence))
                for amount in message.amounts {
                    xml.group("ram:SpecifiedDocumentCharacteristic") { xml in
                        xml.element("ram:TypeCode", amount.typeCode)
                        xml.element("ram:ValueAmount", amount.amount.description, [("currencyID", amount.currency)])
                        xml.element("ram:ValuePercent", amount.vatRate?.description)
                    }
                }
            }
        }
    }

    private func party(_ name: String, _ party: CDARParty, into xml: inout XMLWriter) {
        xml.group(name) { xml in
            xml.element("ram:GlobalID", party.globalID, [("schemeID", party.globalIDScheme)])
            xml.element("ram:Name", party.name)
            xml.element("ram:RoleCode", party.role)
            if let address = party.electronicAddress {
                xml.group("ram:URIUniversalCommunication") { xml in
                    xml.element("ram:URIID", address, [("schemeID", party.electronicAddressScheme)])
                }
            }
        }
    }

    private func dateTime(_ name: String, _ value: LifecycleDateTime, into xml: inout XMLWriter) {
        xml.group(name) { $0.element("udt:DateTimeString", value.compactText, [("format", "204")]) }
    }
}
