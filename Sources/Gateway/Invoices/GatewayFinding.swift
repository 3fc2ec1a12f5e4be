import EInvoiceRules

/// A reason an invoice is stopped or should be corrected: a broken EN 16931 / BR-FR rule, or a catalogue check
/// (`CAT-…`). The same shape as ``EInvoiceRules/Finding`` so that the API and the ERP see one kind of finding.
public typealias GatewayFinding = Finding
