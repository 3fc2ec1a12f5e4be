import Gateway
import Hummingbird

/// The v1 API. The runtime builds the router (authentication, limits, metrics) and calls ``register(on:services:)``.
public enum APIRoutes {
    public static func register(on router: Router<PasserelleRequestContext>, services: GatewayServices) {
        _ = router
        _ = services
    }
}
