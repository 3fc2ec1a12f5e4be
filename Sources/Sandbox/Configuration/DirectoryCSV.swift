/// A directory as CSV: one directory line per row, with a header naming the columns (any order):
/// `addressingIdentifier` and `siren` required; `siret`, `routingIdentifier`, `addressingSuffix`, `platformType`
/// (default WK), `directoryLineStatus` (default Enabled), `businessName`, `entityType`, `facilityName`,
/// `routingCodeName`, `postalCode`, `locality` optional. Companies, facilities and routing codes are made from the
/// rows that name them.
enum DirectoryCSV {
    static let known: Set<String> = [
        "addressingIdentifier", "siren", "siret", "routingIdentifier", "addressingSuffix", "platformType",
        "directoryLineStatus", "businessName", "entityType", "facilityName", "routingCodeName", "postalCode", "locality",
    ]

    static func parse(_ text: String, file: String) throws(ConfigurationFileError) -> Directory {
        let rows = try records(text, file: file)
        guard let header = rows.first else { return Directory() }
        for (index, name) in header.enumerated() where !known.contains(name) {
            throw ConfigurationFileError(file: file, line: 1, column: index + 1,
                                         message: "unknown column '\(name)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        for required in ["addressingIdentifier", "siren"] where !header.contains(required) {
            throw ConfigurationFileError(file: file, line: 1, column: 0, message: "the column '\(required)' is required")
        }
        var directory = Directory()
        for (offset, row) in rows.dropFirst().enumerated() where !(row.count == 1 && row[0].isEmpty) {
            let line = offset + 2
            var fields: [String: String] = [:]
            for (index, name) in header.enumerated() where index < row.count && !row[index].isEmpty {
                fields[name] = row[index]
            }
            guard let address = fields["addressingIdentifier"], let siren = fields["siren"] else {
                throw ConfigurationFileError(file: file, line: line, column: 0,
                                             message: "addressingIdentifier and siren must not be empty")
            }
            guard siren.count == 9, siren.allSatisfy(\.isASCIIDigitCharacter) else {
                throw ConfigurationFileError(file: file, line: line, column: 0, message: "siren '\(siren)' is not 9 digits")
            }
            if directory.legalUnit(siren: siren) == nil {
                directory.legalUnits.append(LegalUnit(siren: siren, businessName: fields["businessName"],
                                                      entityType: fields["entityType"], administrativeStatus: "A"))
            }
            if let siret = fields["siret"], directory.facility(siret: siret) == nil {
                directory.facilities.append(Facility(
                    siret: siret, siren: siren, name: fields["facilityName"], facilityType: nil,
                    administrativeStatus: "A",
                    address: DirectoryAddress(postalCode: fields["postalCode"], locality: fields["locality"])))
            }
            if let code = fields["routingIdentifier"], let siret = fields["siret"],
               !directory.routingCodes.contains(where: { $0.siret == siret && $0.routingIdentifier == code }) {
                directory.routingCodes.append(RoutingCode(routingIdentifier: code, siret: siret,
                                                          routingCodeName: fields["routingCodeName"],
                                                          administrativeStatus: "A"))
            }
            directory.directoryLines.append(DirectoryLine(
                addressingIdentifier: address, platformType: fields["platformType"] ?? "WK",
                directoryLineStatus: fields["directoryLineStatus"] ?? "Enabled", siren: siren, siret: fields["siret"],
                routingIdentifier: fields["routingIdentifier"], addressingSuffix: fields["addressingSuffix"]))
        }
        return directory
    }

    /// RFC 4180 records: comma-separated, double quotes around fields holding commas, quotes or line breaks.
    static func records(_ text: String, file: String) throws(ConfigurationFileError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var characters = Array(text.replacingCRLF)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                row.append(field.trimmingCharactersInSpace)
                field = ""
            case "\n":
                row.append(field.trimmingCharactersInSpace)
                rows.append(row)
                row = []
                field = ""
                line += 1
            default: field.append(character)
            }
        }
        if quoted { throw ConfigurationFileError(file: file, line: line, column: 0, message: "a quote is not closed") }
        if !field.isEmpty || !row.isEmpty {
            row.append(field.trimmingCharactersInSpace)
            rows.append(row)
        }
        return rows
    }
}

extension String {
    /// `\r\n` as `\n` (Swift reads the pair as one character).
    fileprivate var replacingCRLF: String {
        String(map { $0 == "\r\n" ? "\n" : $0 })
    }
}
