import Foundation
import Gateway
import Yams

extension ChannelsConfiguration {
    /// Reads and checks the channels file: unknown keys, bad values, unknown SFTP servers, unreadable mappings or key
    /// files are refused with the setting and its line.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ChannelsConfigurationError) -> ChannelsConfiguration
    {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw ChannelsConfigurationError("", "the channels file \(path) cannot be read as UTF-8 text") }
        let base = (path as NSString).deletingLastPathComponent
        return try load(yaml: text, relativeTo: base, environment: environment)
    }

    public static func load(yaml: String, relativeTo base: String, environment: [String: String] = [:])
        throws(ChannelsConfigurationError) -> ChannelsConfiguration
    {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ChannelsConfigurationError(
                "", "not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        var configuration = ChannelsConfiguration()
        guard let root else { return configuration }
        let reader = ChannelsReader(base: base, environment: environment)
        let top = try reader.mapping(root, "")
        try reader.known(top, ["sftp", "pickup", "status", "payments"], "")
        if let servers = top["sftp"] {
            for (key, node) in try reader.mapping(servers, "sftp") {
                let name = key.string ?? ""
                configuration.sftp[name] = try reader.server(node, name: name, setting: "sftp.\(name)")
            }
        }
        var names: Set<String> = []
        for (index, node) in try reader.sequence(top["pickup"], "pickup").enumerated() {
            let pickup = try reader.pickup(node, setting: "pickup[\(index)]", servers: configuration.sftp)
            guard names.insert(pickup.name).inserted else {
                throw ChannelsConfigurationError("pickup[\(index)].name", "\"\(pickup.name)\" is used twice",
                                                 line: reader.line(node))
            }
            configuration.pickups.append(pickup)
        }
        for (index, node) in try reader.sequence(top["status"], "status").enumerated() {
            let status = try reader.status(node, setting: "status[\(index)]", servers: configuration.sftp)
            guard names.insert(status.name).inserted else {
                throw ChannelsConfigurationError("status[\(index)].name", "\"\(status.name)\" is used twice",
                                                 line: reader.line(node))
            }
            configuration.statusFiles.append(status)
        }
        for (index, node) in try reader.sequence(top["payments"], "payments").enumerated() {
            let payments = try reader.status(node, setting: "payments[\(index)]", servers: configuration.sftp)
            guard names.insert(payments.name).inserted else {
                throw ChannelsConfigurationError("payments[\(index)].name", "\"\(payments.name)\" is used twice",
                                                 line: reader.line(node))
            }
            configuration.paymentFiles.append(payments)
        }
        return configuration
    }
}

/// Walks the YAML tree of a channels file.
struct ChannelsReader {
    let base: String
    let environment: [String: String]

