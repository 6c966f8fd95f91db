// swift-tools-version:6.0
// A separate package so that the product carries no fuzzing code: one libFuzzer binary whose
// target (toml, catalog, roster) is chosen by FUZZ_TARGET. Built by fuzz/run.sh with
// `-sanitize=fuzzer,address -parse-as-library`; see fuzz/README.md.
import PackageDescription

let package = Package(
  name: "course-menu-fuzz",
  dependencies: [
    .package(name: "course-menu", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "course-menu-fuzz",
      dependencies: [.product(name: "CatalogFuzzing", package: "course-menu")]
    )
  ]
)
