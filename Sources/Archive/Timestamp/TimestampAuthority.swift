import AsyncHTTPClient
import Foundation
import NIOCore
import SwiftASN1

/// An RFC 3161 time-stamping authority reached over HTTP (RFC 3161 §3.4): POST of the DER `TimeStampReq` as
/// `application/timestamp-query`, reply `application/timestamp-reply` holding a DER `TimeStampResp`.
public struct TimestampAuthority: Sendable {
    public var url: String
    public var timeout: Duration

    public init(url: String, timeout: Duration = .seconds(30)) {
        self.url = url
        self.timeout = timeout
    }

    /// Requests a token; returns its DER (the `timeStampToken` of a granted reply).
    public func timestamp(_ request: TimestampRequest) async throws -> [UInt8] {
        var http = HTTPClientRequest(url: url)
        http.method = .POST
        http.headers.add(name: "Content-Type", value: "application/timestamp-query")
        http.headers.add(name: "Accept", value: "application/timestamp-reply")
        http.body = .bytes(try request.derEncoded())
        let response = try await HTTPClient.shared.execute(http, timeout: .init(timeout))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else {
            throw TimestampProblem("the TSA \(url) answered HTTP \(response.status.code)")
        }
        return try Self.token(fromReply: Array(buffer: body))
    }

    /// `TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken ContentInfo OPTIONAL }`; status 0
    /// (granted) or 1 (grantedWithMods) carries a token.
    static func token(fromReply der: [UInt8]) throws -> [UInt8] {
        let root: ASN1Node
        do {
            root = try DER.parse(der)
        } catch {
            throw TimestampProblem("the TSA's reply is not DER: \(error)")
        }
        return try DER.sequence(root, identifier: .sequence) { nodes in
            guard let statusInfo = nodes.next() else { throw TimestampProblem("the TSA's reply has no status") }
            let (status, text) = try DER.sequence(statusInfo, identifier: .sequence) { inner in
                let status = try Int(derEncoded: &inner)
                var text: [String] = []
                while let node = inner.next() {
                    if case .constructed(let strings) = node.content {
                        for string in strings { text.append((try? String(ASN1UTF8String(derEncoded: string))) ?? "") }
                    }
                }
                return (status, text.joined(separator: "; "))
            }
            guard status == 0 || status == 1, let token = nodes.next() else {
                throw TimestampProblem("the TSA refused the request: status \(status)\(text.isEmpty ? "" : " (\(text))")")
            }
            return Array(token.encodedBytes)
        }
    }
}

