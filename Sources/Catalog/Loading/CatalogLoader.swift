import Dispatch

/// Reads a catalog directory (`catalog.toml`, `rules.toml`, `courses/*.toml`) into a
/// `Catalog`, collecting every diagnostic rather than stopping at the first.
public struct CatalogLoader: Sendable {
  public var directory: String
  /// A rules file to use instead of `DIRECTORY/rules.toml`.
  public var rulesPath: String?
  /// Keep every file's bytes in the result (`CatalogLoadResult.sources`), to save them as the
  /// last good catalog.
  public var keepsSources = false

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
    var sources: [CatalogSource] = []
    var inputs = CatalogInputs()
    func keep(_ name: String, _ file: SourceFile) {
      if keepsSources { sources.append(CatalogSource(name: name, bytes: file.bytes)) }
    }

    // catalog.toml first: the year it names is needed to check session dates.
    let catalogPath = join(directory, CatalogSource.catalogFile)
    var header: CatalogFileDecoder.Header?
    var categories: [Decoded<Category>] = []
    var everyCategoryIdentified = false
    if let file = read(catalogPath, into: &diagnostics, inputs: &inputs) {
      bytesRead += file.bytes.count
      keep(CatalogSource.catalogFile, file)
      if let root = file.parse() {
        let decoded = CatalogFileDecoder(file: file).decode(root)
        (header, categories) = (decoded.header, decoded.categories)
        everyCategoryIdentified = decoded.allIdentified
      }
      diagnostics += file.diagnostics
    }

    var rules = Rules(requirements: [], path: rulesPath ?? join(directory, CatalogSource.rulesFile))
    var requirements: [Decoded<Requirement>] = []
    if let file = read(rules.path, into: &diagnostics, inputs: &inputs) {
      bytesRead += file.bytes.count
      keep(CatalogSource.rulesFile, file)
      if let root = file.parse() {
        (rules, requirements) = RulesFileDecoder(file: file).decode(root)
      }
      diagnostics += file.diagnostics
    }

    // The names beside catalog.toml count too: an optional file written there later (the
    // rating questions, the needs survey) makes an image of this load stale.
    if case .success(let names) = FileSystem.listFiles(in: directory) {
      inputs.listings.append(CatalogInputs.Listing(path: directory, names: names))
    }

    // The optional files: the rating questions and the needs survey.
    var evaluation: Evaluation?
    if let file = readOptional(
      join(directory, CatalogSource.evaluationFile), into: &diagnostics, inputs: &inputs)
    {
      bytesRead += file.bytes.count
      keep(CatalogSource.evaluationFile, file)
      if let root = file.parse() { evaluation = EvaluationFileDecoder(file: file).decode(root) }
      diagnostics += file.diagnostics
    }
    var survey: Survey?
    var surveyCategories: [SurveyFileDecoder.CategoryReference] = []
    if let file = readOptional(
      join(directory, CatalogSource.surveyFile), into: &diagnostics, inputs: &inputs)
    {
      bytesRead += file.bytes.count
      keep(CatalogSource.surveyFile, file)
      if let root = file.parse() {
        (survey, surveyCategories) = SurveyFileDecoder(file: file).decode(root)
      }
      diagnostics += file.diagnostics
    }

