// swift-tools-version:6.0
import PackageDescription

// Builds on Linux (Glibc, ncursesw); SwiftPM has no Linux platform to declare, so none is.

// How the release build compiles our modules, for a quicker start (bench/first-frame/README.md):
// generic type metadata (`[Range<Int>]`, `[String: Int]`) is reached through its accessor
// functions, handed the conformances the compiler already knows, instead of by mangled name,
// whose resolution checks the requirements (`Int: Comparable`) by a scan of every conformance
// record of the program, a tenth of a millisecond each; and each function gets a section of
// its own, so that the link can place the ones a start runs side by side
// (`Sources/tui/start-order.txt`).
let releaseStartSettings: [SwiftSetting] = [
  .unsafeFlags(
    [
      "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
      "-Xfrontend", "-function-sections",
    ],
    .when(configuration: .release))
]

let package = Package(
  name: "course-menu",
  products: [
    .executable(name: "course-menu", targets: ["tui"]),
    .library(name: "Catalog", targets: ["Catalog"]),
    // The fuzzers' inputs, for fuzz/ and the corpus replay test; not part of the program.
    .library(name: "CatalogFuzzing", targets: ["CatalogFuzzing"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcurses",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // The running program's build id, which keys compiled catalogs (dl_iterate_phdr, in C).
    .target(name: "CBuildID"),
    // A bounded blocking flock, which lines up the writers of a SQLite records file.
    .target(name: "CWriterQueue"),
    .target(
      name: "Catalog",
      dependencies: [
        "CBuildID",
        "CWriterQueue",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ],
      exclude: ["Search/README.md", "Image/README.md"],
      swiftSettings: releaseStartSettings
    ),
    // The records store's PostgreSQL engine: apart from Catalog so the library, its fuzzers and
    // its tests need no networking stack.
    .target(
      name: "RecordsPostgres",
      dependencies: ["Catalog", .product(name: "PostgresNIO", package: "postgres-nio")]
    ),
    // The crash policy, applied before the Swift runtime starts where it can be (BacktracePolicy).
    .target(name: "CCrashPolicy"),
    .executableTarget(
      name: "tui",
      dependencies: [
        "Catalog",
        "RecordsPostgres",
        "CNcurses",
        "CCrashPolicy",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "CSV", package: "CSV.swift"),
      ],
      exclude: ["exports.map", "start-order.txt"],
      swiftSettings: releaseStartSettings,
      // The release program is linked at a fixed address (not position-independent), so the
      // loader has none of its hundred thousand pointers to relocate and those pages stay
      // shared between sessions, and it exports no symbols of its own (the Swift toolchain
      // exports all of them), which makes every symbol lookup at start cheaper; and lld places
      // the functions a start runs up to its first frame together (`start-order.txt`, from
      // scripts/start-order.py), so a start touches far fewer pages of code. Each saves a
      // fraction of a millisecond at every start (README.md, "The release build").
      linkerSettings: [
        .unsafeFlags(
          [
            "-Xclang-linker", "-no-pie",
            "-Xlinker", "--version-script=\(Context.packageDirectory)/Sources/tui/exports.map",
            "-use-ld=lld",
            "-Xlinker",
            "--symbol-ordering-file=\(Context.packageDirectory)/Sources/tui/start-order.txt",
            "-Xlinker", "--no-warn-symbol-ordering",
          ], .when(configuration: .release))
      ]
    ),
    // Drives the records store from many processes for Tests/records and bench/records.
    .executableTarget(
      name: "records-stress",
      dependencies: [
        "Catalog", "RecordsPostgres",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Tests/RecordsStress"
    ),
    .target(name: "CatalogFuzzing", dependencies: ["Catalog"]),
    .testTarget(
      name: "CatalogTests", dependencies: ["Catalog", "CatalogFuzzing", "RecordsPostgres"]),
    .testTarget(name: "tuiTests", dependencies: ["tui", "Catalog"]),
  ]
)
