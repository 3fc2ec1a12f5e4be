import NIOCore
import Synchronization

/// Remembers the first reason a connection failed, so that `connect` can report "host key mismatch" or
/// "authentication failed" instead of the bare channel closure that follows them.
final class ConnectionDiagnostics: Sendable {
    private let firstError = Mutex<SFTPError?>(nil)

    func record(_ error: SFTPError) {
        firstError.withLock { current in
            if current == nil { current = error }
        }
    }

    var error: SFTPError? { firstError.withLock { $0 } }
}

/// Sits behind the SSH handler on the TCP channel: records connection errors and closes the channel on them.
final class ConnectionWatcher: ChannelInboundHandler {
    typealias InboundIn = Any

    private let diagnostics: ConnectionDiagnostics

    init(diagnostics: ConnectionDiagnostics) {
        self.diagnostics = diagnostics
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? SFTPError {
            diagnostics.record(error)
        } else {
            diagnostics.record(SFTPError.connectionLost("SSH error: \(error)"))
        }
        context.close(promise: nil)
    }
}
