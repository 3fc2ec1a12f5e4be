// swift-tools-version: 6.1
// A libFuzzer target for the PDF reader and checker, kept outside the main package build (it needs
// -sanitize=fuzzer). See README.md beside this file.
import PackageDescription

let package = Package(
    name: "PasserelleFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Passerelle", path: "..")],
    targets: [
        .executableTarget(
            name: "PDFFuzzer",
            dependencies: [.product(name: "FacturX", package: "Passerelle")],
            swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ),
    ]
)
