// swift-tools-version:6.0
// A separate package so that the product carries no benchmark code: it times the search
// index of the root package's Catalog library against `fzf --filter`, in one run.
//
// COURSE_MENU_ROOT may name another checkout of the root package (a package whose name is
// `course-menu` with a `Catalog` library product), e.g. to measure one library revision.
import PackageDescription

let root = Context.environment["COURSE_MENU_ROOT"] ?? "../.."

let package = Package(
  name: "search-bench",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "course-menu", path: root)
  ],
  targets: [
    .executableTarget(
      name: "search-bench",
      dependencies: [.product(name: "Catalog", package: "course-menu")]
    )
  ]
)
