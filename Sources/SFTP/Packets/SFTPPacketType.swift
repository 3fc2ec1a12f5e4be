/// Packet type numbers of SFTP version 3 (draft-ietf-secsh-filexfer-02, section 3).
enum SFTPPacketType: UInt8, Sendable {
    case initialize = 1
    case version = 2
    case open = 3
    case close = 4
    case read = 5
    case write = 6
    case lstat = 7
    case fstat = 8
    case setstat = 9
    case fsetstat = 10
    case opendir = 11
    case readdir = 12
    case remove = 13
    case mkdir = 14
    case rmdir = 15
    case realpath = 16
    case stat = 17
    case rename = 18
    case readlink = 19
    case symlink = 20
    case status = 101
    case handle = 102
    case data = 103
    case name = 104
    case attrs = 105
    case extended = 200
    case extendedReply = 201
}

/// The status codes of an SSH_FXP_STATUS reply (draft-ietf-secsh-filexfer-02, section 7).
public enum SFTPStatusCode: Sendable, Hashable, CustomStringConvertible {
    case ok
    case endOfFile
    case noSuchFile
    case permissionDenied
    case failure
    case badMessage
    case noConnection
    case connectionLost
    case operationUnsupported
    /// A code outside version 3's list (a newer server speaking past the negotiated version).
    case other(UInt32)

    init(rawValue: UInt32) {
        switch rawValue {
        case 0: self = .ok
        case 1: self = .endOfFile
        case 2: self = .noSuchFile
        case 3: self = .permissionDenied
        case 4: self = .failure
        case 5: self = .badMessage
        case 6: self = .noConnection
        case 7: self = .connectionLost
        case 8: self = .operationUnsupported
        default: self = .other(rawValue)
        }
    }

    var rawValue: UInt32 {
        switch self {
        case .ok: 0
        case .endOfFile: 1
        case .noSuchFile: 2
        case .permissionDenied: 3
        case .failure: 4
        case .badMessage: 5
        case .noConnection: 6
        case .connectionLost: 7
        case .operationUnsupported: 8
        case .other(let code): code
        }
    }

    public var description: String {
        switch self {
        case .ok: "SSH_FX_OK"
        case .endOfFile: "SSH_FX_EOF"
        case .noSuchFile: "SSH_FX_NO_SUCH_FILE"
        case .permissionDenied: "SSH_FX_PERMISSION_DENIED"
        case .failure: "SSH_FX_FAILURE"
        case .badMessage: "SSH_FX_BAD_MESSAGE"
        case .noConnection: "SSH_FX_NO_CONNECTION"
        case .connectionLost: "SSH_FX_CONNECTION_LOST"
        case .operationUnsupported: "SSH_FX_OP_UNSUPPORTED"
        case .other(let code): "status \(code)"
        }
    }
}

/// The `pflags` of SSH_FXP_OPEN.
struct SFTPOpenFlags: OptionSet, Sendable {
    let rawValue: UInt32

    static let read = SFTPOpenFlags(rawValue: 0x01)
    static let write = SFTPOpenFlags(rawValue: 0x02)
    static let append = SFTPOpenFlags(rawValue: 0x04)
    static let create = SFTPOpenFlags(rawValue: 0x08)
    static let truncate = SFTPOpenFlags(rawValue: 0x10)
    static let exclusive = SFTPOpenFlags(rawValue: 0x20)
}

/// Limits that keep a hostile or broken server from making us allocate or loop without bound.
enum SFTPLimits {
    /// The protocol version we speak.
    static let version: UInt32 = 3
    /// The largest packet we accept (OpenSSH's own sftp-server caps its messages at 256 KiB).
    static let maximumPacketLength = 256 * 1024 + 1024
    /// The largest data chunk we send in one WRITE or ask for in one READ (DESIGN.md: at most 32,000 bytes).
    static let maximumChunk = 32_000
}
