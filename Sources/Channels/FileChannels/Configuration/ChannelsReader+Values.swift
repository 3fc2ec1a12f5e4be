import Foundation
import Yams

extension ChannelsReader {
    func location(_ map: Node.Mapping, _ setting: String, _ node: Node,
                  servers: [String: ChannelsConfiguration.SFTPServer]) throws(ChannelsConfigurationError)
        -> ChannelsConfiguration.Location
    {
        switch (map["folder"], map["sftp"]) {
        case (let folder?, nil):
            guard map["path"] == nil else {
                throw ChannelsConfigurationError("\(setting).path", "applies only with sftp", line: line(node))
            }
            return .local(resolve(try text(folder, "\(setting).folder")))
        case (nil, let serverNode?):
            let server = try text(serverNode, "\(setting).sftp")
            guard servers[server] != nil else {
                throw ChannelsConfigurationError(
                    "\(setting).sftp", "no server \"\(server)\" under sftp: (known: \(servers.keys.sorted().joined(separator: ", ")))",
                    line: line(serverNode))
            }
            let path = try text(try required(map, "path", setting, node), "\(setting).path")
            return .sftp(server: server, path: path)
        default:
            throw ChannelsConfigurationError(setting, "give either folder (local) or sftp and path", line: line(node))
        }
    }

    func channelName(_ map: Node.Mapping, _ setting: String, _ node: Node) throws(ChannelsConfigurationError) -> String {
        let nameNode = try required(map, "name", setting, node)
        let name = try text(nameNode, "\(setting).name")
        guard ChannelFolders.isSafeName(name), name.utf8.count <= 100 else {
            throw ChannelsConfigurationError("\(setting).name", "a channel name is a plain word (no /, no leading dot)",
                                             line: line(nameNode))
        }
        return name
    }

    func tenant(_ map: Node.Mapping, _ setting: String) throws(ChannelsConfigurationError) -> String {
        guard let node = map["tenant"] else { return "default" }
        return try text(node, "\(setting).tenant")
    }

    func mapping(_ node: Node, _ setting: String) throws(ChannelsConfigurationError) -> Node.Mapping {
        guard let map = node.mapping else {
            throw ChannelsConfigurationError(setting, "expected a mapping of keys to values", line: line(node))
        }
        return map
    }

    func sequence(_ node: Node?, _ setting: String) throws(ChannelsConfigurationError) -> [Node] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            throw ChannelsConfigurationError(setting, "expected a list (items start with -)", line: line(node))
        }
        return Array(items)
    }

    func known(_ map: Node.Mapping, _ keys: [String], _ setting: String) throws(ChannelsConfigurationError) {
        for (key, _) in map {
            guard let name = key.string, keys.contains(name) else {
                throw ChannelsConfigurationError(
                    setting, "unknown setting \"\(key.string ?? "?")\"; known: \(keys.joined(separator: ", "))",
                    line: line(key))
            }
        }
    }

    func required(_ map: Node.Mapping, _ key: String, _ setting: String, _ node: Node)
        throws(ChannelsConfigurationError) -> Node
    {
        guard let value = map[key] else {
            throw ChannelsConfigurationError("\(setting).\(key)", "is required", line: line(node))
        }
        return value
    }

    func text(_ node: Node, _ setting: String) throws(ChannelsConfigurationError) -> String {
        guard let value = node.string?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw ChannelsConfigurationError(setting, "expected a non-empty value", line: line(node))
        }
        return value
    }

    /// `250ms`, `5s`, `10m`, `1h` (a bare number is seconds).
    func duration(_ node: Node?, _ setting: String, default value: Duration) throws(ChannelsConfigurationError)
        -> Duration
    {
        try optionalDuration(node, setting) ?? value
    }

    func optionalDuration(_ node: Node?, _ setting: String) throws(ChannelsConfigurationError) -> Duration? {
        let value: Duration? = nil
        guard let node else { return value }
        guard let parsed = node.string.flatMap(Self.parseDuration) else {
            throw ChannelsConfigurationError(setting, "expected a duration such as 500ms, 5s, 10m or 1h", line: line(node))
        }
        return parsed
    }

    static func parseDuration(_ text: String) -> Duration? {
        let value = text.trimmingCharacters(in: .whitespaces)
        let units: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, milliseconds) in units where value.hasSuffix(suffix) {
            guard let number = Int64(value.dropLast(suffix.count)), number >= 0, number < 1_000_000_000 else {
                return nil
            }
            return .milliseconds(number * milliseconds)
        }
        guard let seconds = Int64(value), seconds >= 0, seconds < 1_000_000_000 else { return nil }
        return .seconds(seconds)
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
    }

    func line(_ node: Node) -> Int? { node.mark?.line }
}
