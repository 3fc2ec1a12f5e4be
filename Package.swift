// swift-tools-version: 6.1
import PackageDescription

let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Passerelle",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "passerelle", targets: ["passerelle"]),
        .library(name: "EInvoice", targets: ["EInvoice"]),
        .library(name: "EInvoiceSyntax", targets: ["EInvoiceSyntax"]),
        .library(name: "EInvoiceRules", targets: ["EInvoiceRules"]),
        .library(name: "FacturX", targets: ["FacturX"]),
        .library(name: "Gateway", targets: ["Gateway"]),
        .library(name: "GatewayStorage", targets: ["GatewayStorage"]),
        .library(name: "Server", targets: ["Server"]),
        .library(name: "SFTP", targets: ["SFTP"]),
        .library(name: "Channels", targets: ["Channels"]),
        .library(name: "Archive", targets: ["Archive"]),
        .library(name: "Sandbox", targets: ["Sandbox"]),
        .library(name: "GatewayArchive", targets: ["GatewayArchive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    ],
    targets: [
        .target(name: "EInvoice", swiftSettings: strictSwift),
        .target(name: "EInvoiceSyntax", dependencies: ["EInvoice"], swiftSettings: strictSwift),
        .target(name: "EInvoiceRules", dependencies: ["EInvoice", "EInvoiceSyntax"], swiftSettings: strictSwift),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "FacturX", dependencies: ["EInvoice", "EInvoiceSyntax", "CZlib"], swiftSettings: strictSwift),
        .target(
            name: "Gateway",
            dependencies: [
                "EInvoice", "EInvoiceSyntax", "EInvoiceRules", "FacturX",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "GatewayStorage",
            dependencies: [
                "Gateway",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Server",
            dependencies: [
                "Gateway",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "SFTP",
            dependencies: [
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Archive",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .target(name: "GatewayArchive", dependencies: ["Gateway", "Archive"], swiftSettings: strictSwift),
        .target(
            name: "Channels",
            dependencies: [
                "Gateway", "EInvoice", "EInvoiceSyntax", "EInvoiceRules", "SFTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSwift
        ),
        .executableTarget(
            name: "passerelle",
            dependencies: [
                "EInvoice", "EInvoiceSyntax", "EInvoiceRules", "FacturX", "Gateway", "GatewayStorage", "Server",
                "Channels", "Archive", "Sandbox", "GatewayArchive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "EInvoiceTests", dependencies: ["EInvoice"], swiftSettings: strictSwift),
        .testTarget(name: "EInvoiceSyntaxTests", dependencies: ["EInvoiceSyntax"], swiftSettings: strictSwift),
        .testTarget(
            name: "EInvoiceRulesTests", dependencies: ["EInvoiceRules", "EInvoiceSyntax"], swiftSettings: strictSwift),
        .testTarget(name: "FacturXTests", dependencies: ["FacturX", "CZlib"], swiftSettings: strictSwift),
        .testTarget(
            name: "GatewayTests", dependencies: ["Gateway", "GatewayStorage", "GatewayArchive", "Archive"],
            swiftSettings: strictSwift),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive"], swiftSettings: strictSwift),
        .testTarget(
            name: "SFTPTests",
            dependencies: [
                "SFTP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Gateway", "GatewayStorage", "GatewayArchive", "Archive",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ChannelsTests",
            dependencies: [
                "Channels", "Gateway", "GatewayStorage", "EInvoice", "EInvoiceRules", "SFTP", "Sandbox",
                "EInvoiceSyntax", "GatewayArchive", "Archive",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                "EInvoice", "EInvoiceSyntax", "EInvoiceRules", "FacturX",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SandboxTests",
            dependencies: [
                "Sandbox", "EInvoice", "EInvoiceSyntax",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "PlatformInboundTests",
            dependencies: [
                "Server", "Gateway", "GatewayStorage", "Channels", "Sandbox", "EInvoice", "EInvoiceSyntax", "EInvoiceRules",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
    ],
    swiftLanguageModes: [.v6]
)
