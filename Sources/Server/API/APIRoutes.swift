import Gateway
import Hummingbird

/// The v1 API. The runtime builds the router (authentication, limits, metrics) and calls ``register(on:services:)``.
/// Every route is tenant-scoped through the caller's ``Principal`` and answers errors as RFC 9457 problems.
public enum APIRoutes {
    public static func register<Methods: RouterMethods<PasserelleRequestContext>>(
        on router: Methods, services: GatewayServices
    ) {
        let api = APIRouter(methods: router, audit: AuditTrail(store: services.store, clock: services.clock))
        InvoiceIntakeRoutes.register(on: api, services: services)
        InvoiceReadRoutes.register(on: api, services: services)
        InvoiceDocumentRoutes.register(on: api, services: services)
        BatchRoutes.register(on: api, services: services)
        MasterDataRoutes<CustomerDTO>.register(on: api, services: services)
        MasterDataRoutes<ProductDTO>.register(on: api, services: services)
        MasterDataRoutes<PriceListDTO>.register(on: api, services: services)
        ChangeRoutes.register(on: api, services: services)
        JobRoutes.register(on: api, services: services)
        WebhookRoutes.register(on: api, services: services)
        WebhookDeliveryRoutes.register(on: api, services: services)
        APIKeyRoutes.register(on: api, services: services)
        AuditRoutes.register(on: api, services: services)
        SettingsRoutes.register(on: api, services: services)
        LifecycleRoutes.register(on: api, services: services)
        ReconciliationRoutes.register(on: api, services: services)
    }
}
