// swift-tools-version:6.0
// A separate package so that the product never depends on TOMLKit: it measures the
// project's own TOML reader and catalog loader against TOMLKit (toml++) in one process.
import PackageDescription

let package = Package(
  name: "catalog-load-bench",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "course-menu", path: "../.."),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .executableTarget(
      name: "catalog-load-bench",
      dependencies: [
        .product(name: "Catalog", package: "course-menu"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ]
    )
  ]
)
