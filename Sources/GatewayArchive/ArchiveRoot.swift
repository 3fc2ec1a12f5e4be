import Foundation

/// The archive root shared by the nodes of one installation, and the journal of each node in it:
///
///     <root>/nodes/<node>/      a complete legal archive (docs/archive.md): journal.jsonl, seals.jsonl, keys/, blobs/
///
/// Each `passerelle serve` process writes only its own node's folder, whose `archive.lock` it holds (flock) while it
/// runs: two processes can never append to one journal, so no journal forks. Each journal is chained, sealed and
/// verified on its own; `passerelle archive verify --path <root>` verifies them all.
public enum ArchiveRoot {
    /// `<root>/nodes`.
    public static func nodesFolder(_ root: URL) -> URL {
        root.appendingPathComponent("nodes", isDirectory: true)
    }

    /// `<root>/nodes/<node>`.
    public static func folder(of node: String, in root: URL) -> URL {
        nodesFolder(root).appendingPathComponent(node, isDirectory: true)
    }

    /// The node journals under a root, sorted by name; empty when the root has no `nodes/` folder.
    public static func nodes(in root: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: nodesFolder(root).path)) ?? []
        return names.filter { isValidNodeName($0) && isDirectory(folder(of: $0, in: root)) }.sorted()
    }

    /// 1 to 64 of `A-Z a-z 0-9 . _ -`, not starting with a dot: a folder name on every file system.
    public static func isValidNodeName(_ name: String) -> Bool {
        guard (1...64).contains(name.utf8.count), !name.hasPrefix(".") else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    /// The node name kept in `<dataDirectory>/archive-node`; made on first use as `<host>-<6 hex digits>`.
    /// A process keeps its journal across restarts because it keeps its data folder.
    public static func nodeName(dataDirectory: String) throws -> String {
        let path = (dataDirectory as NSString).appendingPathComponent("archive-node")
        if let data = FileManager.default.contents(atPath: path) {
            let name = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard isValidNodeName(name) else {
                throw NodeNameError(path: path, name: name)
            }
            return name
        }
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "node"
        let cleanHost = String(host.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }.prefix(40))
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(6)
        let name = "\(cleanHost.isEmpty ? "node" : cleanHost)-\(suffix)"
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try Data((name + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return name
    }

    /// `<dataDirectory>/archive-node` holds something that is not a node name.
    public struct NodeNameError: Error, CustomStringConvertible {
        public var path: String
        public var name: String
        public var description: String {
            "\(path) holds \"\(name.prefix(80))\", which is not a node name (1-64 of A-Z a-z 0-9 . _ -); "
                + "fix or delete it"
        }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
