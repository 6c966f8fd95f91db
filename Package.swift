// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "course-menu",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "course-menu", targets: ["tui"]),
    .library(name: "Catalog", targets: ["Catalog"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .systemLibrary(
      name: "CNcurses",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    .target(name: "Catalog"),
    .executableTarget(
      name: "tui",
      dependencies: [
        "Catalog",
        "CNcurses",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "CatalogTests", dependencies: ["Catalog"]),
    .testTarget(name: "tuiTests", dependencies: ["tui", "Catalog"]),
  ]
)
