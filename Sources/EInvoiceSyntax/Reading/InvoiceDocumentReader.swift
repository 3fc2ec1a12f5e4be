import Foundation

/// Reads an invoice in any supported XML syntax: detects CII or UBL from the root element and maps it to the
/// model. This is the one entry point the CLI and the gateway use.
public struct InvoiceDocumentReader: Sendable {
    public var limits: XMLReadLimits

    public init(limits: XMLReadLimits = XMLReadLimits()) {
        self.limits = limits
    }

    /// Why a document could not be read, in the words a user needs.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadableFile(path: String, reason: String)
        case xml(XMLReadError)
        case notAnInvoice(rootName: String, namespace: String)
        case invoice(InvoiceReadError)

        public var description: String {
            switch self {
            case let .unreadableFile(path, reason): "\(path): \(reason)"
            case let .xml(error): error.description
            case let .notAnInvoice(root, namespace):
                "line 1: the root element <\(root)> (namespace '\(namespace)') is neither a CII CrossIndustryInvoice nor a UBL Invoice or CreditNote"
            case let .invoice(error): error.description
            }
        }
    }

    public func read(bytes: [UInt8]) throws(Failure) -> ParsedInvoice {
        let tree: XMLTree
        do {
            tree = try SafeXMLParser(limits: limits).parse(bytes)
        } catch {
            throw .xml(error)
        }
        return try read(tree: tree)
    }

    public func read(tree: XMLTree) throws(Failure) -> ParsedInvoice {
        guard let root = tree.root else { throw .notAnInvoice(rootName: "", namespace: "") }
        let isCII = root.localName == "CrossIndustryInvoice" && root.namespace == Namespaces.ciiRSM
        let isUBL = (root.localName == "Invoice" && root.namespace == Namespaces.ublInvoice)
            || (root.localName == "CreditNote" && root.namespace == Namespaces.ublCreditNote)
        guard isCII || isUBL else { throw .notAnInvoice(rootName: root.qualifiedName, namespace: root.namespace) }
        do throws(InvoiceReadError) {
            return isCII ? try CIIReader().read(tree) : try UBLReader().read(tree)
        } catch {
            throw .invoice(error)
        }
    }

    /// Reads a file, refusing files larger than the limit before reading a byte of them.
    public func read(path: String) throws(Failure) -> ParsedInvoice {
        try read(bytes: try Self.loadFile(path: path, limit: limits.maximumBytes))
    }

    /// The bytes of a file, refused when it is larger than `limit` (checked from its size, before reading).
    public static func loadFile(path: String, limit: Int) throws(Failure) -> [UInt8] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableFile(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadableFile(path: path, reason: "is a folder, not a file") }
        let size = ((try? manager.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limit else {
            throw .unreadableFile(path: path, reason: "the file is \(size) bytes; files larger than \(limit) bytes are refused")
        }
        guard let data = manager.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "cannot be read (permissions?)")
        }
        guard data.count <= limit else {
            throw .unreadableFile(path: path, reason: "the file is \(data.count) bytes; files larger than \(limit) bytes are refused")
        }
        return [UInt8](data)
    }
}
