import Dispatch

/// Reads a catalog directory (`catalog.toml`, `rules.toml`, `courses/*.toml`) into a
/// `Catalog`, collecting every diagnostic rather than stopping at the first.
public struct CatalogLoader: Sendable {
  public var directory: String
  /// A rules file to use instead of `DIRECTORY/rules.toml`.
  public var rulesPath: String?

  public init(directory: String, rulesPath: String? = nil) {
    self.directory = directory
    self.rulesPath = rulesPath
  }

  public func load() -> CatalogLoadResult {
    guard FileSystem.isDirectory(directory) else {
      let reason = FileSystem.exists(directory) ? LoaderText.notADirectory : LoaderText.missing
      return .failed(.unreadable(reason: reason), path: directory)
    }
    var diagnostics: [Diagnostic] = []
    var bytesRead = 0

    // catalog.toml first: the year it names is needed to check session dates.
    let catalogPath = join(directory, "catalog.toml")
    var header: CatalogFileDecoder.Header?
    var categories: [Decoded<Category>] = []
    var everyCategoryIdentified = false
    if let file = read(catalogPath, into: &diagnostics) {
      bytesRead += file.bytes.count
      if let root = file.parse() {
        let decoded = CatalogFileDecoder(file: file).decode(root)
        (header, categories) = (decoded.header, decoded.categories)
        everyCategoryIdentified = decoded.allIdentified
      }
      diagnostics += file.diagnostics
    }

    var rules = Rules(requirements: [], path: rulesPath ?? join(directory, "rules.toml"))
    var requirements: [Decoded<Requirement>] = []
    if let file = read(rules.path, into: &diagnostics) {
      bytesRead += file.bytes.count
      if let root = file.parse() {
        (rules, requirements) = RulesFileDecoder(file: file).decode(root)
      }
      diagnostics += file.diagnostics
    }

    let coursesDirectory = join(directory, "courses")
    var courseEntries: [CourseFileDecoder.CourseEntry] = []
    var coursesByFile: [[Course]] = []
    var everyCourseIdentified = true
    var courseFiles: [String] = []
    switch FileSystem.listFiles(in: coursesDirectory) {
    case .failure(let failure):
      diagnostics.append(
        Diagnostic(
          .unreadable(reason: LoaderText.reason(failure, isDirectory: true)),
          at: .file(coursesDirectory)))
    case .success(let names):
      for name in names {
        let path = join(coursesDirectory, name)
        if name.hasSuffix(".toml") {
          courseFiles.append(path)
        } else if !FileSystem.isDirectory(path) {
          diagnostics.append(Diagnostic(.ignoredFile(name), at: .file(path)))
        }
      }
      if courseFiles.isEmpty {
        diagnostics.append(Diagnostic(.noCourseFiles, at: .file(coursesDirectory)))
      }
    }
    everyCourseIdentified = !courseFiles.isEmpty
    if !courseFiles.isEmpty {
      let trainingYear = header.map { [rules] in rules.trainingYear($0.year) }
      let directory = directory
      let results = parallelMap(courseFiles) { path in
        Self.loadCourseFile(path: path, trainingYear: trainingYear, catalogDirectory: directory)
      }
      for result in results {
        everyCourseIdentified = everyCourseIdentified && result.everyCourseIdentified
        bytesRead += result.bytes
        diagnostics += result.diagnostics
        courseEntries += result.entries
        coursesByFile.append(result.courses)
      }
    }

    var validator = CatalogValidator(
      categories: categories, courses: courseEntries, requirements: requirements,
      categoriesComplete: everyCategoryIdentified, coursesComplete: everyCourseIdentified)
    diagnostics += validator.check()
    diagnostics = diagnostics.removingRepeats().sortedForReading()

    let readable = header.map {
      Catalog(
        title: $0.title, issuer: $0.issuer, year: $0.year,
        categories: categories.compactMap(\.value), courseGroups: coursesByFile, rules: rules)
    }
    return CatalogLoadResult(
      catalog: diagnostics.hasErrors ? nil : readable, readablePart: readable,
      diagnostics: diagnostics, bytesRead: bytesRead)
  }

  private struct CourseFileResult: Sendable {
    var entries: [CourseFileDecoder.CourseEntry] = []
    var courses: [Course] = []
    var diagnostics: [Diagnostic] = []
    var bytes = 0
    var everyCourseIdentified = false
  }

  private static func loadCourseFile(
    path: String, trainingYear: TrainingYear?, catalogDirectory: String
  ) -> CourseFileResult {
    var result = CourseFileResult()
    guard let file = read(path, into: &result.diagnostics) else { return result }
    result.bytes = file.bytes.count
    if let root = file.parse() {
      let decoded = CourseFileDecoder(
        file: file, trainingYear: trainingYear, catalogDirectory: catalogDirectory
      ).decode(root)
      result.entries = decoded.entries
      result.courses = decoded.courses
      result.everyCourseIdentified = decoded.allIdentified
    }
    result.diagnostics += file.diagnostics
    return result
  }

  private static func read(_ path: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
    switch FileSystem.readFile(path) {
    case .success(let bytes):
      return SourceFile(path: path, bytes: bytes)
    case .failure(let failure):
      diagnostics.append(
        Diagnostic(.unreadable(reason: LoaderText.reason(failure)), at: .file(path)))
      return nil
    }
  }

  private func read(_ path: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
    Self.read(path, into: &diagnostics)
  }
}

/// What loading gave: the catalog when there were no errors, and every diagnostic.
public struct CatalogLoadResult: Sendable {
  /// Nil when any diagnostic is an error.
  public var catalog: Catalog?
  /// The entries that were read without error, for a summary even when some were not.
  public var readablePart: Catalog?
  /// In reading order: by file, line and column.
  public var diagnostics: [Diagnostic]
  /// Bytes of TOML read, for throughput figures.
  public var bytesRead: Int

  static func failed(_ problem: Problem, path: String) -> CatalogLoadResult {
    CatalogLoadResult(
      catalog: nil, readablePart: nil, diagnostics: [Diagnostic(problem, at: .file(path))],
      bytesRead: 0)
  }
}

extension SourceLocation {
  /// A whole file, for problems that have no line (it could not be read).
  static func file(_ path: String) -> SourceLocation {
    SourceLocation(path: path, line: 0, column: 0)
  }
}

func join(_ directory: String, _ name: String) -> String {
  directory.hasSuffix("/") ? directory + name : directory + "/" + name
}

/// Maps on every core; results keep the input order.
func parallelMap<Input: Sendable, Output: Sendable>(
  _ inputs: [Input], _ transform: @Sendable (Input) -> Output
) -> [Output] {
  guard inputs.count > 1 else { return inputs.map(transform) }
  nonisolated(unsafe) var slots = [Output?](repeating: nil, count: inputs.count)
  slots.withUnsafeMutableBufferPointer { buffer in
    nonisolated(unsafe) let output = buffer
    DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
      output[index] = transform(inputs[index])
    }
  }
  return slots.map { $0! }
}
