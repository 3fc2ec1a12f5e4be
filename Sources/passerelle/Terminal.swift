import Foundation

/// Colour and output helpers; colour only when writing to a terminal and NO_COLOR is unset.
struct Terminal: Sendable {
    let colors: Bool

    init(colors: Bool? = nil) {
        if let colors {
            self.colors = colors
        } else {
            self.colors = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }

    func red(_ text: String) -> String { paint(text, "31") }
    func yellow(_ text: String) -> String { paint(text, "33") }
    func green(_ text: String) -> String { paint(text, "32") }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Exit codes scripts can rely on.
enum ExitStatus {
    /// Every file is valid (warnings allowed unless --strict).
    static let valid: Int32 = 0
    /// At least one file broke a fatal rule.
    static let invalid: Int32 = 1
    /// At least one file could not be read at all.
    static let unreadable: Int32 = 2
}
