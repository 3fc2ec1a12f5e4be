import Foundation

/// `FlowInfo`: what we say about a flow we submit (the `flowInfo` part of `POST /v1/flows`).
public struct FlowInfo: Codable, Sendable, Hashable {
    /// Our own identifier of the flow (at most 64 characters): Passerelle puts the submission key here.
    public var trackingId: String?
    /// The file name (at most 255 characters).
    public var name: String
    public var processingRule: FlowProcessingRule?
    public var flowSyntax: FlowSyntax
    public var flowProfile: FlowProfile?
    /// SHA-256 of the file, 64 lowercase hexadecimal digits: the platform checks it (`ChecksumMismatch`).
    public var sha256: String?

    public init(trackingId: String? = nil, name: String, processingRule: FlowProcessingRule? = nil,
                flowSyntax: FlowSyntax, flowProfile: FlowProfile? = nil, sha256: String? = nil) {
        self.trackingId = trackingId
        self.name = name
        self.processingRule = processingRule
        self.flowSyntax = flowSyntax
        self.flowProfile = flowProfile
        self.sha256 = sha256
    }
}

/// `FullFlowInfo`: the 202 answer of `POST /v1/flows` — the flow info with the platform's id and date.
public struct FullFlowInfo: Codable, Sendable, Hashable {
    public var flowId: String
    /// The platform's time reference for this flow.
    public var submittedAt: Date
    public var trackingId: String?
    public var name: String
    public var processingRule: FlowProcessingRule?
    public var flowSyntax: FlowSyntax
    public var flowProfile: FlowProfile?
    public var sha256: String?
}

/// `AcknowledgementDetail`: why a flow was refused (or a warning).
public struct FlowAcknowledgementDetail: Codable, Sendable, Hashable {
    public enum Level: String, Codable, Sendable { case error = "Error", warning = "Warning" }
    public var level: Level
    public var item: String
    /// A `ReasonCodeEnum` value (``FlowReasonCode``) or another code the platform defines.
    public var reasonCode: String
    public var reasonMessage: String
}

/// `Acknowledgement`: the technical answer to a flow, `Pending` until the platform has looked at it.
public struct FlowAcknowledgement: Codable, Sendable, Hashable {
    public var status: FlowAckStatus
    public var details: [FlowAcknowledgementDetail]?

    /// The first detail with this reason code.
    public func detail(_ reasonCode: String) -> FlowAcknowledgementDetail? {
        details?.first { $0.reasonCode == reasonCode }
    }
}

/// `Flow`: a flow's metadata (`GET /v1/flows/{flowId}`, search results, webhook bodies).
public struct Flow: Codable, Sendable, Hashable {
    public var flowId: String
    public var submittedAt: Date
    public var updatedAt: Date
    public var trackingId: String?
    public var name: String
    public var processingRule: FlowProcessingRule
    public var processingRuleSource: FlowProcessingRuleSource
    public var flowSyntax: FlowSyntax
    public var flowProfile: FlowProfile
    public var flowType: FlowType
    public var flowDirection: FlowDirection
    public var acknowledgement: FlowAcknowledgement
}

/// A submitted flow: the platform's answer decoded, and its exact bytes (a receipt worth archiving).
public struct SubmittedFlow: Sendable, Hashable {
    public var info: FullFlowInfo
    /// The body of the 202 answer, byte for byte.
    public var receipt: [UInt8]
    public var flowId: String { info.flowId }
}

/// A flow's document (`Original`, `Converted`, `ReadableView`): its bytes and the file name the platform gives.
public struct FlowDocument: Sendable, Hashable {
    public var bytes: [UInt8]
    /// From `Content-Disposition: attachment;filename=…`, when given.
    public var fileName: String?
    public var contentType: String?
}
