import Catalog

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the fuzzers feed to the library, shared by the libFuzzer binary (`fuzz/`) and the
/// corpus replay test, so that every CI run replays exactly what a campaign ran.
///
/// An input that crashes, hangs or breaks one of the invariants below is a finding: the
/// invariants trap, so libFuzzer keeps the input.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// One TOML document.
  case toml
  /// A catalog directory: the input's NUL-separated parts are catalog.toml, rules.toml and up
  /// to eight course files.
  case catalog
  /// A roster, read as `members import` reads it (and as `credit --sheet` reads a sheet).
  case roster
  /// A compiled catalog image, read as a start reads one (`ImageProbe`). The input's first
  /// byte chooses: even, the rest gets this build's program identity and a right checksum
  /// first, so that mutations reach the structure behind them; odd, it is read as it is.
  case image

  public func run(_ bytes: [UInt8]) {
    switch self {
    case .toml: Self.toml(bytes)
    case .catalog: Self.catalog(bytes)
    case .roster: Self.roster(bytes)
    case .image: Self.image(bytes)
    }
  }

  private static func toml(_ bytes: [UInt8]) {
    do {
      let document = try TOMLDocument(bytes: bytes)
      _ = TaggedJSON.encode(document.root)
    } catch {
      precondition((0...bytes.count).contains(error.offset), "error offset outside the input")
    }
  }

  /// At most this many course files: enough for cross-file checks.
  static let courseFileLimit = 8

  private static func catalog(_ bytes: [UInt8]) {
    let parts = bytes.split(
      separator: 0, maxSplits: 2 + courseFileLimit, omittingEmptySubsequences: false)
    let directory = FuzzDirectory.shared.path
    let courses = directory + "/courses"
    FuzzDirectory.write(directory + "/catalog.toml", parts.first ?? [])
    FuzzDirectory.write(directory + "/rules.toml", parts.count > 1 ? parts[1] : [])
    for index in 0..<courseFileLimit {
      let path = courses + "/c\(index).toml"
      if parts.count > index + 2 {
        FuzzDirectory.write(path, parts[index + 2])
      } else {
        unlink(path)
      }
    }
    let result = CatalogLoader(directory: directory).load()
    precondition((result.catalog == nil) == result.diagnostics.hasErrors, "catalog despite errors")
    guard let catalog = result.catalog else { return }
    let categories = Set(catalog.categories.map(\.id))
    for course in catalog.courses {
      precondition(course.hours > .zero && categories.contains(course.categoryID), "bad course")
    }
  }

  /// Whatever passes every check is read whole, as a session could: every category and
  /// course, lookups by id, and searches, whose results must name courses that exist.
  private static func image(_ bytes: [UInt8]) {
    guard let first = bytes.first,
      let catalog = ImageProbe.catalog(from: Array(bytes.dropFirst()), sealing: first & 1 == 0)
    else { return }
    for category in catalog.categories {
      let courses = catalog.courses(inCategory: category.id)
      precondition(
        courses.indices.allSatisfy(catalog.courses.indices.contains),
        "a category's courses beyond the list")
      for course in courses { _ = course.title }
      _ = catalog.totalHours(inCategory: category.id)
    }
    for (position, course) in catalog.courses.enumerated() {
      precondition(catalog.courses[position] == course, "a course reads differently twice")
      _ = catalog.course(id: course.id)
    }
    let index = SearchIndex(catalog: catalog)
    for query in ["wenshi", "党", "a", "2026", "lxxn", "d a n g"] {
      for result in index.search(query) {
        precondition(result.courseIndex < catalog.courses.count, "a result beyond the courses")
      }
    }
  }

  /// Seeds for the image target: a selector byte (0: seal) and the image of each catalog.
  public static func imageSeed(of catalog: Catalog) -> [UInt8] {
    [0] + ImageProbe.image(of: catalog)
  }

  private static func roster(_ bytes: [UInt8]) {
    guard let sheet = try? SheetReader.parse(bytes) else { return }
    precondition(zip(sheet.rows, sheet.rows.dropFirst()).allSatisfy { $0.line < $1.line })
    let roster = RosterImport.drafts(sheet)
    precondition(roster.drafts.isEmpty || roster.problems.isEmpty, "drafts despite problems")
    for draft in roster.drafts {
      precondition(Member.isValidID(draft.id), "invalid member number")
      for text in [draft.name, draft.branch] {
        precondition(!text.unicodeScalars.contains(where: ControlCharacters.contains), "control")
      }
    }
    let attendance = AttendanceSheet.memberIDs(sheet, members: [:])
    precondition(attendance.ids.isEmpty || attendance.problems.isEmpty)
  }
}

/// A private directory, made once per process, that the catalog target rewrites per input.
private final class FuzzDirectory: Sendable {
  static let shared = FuzzDirectory()
  let path: String

  private init() {
    // Memory rather than a disk where there is one: the files are rewritten for every input.
    let base =
      access("/dev/shm", W_OK) == 0
      ? "/dev/shm" : getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((base + "/course-menu-fuzz-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot make a temporary directory") }
    path = String(cString: made)
    mkdir(path + "/courses", 0o700)
    atexit { FuzzDirectory.removeAll() }
  }

  static func write(_ path: String, _ bytes: ArraySlice<UInt8>) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { fatalError("cannot write \(path)") }
    bytes.withUnsafeBytes { buffer in _ = Glibc.write(descriptor, buffer.baseAddress, buffer.count)
    }
    close(descriptor)
  }

  /// Leaves nothing behind when the process ends normally.
  private static func removeAll() {
    let path = shared.path
    for name in ["catalog.toml", "rules.toml"] { unlink(path + "/" + name) }
    for index in 0..<FuzzTarget.courseFileLimit { unlink(path + "/courses/c\(index).toml") }
    rmdir(path + "/courses")
    rmdir(path)
  }
}