    func server(_ node: Node, name: String, setting: String) throws(ChannelsConfigurationError)
        -> ChannelsConfiguration.SFTPServer
    {
        let map = try mapping(node, setting)
        try known(map, ["host", "port", "user", "password", "password_env", "key", "known_hosts", "timeout"], setting)
        guard ChannelFolders.isSafeName(name) else {
            throw ChannelsConfigurationError(setting, "a server name is a plain word", line: line(node))
        }
        let login: ChannelsConfiguration.SFTPServer.Login
        switch (map["password"], map["password_env"], map["key"]) {
        case (let password?, nil, nil): login = .password(try text(password, "\(setting).password"))
        case (nil, let variable?, nil):
            let name = try text(variable, "\(setting).password_env")
            guard let value = environment[name], !value.isEmpty else {
                throw ChannelsConfigurationError("\(setting).password_env", "the variable \(name) is not set",
                                                 line: line(variable))
            }
            login = .password(value)
        case (nil, nil, let key?):
            let path = resolve(try text(key, "\(setting).key"))
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw ChannelsConfigurationError("\(setting).key", "cannot read the key file \(path)", line: line(key))
            }
            login = .keyFile(path)
        default:
            throw ChannelsConfigurationError(setting, "give exactly one of password, password_env or key", line: line(node))
        }
        guard let knownNode = map["known_hosts"] else {
            throw ChannelsConfigurationError("\(setting).known_hosts",
                                             "is required: the server's host key is checked against it", line: line(node))
        }
        let knownHosts = resolve(try text(knownNode, "\(setting).known_hosts"))
        guard FileManager.default.isReadableFile(atPath: knownHosts) else {
            throw ChannelsConfigurationError("\(setting).known_hosts", "cannot read \(knownHosts)", line: line(knownNode))
        }
        var port = 22
        if let portNode = map["port"] {
            guard let value = portNode.int, (1...65_535).contains(value) else {
                throw ChannelsConfigurationError("\(setting).port", "expected a port number", line: line(portNode))
            }
            port = value
        }
        return ChannelsConfiguration.SFTPServer(
            name: name, host: try text(try required(map, "host", setting, node), "\(setting).host"), port: port,
            user: try text(try required(map, "user", setting, node), "\(setting).user"), login: login,
            knownHosts: knownHosts, timeout: try duration(map["timeout"], "\(setting).timeout", default: .seconds(60)))
    }

    func pickup(_ node: Node, setting: String, servers: [String: ChannelsConfiguration.SFTPServer])
        throws(ChannelsConfigurationError) -> ChannelsConfiguration.Pickup
    {
        let map = try mapping(node, setting)
        try known(map, ["name", "tenant", "folder", "sftp", "path", "mapping", "complete", "stable_for", "poll",
                        "policy", "recover_after", "acknowledgements"], setting)
        let name = try channelName(map, setting, node)
        let mappingNode = try required(map, "mapping", setting, node)
        let mappingPath = resolve(try text(mappingNode, "\(setting).mapping"))
        do {
            _ = try ERPMapping.load(path: mappingPath)
        } catch {
            throw ChannelsConfigurationError("\(setting).mapping", "\(mappingPath): \(error)", line: line(mappingNode))
        }
        let completion: PickupCompletion
        switch map["complete"]?.string {
        case nil, "stable":
            completion = .stableFor(try duration(map["stable_for"], "\(setting).stable_for", default: .seconds(5)))
        case "done-marker":
            guard map["stable_for"] == nil else {
                throw ChannelsConfigurationError("\(setting).stable_for", "applies only to complete: stable",
                                                 line: line(node))
            }
            completion = .doneMarker
        case let other?:
            throw ChannelsConfigurationError("\(setting).complete", "\"\(other)\" is not accepted; write stable or done-marker",
                                             line: map["complete"].flatMap(line))
        }
        var policy: ImportPolicy?
        if let policyNode = map["policy"] {
            guard let text = policyNode.string, let value = ImportPolicy(rawValue: text) else {
                throw ChannelsConfigurationError("\(setting).policy", "write perInvoice or allOrNothing", line: line(policyNode))
            }
            policy = value
        }
        let location = try self.location(map, setting, node, servers: servers)
        var acknowledgements: ChannelsConfiguration.Destination?
        if let ackNode = map["acknowledgements"] {
            acknowledgements = try destination(ackNode, "\(setting).acknowledgements", servers: servers)
        }
        var interval = try optionalDuration(map["poll"], "\(setting).poll")
        if interval == nil { if case .sftp = location { interval = .seconds(10) } else { interval = .seconds(1) } }
        return ChannelsConfiguration.Pickup(
            name: name, tenant: TenantID(try tenant(map, setting)), location: location, mappingPath: mappingPath,
            completion: completion, interval: interval ?? .seconds(1), policy: policy,
            recoverAfter: try duration(map["recover_after"], "\(setting).recover_after", default: .seconds(3600)),
            acknowledgements: acknowledgements)
    }

    func status(_ node: Node, setting: String, servers: [String: ChannelsConfiguration.SFTPServer])
        throws(ChannelsConfigurationError) -> ChannelsConfiguration.StatusFiles
    {
        let map = try mapping(node, setting)
        try known(map, ["name", "tenant", "folder", "sftp", "path", "format", "every", "max_rows"], setting)
        var rows = 10_000
        if let rowsNode = map["max_rows"] {
            guard let value = rowsNode.int, (1...1_000_000).contains(value) else {
                throw ChannelsConfigurationError("\(setting).max_rows", "expected 1 to 1000000", line: line(rowsNode))
            }
            rows = value
        }
        return ChannelsConfiguration.StatusFiles(
            name: try channelName(map, setting, node), tenant: TenantID(try tenant(map, setting)),
            destination: try destination(node, setting, servers: servers),
            interval: try duration(map["every"], "\(setting).every", default: .seconds(60)),
            maximumRows: rows)
    }

    func destination(_ node: Node, _ setting: String, servers: [String: ChannelsConfiguration.SFTPServer])
        throws(ChannelsConfigurationError) -> ChannelsConfiguration.Destination
    {
        let map = try mapping(node, setting)
        var format = ResultFileFormat.csv
        if let formatNode = map["format"] {
            guard let text = formatNode.string, let value = ResultFileFormat(rawValue: text) else {
                throw ChannelsConfigurationError("\(setting).format", "write csv or xml", line: line(formatNode))
            }
            format = value
        }
        return ChannelsConfiguration.Destination(
            location: try location(map, setting, node, servers: servers), format: format)
    }
}
