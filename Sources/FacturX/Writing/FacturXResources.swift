import Foundation
import Synchronization

/// The files a Factur-X PDF is made with: the Liberation Sans regular and bold fonts and the sRGB ICC profile.
/// They are read and parsed once per process and path, then shared by every document.
///
/// Liberation Sans (Debian `fonts-liberation2`, SIL Open Font License 1.1, fsType 0 so embedding is allowed)
/// covers French completely (é è ê à ç œ æ « » € ’ and the no-break spaces) and has Arial's metrics, so the
/// invoice reads like the office documents accountants are used to, in less width than DejaVu.
public struct FacturXResources: Sendable {
    let fonts: FontPair
    let colorProfile: ColorProfile

    public static let fontFiles = (regular: "LiberationSans-Regular.ttf", bold: "LiberationSans-Bold.ttf")
    public static let defaultFontDirectories = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"]
    public static let defaultColorProfile = "/usr/share/color/icc/sRGB.icc"

    private static let cache = Mutex<[String: FacturXResources]>([:])

    /// Loads (or returns the cached) resources.
    /// - Parameters:
    ///   - fontDirectory: a folder with the two Liberation Sans files; default: `PASSERELLE_FONT_DIR`, then Debian's folders.
    ///   - colorProfilePath: an sRGB ICC profile; default: `PASSERELLE_ICC_PROFILE`, then Debian's icc-profiles-free.
    public static func load(fontDirectory: String? = nil, colorProfilePath: String? = nil) throws(FacturXError) -> FacturXResources {
        let environment = ProcessInfo.processInfo.environment
        let directories = fontDirectory.map { [$0] }
            ?? environment["PASSERELLE_FONT_DIR"].map { [$0] } ?? defaultFontDirectories
        let profilePath = colorProfilePath ?? environment["PASSERELLE_ICC_PROFILE"] ?? defaultColorProfile
        let key = directories.joined(separator: ":") + "|" + profilePath
        if let cached = cache.withLock({ $0[key] }) { return cached }

        let manager = FileManager.default
        guard let directory = directories.first(where: { folder in
            manager.fileExists(atPath: folder + "/" + fontFiles.regular) && manager.fileExists(atPath: folder + "/" + fontFiles.bold)
        }) else {
            throw .fontsMissing(searched: directories)
        }
        let fonts: FontPair
        do throws(FontError) {
            fonts = FontPair(regular: try TrueTypeFont(path: directory + "/" + fontFiles.regular),
                             bold: try TrueTypeFont(path: directory + "/" + fontFiles.bold))
        } catch {
            throw .fontUnusable(path: error.path, reason: error.reason)
        }
        let resources = FacturXResources(fonts: fonts, colorProfile: try ColorProfile(path: profilePath))
        cache.withLock { $0[key] = resources }
        return resources
    }

    /// The raw bytes of the sRGB ICC profile (for the attacher's output intent): `path`, else
    /// `PASSERELLE_ICC_PROFILE`, else Debian's icc-profiles-free file; checked like the writer's.
    public static func colorProfileBytes(path: String? = nil) throws(FacturXError) -> [UInt8] {
        let chosen = path ?? ProcessInfo.processInfo.environment["PASSERELLE_ICC_PROFILE"] ?? defaultColorProfile
        return try ColorProfile.read(path: chosen)
    }
}

/// An ICC profile for the PDF/A output intent, with its Flate-compressed bytes kept for reuse.
struct ColorProfile: Sendable {
    let path: String
    let components: Int
    let compressed: [UInt8]

    init(path: String) throws(FacturXError) {
        let bytes = try Self.read(path: path)
        self.path = path
        components = 3
        compressed = Flate.compress(bytes, level: 9)
    }

    /// The profile's bytes, refused unless it is an RGB ICC profile PDF 1.7 can carry.
    static func read(path: String) throws(FacturXError) -> [UInt8] {
        guard let contents = FileManager.default.contents(atPath: path) else { throw .colorProfileMissing(path: path) }
        let bytes = [UInt8](contents)
        guard bytes.count >= 128, bytes.u32(36) == 0x6163_7370 else {  // 'acsp'
            throw .colorProfileInvalid(path: path, reason: "not an ICC profile (no 'acsp' signature)")
        }
        guard bytes.u32(16) == 0x5247_4220 else {  // 'RGB '
            throw .colorProfileInvalid(path: path, reason: "not an RGB profile; the invoice is drawn in RGB and needs an sRGB output intent")
        }
        guard bytes[8] <= 4 else {
            throw .colorProfileInvalid(path: path, reason: "ICC version \(bytes[8]) is newer than PDF 1.7 allows (at most 4)")
        }
        return bytes
    }
}
