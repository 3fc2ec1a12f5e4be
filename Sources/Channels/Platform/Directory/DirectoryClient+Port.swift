import Gateway

/// The client as the pipeline's ``DirectoryPort``: one buyer's directory line, found by its SIREN's lines (or by its
/// electronic address alone).
extension DirectoryClient: DirectoryPort {
    public var name: String { configuration.serviceRoot }

    public func lookUp(_ buyer: BuyerIdentity, tenant: TenantID) async throws -> DirectoryAnswer {
        do {
            return try await resolve(buyer)
        } catch let error as DirectoryClientError {
            throw error.failure
        }
    }

    /// The answer for a buyer, with the client's own errors.
    public func resolve(_ buyer: BuyerIdentity) async throws -> DirectoryAnswer {
        guard let siren = buyer.effectiveSIREN else {
            guard let address = buyer.electronicAddress else {
                return .notFound(reason: "no SIREN, SIRET or electronic address to look up")
            }
            guard let line = try await directoryLine(addressingIdentifier: address) else {
                return .notFound(reason: "no directory line has the addressing identifier \(address)")
            }
            return DirectoryLineChoice.answer(for: line, address: address)
        }
        guard siren.count == 9, siren.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .notFound(reason: "\"\(siren)\" is not a SIREN (9 digits)")
        }
        let lines = try await directoryLines(siren: siren)
        let answer = DirectoryLineChoice.choose(lines, for: buyer, siren: siren)
        guard lines.isEmpty, case .notFound = answer else { return answer }
        guard let company = try await company(siren: siren) else {
            return .notFound(reason: "the directory knows no company with this SIREN")
        }
        return .notFound(reason: "\(company.businessName ?? "the company") is listed but has no directory line "
            + "(no platform receives its invoices yet)")
    }

    /// Every directory line of a SIREN (`include=siren`), page after page.
    func directoryLines(siren: String) async throws -> [AFNORDirectory.DirectoryLine] {
        let pageSize = max(1, configuration.pageSize)
        var lines: [AFNORDirectory.DirectoryLine] = []
        for page in 0..<50 {
            let answer = try await searchDirectoryLines(AFNORDirectory.Search(
                filters: ["siren": .strict(siren)], include: ["siren"], limit: pageSize, ignore: page * pageSize))
            lines += answer.results
            let total = answer.totalNumberOfResults ?? -1
            if answer.results.count < pageSize || (total >= 0 && lines.count >= total) { break }
        }
        return lines
    }
}
