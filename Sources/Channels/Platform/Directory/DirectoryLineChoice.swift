import Gateway

/// Picks the directory line that applies to a buyer among its SIREN's lines: the most specific mesh the buyer names
/// (SIREN/SIRET/routing code, then SIREN/SIRET, then SIREN alone). Lines that are not enabled (no platform linked)
/// are skipped. The electronic address the buyer gave plays no part: the directory decides (lines with an
/// addressing suffix are reached by their address alone).
enum DirectoryLineChoice {
    static func choose(_ lines: [AFNORDirectory.DirectoryLine], for buyer: BuyerIdentity, siren: String)
        -> DirectoryAnswer
    {
        let usable = lines.filter { ($0.siren == nil || $0.siren == siren) && $0.addressingIdentifier != nil }
        let enabled = usable.filter(isEnabled)
        var candidates: [AFNORDirectory.DirectoryLine?] = []
        if let siret = buyer.siret, let code = buyer.routingCode {
            candidates.append(enabled.first { $0.siret == siret && $0.routingIdentifier == code })
        }
        if let siret = buyer.siret {
            candidates.append(enabled.first { $0.siret == siret && blank($0.routingIdentifier) && blank($0.addressingSuffix) })
        }
        candidates.append(enabled.first {
            blank($0.siret) && blank($0.routingIdentifier) && blank($0.addressingSuffix)
        })
        if let line = candidates.compactMap({ $0 }).first { return .found(entry(line, siren: siren)) }
        guard !usable.isEmpty else { return .notFound(reason: "the directory has no line for SIREN \(siren)") }
        let listed = usable.prefix(5).map { line in
            (line.addressingIdentifier ?? "?") + " (" + (line.directoryLineStatus ?? "no status") + ")"
        }.joined(separator: ", ")
        return .notFound(reason: "none of the SIREN's \(usable.count) directory lines applies to this buyer "
            + "(\(listed)\(usable.count > 5 ? ", …" : ""))")
    }

    /// The answer for one line read by its addressing identifier.
    static func answer(for line: AFNORDirectory.DirectoryLine, address: String) -> DirectoryAnswer {
        guard isEnabled(line), let siren = line.siren else {
            return .notFound(reason: "the directory line \(address) is \(line.directoryLineStatus ?? "incomplete") "
                + "(no platform receives on it)")
        }
        return .found(entry(line, siren: siren))
    }

    static func isEnabled(_ line: AFNORDirectory.DirectoryLine) -> Bool {
        line.directoryLineStatus == nil || line.directoryLineStatus == "Enabled"
    }

    static func entry(_ line: AFNORDirectory.DirectoryLine, siren: String) -> DirectoryEntry {
        DirectoryEntry(
            addressingIdentifier: line.addressingIdentifier ?? "", siren: siren, siret: line.siret,
            routingCode: line.routingIdentifier, platform: ReceivingPlatform(type: line.platformType ?? "unknown"),
            status: line.directoryLineStatus, businessName: line.legalUnit?.businessName)
    }

    private static func blank(_ value: String?) -> Bool { value?.isEmpty ?? true }
}
