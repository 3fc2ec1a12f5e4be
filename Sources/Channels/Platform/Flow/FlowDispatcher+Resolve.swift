import Foundation

extension FlowDispatcher {
    struct ExistingFlow {
        var flowId: String
        var receipt: [UInt8]?
    }

    /// The flow of ours, not refused, whose original file has this SHA-256: first among the identifiers the
    /// `AlreadyExistingFlow` message names, then among our outgoing flows with the same file name. Each candidate
    /// is checked by downloading its original.
    func flowHolding(sha256: String, hint message: String, besides refused: Flow) async throws -> ExistingFlow? {
        for id in Self.identifiers(in: message) where id != refused.flowId && id != sha256 {
            guard let metadata = try await metadataIfExists(id) else { continue }
            guard let flow = try? FlowJSON.decoder().decode(Flow.self, from: Data(metadata.bytes)),
                  try await holds(flow, sha256: sha256) else { continue }
            return ExistingFlow(flowId: flow.flowId, receipt: metadata.bytes)
        }
        var pages = 0
        var cursor: String?
        repeat {
            let page = try await client.search(
                where: FlowSearchFilters(flowDirection: [.outgoing], ackStatus: .ok), cursor: cursor, limit: 100)
            for flow in page.results where flow.flowId != refused.flowId && flow.name == refused.name {
                if try await holds(flow, sha256: sha256) {
                    return ExistingFlow(flowId: flow.flowId, receipt: try await metadataReceipt(flow.flowId))
                }
            }
            cursor = page.nextCursor
            pages += 1
        } while cursor != nil && pages < resolutionPageLimit
        return nil
    }

    /// The flow's metadata JSON; nil when the platform has no such flow (404) or the word is no id (400).
    func metadataIfExists(_ id: String) async throws -> FlowDocument? {
        let result: Result<FlowDocument, FlowClientError>
        do {
            result = .success(try await client.flow(id: id, docType: .metadata))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let document):
            return document
        case .failure(let error):
            guard error.httpStatus == 404 || error.httpStatus == 400 else { throw error }
            return nil
        }
    }

    /// An outgoing flow not refused, whose original has this SHA-256.
    func holds(_ flow: Flow, sha256: String) async throws -> Bool {
        guard flow.flowDirection == .outgoing, flow.acknowledgement.status != .error else { return false }
        let original = try await client.flow(id: flow.flowId, docType: .original)
        return FlowClient.sha256Hex(original.bytes) == sha256
    }

    /// The words of a message that may be flow identifiers (letters, digits, `-` and `_`, 8 to 64 long).
    static func identifiers(in message: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in message + " " {
            if character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_") {
                current.append(character)
            } else {
                if (8...64).contains(current.count), current.contains(where: \.isNumber), !words.contains(current) {
                    words.append(current)
                }
                current = ""
            }
        }
        return words
    }
}
