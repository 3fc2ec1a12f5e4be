import NIOCore
import NIOPosix
import NIOSSH

/// Speaks SFTP on one SSH session channel: starts the `sftp` subsystem, sends INIT, then matches each reply to its
/// request by id. Lives on the channel's event loop; the client reaches it through `NIOLoopBound`.
final class SFTPChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = Never
    typealias OutboundOut = SSHChannelData

    private struct Pending {
        var promise: EventLoopPromise<SFTPResponse>
        var timeout: Scheduled<Void>?
    }

    private var context: ChannelHandlerContext?
    private var stream = ByteBuffer()
    private var nextRequestID: UInt32 = 1
    private var pending: [UInt32: Pending] = [:]
    private var subsystemPromise: EventLoopPromise<Void>?
    private var versionPromise: EventLoopPromise<SFTPServerInfo>?
    /// Set once the channel is unusable; every later request fails with it at once.
    private var closedError: SFTPError?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        failEverything(SFTPError.connectionLost("the SFTP channel was removed"))
        self.context = nil
    }

    // MARK: Session start

    /// Requests the `sftp` subsystem, waits for the server's reply (DESIGN.md), then sends INIT and waits for VERSION.
    func startSession() -> EventLoopFuture<SFTPServerInfo> {
        guard let context else {
            return MultiThreadedEventLoopGroup.singleton.any().makeFailedFuture(
                SFTPError.connectionLost("the SFTP channel is gone"))
        }
        let subsystem = context.eventLoop.makePromise(of: Void.self)
        subsystemPromise = subsystem
        let request = SSHChannelRequestEvent.SubsystemRequest(subsystem: "sftp", wantReply: true)
        context.triggerUserOutboundEvent(request).assumeIsolated().whenFailure { [weak self] error in
            self?.subsystemPromise?.fail(SFTPError(.connectFailed, message: "cannot request the sftp subsystem: \(error)"))
            self?.subsystemPromise = nil
        }
        return subsystem.futureResult.assumeIsolated().flatMap { [weak self] () -> EventLoopFuture<SFTPServerInfo> in
            guard let self, let context = self.context else {
                return context.eventLoop.makeFailedFuture(SFTPError.connectionLost("the SFTP channel closed"))
            }
            let version = context.eventLoop.makePromise(of: SFTPServerInfo.self)
            self.versionPromise = version
            let packet = SFTPFraming.frame(
                type: .initialize, body: SFTPInit.body(allocator: context.channel.allocator),
                allocator: context.channel.allocator)
            context.writeAndFlush(self.wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(packet))), promise: nil)
            return version.futureResult
        }.nonisolated()
    }

    // MARK: Requests

    /// Sends one request; the future completes with the server's reply, `connectionLost` or `timeout`.
    func send(_ request: SFTPRequest, timeout: TimeAmount) -> EventLoopFuture<SFTPResponse> {
        guard let context else {
            return MultiThreadedEventLoopGroup.singleton.any().makeFailedFuture(
                closedError ?? SFTPError.connectionLost("the SFTP channel is closed"))
        }
        if let closedError { return context.eventLoop.makeFailedFuture(closedError) }
        let id = nextRequestID
        nextRequestID &+= 1
        let promise = context.eventLoop.makePromise(of: SFTPResponse.self)
        let path = request.path
        let scheduled = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
            guard let self, let entry = self.pending.removeValue(forKey: id) else { return }
            entry.promise.fail(
                SFTPError(.timeout, path: path, message: "no reply to \(request.type) within \(timeout.nanoseconds / 1_000_000) ms"))
        }
        pending[id] = Pending(promise: promise, timeout: scheduled)
        let allocator = context.channel.allocator
        let packet = SFTPFraming.frame(
            type: request.type, body: request.encodeBody(id: id, allocator: allocator), allocator: allocator)
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenFailure { [weak self] error in
            guard let self, let entry = self.pending.removeValue(forKey: id) else { return }
            entry.timeout?.cancel()
            entry.promise.fail(SFTPError.connectionLost("could not send \(request.type): \(error)"))
        }
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(packet))), promise: written)
        return promise.futureResult
    }

    // MARK: Inbound

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        // Extended data (stderr) carries no SFTP packets.
        guard message.type == .channel, case .byteBuffer(var bytes) = message.data else { return }
        stream.writeBuffer(&bytes)
        do {
            while let packet = try SFTPFraming.nextPacket(from: &stream) {
                dispatch(try SFTPResponse(packet: packet))
            }
            if stream.readerIndex > 64 * 1024 { stream.discardReadBytes() }
        } catch {
            let failure = (error as? SFTPError) ?? SFTPError.malformedPacket("\(error)")
            failEverything(failure)
            context.close(promise: nil)
        }
    }

    private func dispatch(_ response: SFTPResponse) {
        if case .version(let version, let extensions) = response {
            versionPromise?.succeed(SFTPServerInfo(version: version, extensions: extensions))
            versionPromise = nil
            return
        }
        // A reply to a request that already timed out is dropped.
        guard let id = response.requestID, let entry = pending.removeValue(forKey: id) else { return }
        entry.timeout?.cancel()
        entry.promise.succeed(response)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelSuccessEvent:
            subsystemPromise?.succeed(())
            subsystemPromise = nil
        case is ChannelFailureEvent:
            subsystemPromise?.fail(SFTPError(.connectFailed, message: "the server refused the sftp subsystem"))
            subsystemPromise = nil
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failEverything(SFTPError.connectionLost("the SSH connection closed"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failEverything((error as? SFTPError) ?? SFTPError.connectionLost("the SSH channel failed: \(error)"))
        context.close(promise: nil)
    }

    private func failEverything(_ error: SFTPError) {
        if closedError == nil { closedError = error }
        let failure = closedError ?? error
        subsystemPromise?.fail(failure)
        subsystemPromise = nil
        versionPromise?.fail(failure)
        versionPromise = nil
        let entries = pending
        pending = [:]
        for entry in entries.values {
            entry.timeout?.cancel()
            entry.promise.fail(failure)
        }
    }
}

/// What the server said in its VERSION reply.
public struct SFTPServerInfo: Sendable, Hashable {
    public var version: UInt32
    /// Extension names and their data, e.g. `posix-rename@openssh.com` → `1`.
    public var extensions: [String: String]
}
