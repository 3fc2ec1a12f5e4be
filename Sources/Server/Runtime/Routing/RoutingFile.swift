import Foundation
import Gateway
import Yams

/// Reads the routing (docs/routing.md) from YAML: the `routing:` section of passerelle.yaml, or a routing file
/// (a `routing:` section, or the table itself at the top). Per-tenant tables sit inline under `routing.tenants`,
/// or in their own file named there (relative to the file that names it).
public enum RoutingFile {
    static let policyKeys = ["dry_run", "default", "rules", "tenants"]

    /// The routing of `passerelle.yaml`; nil when it has no `routing:` section.
    /// `knownTargets`: the configured platform names; a target outside them (and `legacy`) is an error.
    public static func load(configFile path: String, knownTargets: Set<String>? = nil)
        throws(RoutingFileError) -> RoutingPolicy?
    {
        let root = try document(path)
        guard let root, case .mapping(let mapping) = root.node, let section = mapping["routing"] else { return nil }
        return try policy(RoutingYAMLNode(node: section, file: path, field: "routing"), knownTargets: knownTargets)
    }

    /// A routing file: `routing:` at the top, or the policy's keys at the top.
    public static func load(path: String, knownTargets: Set<String>? = nil) throws(RoutingFileError)
        -> RoutingPolicy
    {
        guard let root = try document(path) else { throw RoutingFileError(file: path, message: "is empty") }
        if case .mapping(let mapping) = root.node, let section = mapping["routing"] {
            return try policy(RoutingYAMLNode(node: section, file: path, field: "routing"), knownTargets: knownTargets)
        }
        return try policy(root, knownTargets: knownTargets)
    }

    static func document(_ path: String) throws(RoutingFileError) -> RoutingYAMLNode? {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RoutingFileError(file: path, message: "cannot be read (\(ConfigurationLoader.reason(error)))")
        }
        return try parse(text, file: path)
    }

    /// The YAML tree of `text`, errors located in `file`.
    static func parse(_ text: String, file: String) throws(RoutingFileError) -> RoutingYAMLNode? {
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            return RoutingYAMLNode(node: node, file: file, field: "")
        } catch {
            throw RoutingFileError(file: file, message: "is not valid YAML (\(YAMLSettings.oneLine(error)))")
        }
    }

    /// `routing:` — a shared table (`default`, `rules`, `dry_run`) and `tenants`.
    static func policy(_ node: RoutingYAMLNode, knownTargets: Set<String>?) throws(RoutingFileError)
        -> RoutingPolicy
    {
        let entries = try node.mapping(allowed: policyKeys)
        var policy = RoutingPolicy()
        let hasTable = entries.contains { $0.key == "default" || $0.key == "rules" }
        if hasTable {
            policy.shared = try table(node, allowed: policyKeys, knownTargets: knownTargets)
            policy.shared?.dryRun = nil
        }
        for (key, value) in entries {
            switch key {
            case "dry_run": policy.dryRun = try value.bool()
            case "tenants": policy.tenants = try tenants(value, knownTargets: knownTargets)
            default: break
            }
        }
        guard policy.shared != nil || !policy.tenants.isEmpty else {
            throw node.error("has neither a table (`default:` and `rules:`) nor `tenants:`")
        }
        return policy
    }

    /// `tenants:` — each tenant's table inline, or the path of its own routing file.
    static func tenants(_ node: RoutingYAMLNode, knownTargets: Set<String>?) throws(RoutingFileError)
        -> [TenantID: RoutingTable]
    {
        var tables: [TenantID: RoutingTable] = [:]
        for (key, value) in try node.mapping(allowed: []) {
            if case .scalar = value.node {
                let path = try value.string()
                let folder = URL(fileURLWithPath: node.file).deletingLastPathComponent()
                let resolved = path.hasPrefix("/") ? path : folder.appendingPathComponent(path).path
                guard let root = try document(resolved) else {
                    throw RoutingFileError(file: resolved, message: "is empty")
                }
                var section = root
                if case .mapping(let mapping) = root.node, let inner = mapping["routing"] {
                    section = RoutingYAMLNode(node: inner, file: resolved, field: "routing")
                }
                tables[TenantID(key)] = try table(section, allowed: RoutingTableReader.tableKeys,
                                                  knownTargets: knownTargets)
            } else {
                tables[TenantID(key)] = try table(value, allowed: RoutingTableReader.tableKeys,
                                                  knownTargets: knownTargets)
            }
        }
        return tables
    }

    static func table(_ node: RoutingYAMLNode, allowed: [String], knownTargets: Set<String>?)
        throws(RoutingFileError) -> RoutingTable
    {
        try RoutingTableReader(knownTargets: knownTargets).table(node, allowed: allowed)
    }
}
