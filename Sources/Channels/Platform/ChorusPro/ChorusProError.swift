/// Why a Chorus Pro call failed. ``isTransient`` says whether trying again later can help: the pipeline retries a
/// transient failure and parks a permanent one.
public enum ChorusProError: Error, Sendable, Equatable, CustomStringConvertible {
    /// PISTE refused the OAuth2 client (wrong client id or secret): fix `clientId` / `clientSecretFile`.
    case authentication(String)
    /// Chorus Pro refused the technical account of the `cpro-account` header: fix `login` / `passwordFile`.
    case account(String)
    /// The call was understood and refused: `codeRetour` ≠ 0, with Chorus Pro's `libelle`.
    case refused(call: String, code: Int, libelle: String)
    /// PISTE or Chorus Pro could not be reached, timed out or answered 429/5xx.
    case unavailable(String)
    /// The answer is not the JSON the contract describes.
    case unreadableAnswer(call: String, detail: String)

    public var isTransient: Bool {
        switch self {
        case .unavailable: true
        case .authentication, .account, .refused, .unreadableAnswer: false
        }
    }

    public var description: String {
        switch self {
        case .authentication(let detail): "PISTE refused the OAuth2 client: \(detail)"
        case .account(let detail): "Chorus Pro refused the technical account (cpro-account): \(detail)"
        case .refused(let call, let code, let libelle): "Chorus Pro refused \(call): codeRetour \(code), \(libelle)"
        case .unavailable(let detail): "Chorus Pro is unavailable: \(detail)"
        case .unreadableAnswer(let call, let detail): "Chorus Pro's answer to \(call) cannot be read: \(detail)"
        }
    }
}
