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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "EInvoice", swiftSettings: strictSwift),
        .target(name: "EInvoiceSyntax", dependencies: ["EInvoice"], swiftSettings: strictSwift),
        .target(name: "EInvoiceRules", dependencies: ["EInvoice", "EInvoiceSyntax"], swiftSettings: strictSwift),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "FacturX", dependencies: ["EInvoice", "EInvoiceSyntax", "CZlib"], swiftSettings: strictSwift),
        .executableTarget(
            name: "passerelle",
            dependencies: [
                "EInvoice", "EInvoiceSyntax", "EInvoiceRules", "FacturX",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "EInvoiceTests", dependencies: ["EInvoice"], swiftSettings: strictSwift),
        .testTarget(name: "EInvoiceSyntaxTests", dependencies: ["EInvoiceSyntax"], swiftSettings: strictSwift),
        .testTarget(
            name: "EInvoiceRulesTests", dependencies: ["EInvoiceRules", "EInvoiceSyntax"], swiftSettings: strictSwift),
        .testTarget(name: "FacturXTests", dependencies: ["FacturX", "CZlib"], swiftSettings: strictSwift),
    ],
    swiftLanguageModes: [.v6]
)
