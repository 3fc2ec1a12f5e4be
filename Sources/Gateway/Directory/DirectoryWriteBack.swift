import Foundation

/// Writes what the directory found onto the customer master record (BT-49 and its scheme, the receiving platform)
/// through ``MasterDataService``, so that the ERP sees it in the change feed. Writes only when something changed.
struct DirectoryWriteBack {
    enum Result: Equatable {
        case unchanged
        case written(version: Int)
        /// The customer record as it stands fails its own checks (e.g. a malformed SIRET the ERP sent).
        case refused(String)
    }

    var masterData: MasterDataService

    /// The customer with the entry applied, or nil when it already says the same.
    static func applying(_ entry: DirectoryEntry, to customer: Customer) -> Customer? {
        var updated = customer
        updated.electronicAddress = entry.addressingIdentifier
        updated.electronicAddressScheme = entry.scheme
        updated.receivingPlatform = entry.platform
        return updated == customer ? nil : updated
    }

    /// Applies the entry to the customer `code`. A concurrent write (another node, the ERP) is retried on the fresh
    /// record.
    func write(_ entry: DirectoryEntry, customer code: String, tenant: TenantID) async throws -> Result {
        for _ in 0..<3 {
            guard let stored = try await masterData.get(Customer.self, code: code, tenant: tenant),
                  let updated = Self.applying(entry, to: stored.0)
            else { return .unchanged }
            switch try await masterData.upsert(updated, tenant: tenant, expectedVersion: stored.1) {
            case .written(_, let version): return .written(version: version)
            case .stale: continue
            case .invalid(let problems):
                return .refused(problems.map { "\($0.field): \($0.message)" }.joined(separator: "; "))
            }
        }
        throw StepFailure(permanent: false, "customer \(code) kept changing while the directory's answer was written")
    }
}
