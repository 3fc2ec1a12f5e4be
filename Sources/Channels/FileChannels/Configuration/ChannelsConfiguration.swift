import Foundation
import Gateway

/// The file channels `passerelle serve` runs, read from the channels file (`channels.file` in serve's settings).
/// See docs/erp-files.md, "Channels in passerelle serve".
public struct ChannelsConfiguration: Sendable {
    /// A named SFTP server the channels use.
    public struct SFTPServer: Sendable, Hashable {
        public enum Login: Sendable, Hashable {
            case password(String)
            case keyFile(String)
        }

        public var name: String
        public var host: String
        public var port: Int
        public var user: String
        public var login: Login
        /// OpenSSH known_hosts file; the server's key must be in it.
        public var knownHosts: String
        /// Longest wait for one request.
        public var timeout: Duration
    }

    /// A folder: local, or a path on a named SFTP server.
    public enum Location: Sendable, Hashable, CustomStringConvertible {
        case local(String)
        case sftp(server: String, path: String)

        public var description: String {
            switch self {
            case .local(let path): path
            case .sftp(let server, let path): "sftp \(server):\(path)"
            }
        }
    }

    /// Where and how result files are written.
    public struct Destination: Sendable, Hashable {
        public var location: Location
        public var format: ResultFileFormat
    }

    public struct Pickup: Sendable, Hashable {
        /// Unique among the channels; fingerprints and the spool folder are per name.
        public var name: String
        public var tenant: TenantID
        public var location: Location
        /// The mapping file (YAML), resolved against the channels file's folder.
        public var mappingPath: String
        public var completion: PickupCompletion
        /// How often the folder is looked at.
        public var interval: Duration
        /// Overrides the mapping's policy.
        public var policy: ImportPolicy?
        /// Claims older than this in `processing/` are put back at start-up (a crashed node's).
        public var recoverAfter: Duration
        public var acknowledgements: Destination?
    }

    /// A result file written at a cadence from a cursor: status files and payment files.
    public struct StatusFiles: Sendable, Hashable {
        public var name: String
        public var tenant: TenantID
        public var destination: Destination
        public var interval: Duration
        /// Most change-feed entries per file.
        public var maximumRows: Int
    }

    public var sftp: [String: SFTPServer] = [:]
    public var pickups: [Pickup] = []
    public var statusFiles: [StatusFiles] = []
    /// Payment files for lettering (`payments:`): the same settings as status files.
    public var paymentFiles: [StatusFiles] = []

    public init() {}

    public var isEmpty: Bool { pickups.isEmpty && statusFiles.isEmpty && paymentFiles.isEmpty }
}

/// A channels file that cannot be used: the setting, its line, and what is expected.
public struct ChannelsConfigurationError: Error, Sendable, CustomStringConvertible {
    public var setting: String
    public var line: Int?
    public var message: String

    public init(_ setting: String, _ message: String, line: Int? = nil) {
        self.setting = setting
        self.message = message
        self.line = line
    }

    public var description: String {
        let place = line.map { " (line \($0))" } ?? ""
        return setting.isEmpty ? "\(message)\(place)" : "\(setting)\(place): \(message)"
    }
}
