// swift-tools-version:6.0
// A separate package so that the product carries no fuzzing code: one libFuzzer binary whose
// target (toml, catalog, roster) is chosen by FUZZ_TARGET. Built by fuzz/run.sh with
// `-sanitize=fuzzer,address`; see fuzz/README.md.
import PackageDescription

let package = Package(
  name: "course-menu-fuzz",
  dependencies: [
    .package(name: "course-menu", path: "..")
  ],
  targets: [
    .target(name: "CFuzzerDriver"),
    .executableTarget(
      name: "course-menu-fuzz",
      dependencies: ["CFuzzerDriver", .product(name: "CatalogFuzzing", package: "course-menu")]
    ),
  ]
)
