/// BG-16 Payment instructions
public struct PaymentInstructions: Sendable, Hashable {
    /// BT-81 Payment means type code (UNTDID 4461: 30 credit transfer, 58 SEPA credit transfer, 59 SEPA direct debit, 48 card…)
    public var meansTypeCode: String = ""
    /// BT-82 Payment means text
    public var meansText: String?
    /// BT-83 Remittance information
    public var remittanceInformation: String?
    /// BG-17 Credit transfer (one or more accounts)
    public var creditTransfers: [CreditTransfer] = []
    /// BG-18 Payment card information
    public var card: PaymentCard?
    /// BG-19 Direct debit
    public var directDebit: DirectDebit?

    public init(meansTypeCode: String = "") { self.meansTypeCode = meansTypeCode }
}

/// BG-17 Credit transfer
public struct CreditTransfer: Sendable, Hashable {
    /// BT-84 Payment account identifier (IBAN or proprietary)
    public var accountIdentifier: String
    /// BT-85 Payment account name
    public var accountName: String?
    /// BT-86 Payment service provider identifier (BIC)
    public var serviceProviderIdentifier: String?
    /// CII distinguishes an IBAN from a proprietary account id; UBL does not.
    public var isProprietaryIdentifier: Bool = false

    public init(accountIdentifier: String, accountName: String? = nil, serviceProviderIdentifier: String? = nil) {
        self.accountIdentifier = accountIdentifier
        self.accountName = accountName
        self.serviceProviderIdentifier = serviceProviderIdentifier
    }
}

/// BG-18 Payment card information
public struct PaymentCard: Sendable, Hashable {
    /// BT-87 Payment card primary account number (at most the last 4–6 digits)
    public var primaryAccountNumber: String
    /// BT-88 Payment card holder name
    public var holderName: String?

    public init(primaryAccountNumber: String, holderName: String? = nil) {
        self.primaryAccountNumber = primaryAccountNumber
        self.holderName = holderName
    }
}

/// BG-19 Direct debit
public struct DirectDebit: Sendable, Hashable {
    /// BT-89 Mandate reference identifier
    public var mandateReference: String?
    /// BT-90 Bank assigned creditor identifier
    public var creditorIdentifier: String?
    /// BT-91 Debited account identifier
    public var debitedAccountIdentifier: String?

    public init(mandateReference: String? = nil, creditorIdentifier: String? = nil, debitedAccountIdentifier: String? = nil) {
        self.mandateReference = mandateReference
        self.creditorIdentifier = creditorIdentifier
        self.debitedAccountIdentifier = debitedAccountIdentifier
    }
}