    let coursesDirectory = join(directory, CatalogSource.coursesDirectory)
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
      inputs.listings.append(CatalogInputs.Listing(path: coursesDirectory, names: names))
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
      let keepsSources = keepsSources
      let results = parallelMap(courseFiles) { path in
        Self.loadCourseFile(
          path: path, trainingYear: trainingYear, catalogDirectory: directory,
          keepingBytes: keepsSources)
      }
      var attachments = Set<String>()
      for (path, result) in zip(courseFiles, results) {
        if let kept = result.kept {
          let name = CatalogSource.coursesDirectory + "/" + (path as String).lastComponent
          sources.append(CatalogSource(name: name, bytes: kept))
        }
        // The lesson files the courses read, once each, for a copy that loads on its own.
        for attachment in result.attachments where attachments.insert(attachment.name).inserted {
          sources.append(attachment)
        }
        inputs.files += result.inputs
        everyCourseIdentified = everyCourseIdentified && result.everyCourseIdentified
        bytesRead += result.bytes
        diagnostics += result.diagnostics
        courseEntries += result.entries
        coursesByFile.append(result.courses)
      }
      // Every file was read and none holds a course: a catalog members cannot use.
      if everyCourseIdentified, courseEntries.isEmpty {
        diagnostics.append(Diagnostic(.noCourses, at: .file(coursesDirectory)))
      }
    }

    var validator = CatalogValidator(
      categories: categories, courses: courseEntries, requirements: requirements,
      categoriesComplete: everyCategoryIdentified, coursesComplete: everyCourseIdentified)
    validator.surveyCategories = surveyCategories
    diagnostics += validator.check()
    diagnostics = diagnostics.removingRepeats().sortedForReading()

    let readable = header.map {
      var catalog = Catalog(
        title: $0.title, issuer: $0.issuer, year: $0.year,
        categories: categories.compactMap(\.value), courseGroups: coursesByFile, rules: rules)
      catalog.evaluation = evaluation
      catalog.survey = survey
      return catalog
    }
    return CatalogLoadResult(
      catalog: diagnostics.hasErrors ? nil : readable, readablePart: readable,
      diagnostics: diagnostics, bytesRead: bytesRead, sources: sources, inputs: inputs)
  }

  private struct CourseFileResult: Sendable {
    var entries: [CourseFileDecoder.CourseEntry] = []
    var courses: [Course] = []
    var diagnostics: [Diagnostic] = []
    var bytes = 0
    var everyCourseIdentified = false
    /// The file's bytes, when asked for.
    var kept: [UInt8]?
    /// The lesson files its courses read, when asked for.
    var attachments: [CatalogSource] = []
    /// The file and the lesson files its courses read, as they stood.
    var inputs: [CatalogInputs.File] = []
  }

  private static func loadCourseFile(
    path: String, trainingYear: TrainingYear?, catalogDirectory: String, keepingBytes: Bool
  ) -> CourseFileResult {
    var result = CourseFileResult()
    guard let file = read(path, into: &result.diagnostics, inputs: &result.inputs) else {
      return result
    }
    result.bytes = file.bytes.count
    if keepingBytes {
      result.kept = file.bytes
      file.keepsAttachments = true
    }
    if let root = file.parse() {
      let decoded = CourseFileDecoder(
        file: file, trainingYear: trainingYear, catalogDirectory: catalogDirectory
      ).decode(root)
      result.entries = decoded.entries
      result.courses = decoded.courses
      result.everyCourseIdentified = decoded.allIdentified
    }
    result.diagnostics += file.diagnostics
    result.attachments = file.attachments
    result.inputs += file.attachedInputs
    return result
  }

  /// The file, its stamp noted in `inputs` (a failure too: it is no input to trust).
  private static func read(
    _ path: String, into diagnostics: inout [Diagnostic], inputs: inout [CatalogInputs.File]
  ) -> SourceFile? {
    switch FileSystem.readStampedFile(path) {
    case .success(let read):
      inputs.append(CatalogInputs.File(path: path, stamp: read.stamp))
      return SourceFile(path: path, bytes: read.bytes)
    case .failure(let failure):
      inputs.append(CatalogInputs.File(path: path, stamp: nil))
      diagnostics.append(
        Diagnostic(.unreadable(reason: LoaderText.reason(failure)), at: .file(path)))
      return nil
    }
  }

  private func read(
    _ path: String, into diagnostics: inout [Diagnostic], inputs: inout CatalogInputs
  ) -> SourceFile? {
    Self.read(path, into: &diagnostics, inputs: &inputs.files)
  }

  /// A file the catalog may leave out: nil, and nothing to report, when there is none.
  /// (Its absence is in the key as the catalog directory's names.)
  private func readOptional(
    _ path: String, into diagnostics: inout [Diagnostic], inputs: inout CatalogInputs
  ) -> SourceFile? {
    guard FileSystem.exists(path) else { return nil }
    return read(path, into: &diagnostics, inputs: &inputs)
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
  /// Every file read, when the loader `keepsSources`.
  public var sources: [CatalogSource] = []
  /// Every file read and directory listed, as they stood: what a compiled image is keyed on.
  public var inputs = CatalogInputs()

  static func failed(_ problem: Problem, path: String) -> CatalogLoadResult {
    CatalogLoadResult(
      catalog: nil, readablePart: nil, diagnostics: [Diagnostic(problem, at: .file(path))],
      bytesRead: 0)
  }
}

/// One file of a catalog as read, named as in a catalog directory (`catalog.toml`,
/// `rules.toml` whatever file the rules came from, `courses/NAME.toml`, and the lesson files
/// as the courses name them, `lessons/NAME.txt`).
public struct CatalogSource: Hashable, Sendable {
  public static let catalogFile = "catalog.toml"
  public static let rulesFile = "rules.toml"
  public static let coursesDirectory = "courses"
  public static let evaluationFile = "evaluation.toml"
  public static let surveyFile = "survey.toml"

  public var name: String
  public var bytes: [UInt8]

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }
}

extension String {
  /// What follows the last `/`.
  var lastComponent: String {
    guard let slash = lastIndex(of: "/") else { return self }
    return String(self[index(after: slash)...])
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
