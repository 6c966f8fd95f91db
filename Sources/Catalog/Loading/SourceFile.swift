/// One file being loaded: its bytes, and the diagnostics found in it, with offsets turned
/// into line and column only when a diagnostic needs them.
final class SourceFile {
  let path: String
  let bytes: [UInt8]
  private(set) var diagnostics: [Diagnostic] = []
  /// Keep the other files this one names (lesson files) as they were read, in `attachments`:
  /// a copy of the catalog (`LastGoodCatalog`) must hold them to load on its own.
  var keepsAttachments = false
  /// The files this one names, read on its behalf, named as written (when kept).
  private(set) var attachments: [CatalogSource] = []
  /// The files read on its behalf (whether kept or not), by the path they were read from.
  private(set) var attachedInputs: [CatalogInputs.File] = []
  private var lineIndex: LineIndex?
  /// The line of the last place asked for (0-based), where the next search starts.
  private var lastLine = 0

  init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  func location(of offset: Int) -> SourceLocation {
    if lineIndex == nil { lineIndex = LineIndex(bytes) }
    let location = lineIndex!.location(of: offset, path: path, nearLine: lastLine)
    lastLine = location.line - 1
    return location
  }

  /// A file read on this one's behalf from `path` (`name` as written, relative to the catalog
  /// directory), kept when `keepsAttachments`.
  func attach(_ name: String, path: String, bytes: [UInt8], stamp: FileStamp) {
    attachedInputs.append(CatalogInputs.File(path: path, stamp: stamp))
    if keepsAttachments { attachments.append(CatalogSource(name: name, bytes: bytes)) }
  }

  func report(_ problem: Problem, at offset: Int) {
    report(problem, at: location(of: offset))
  }

  func report(_ problem: Problem, at location: SourceLocation) {
    diagnostics.append(Diagnostic(problem, at: location))
  }

  /// Reports each id written again in this file, naming where it was first written.
  func reportRepeats(_ ids: [(String, SourceLocation)], kind: CatalogEntryKind) {
    diagnostics += CatalogValidator.repeats(ids, kind).diagnostics
  }

  /// Parses the file; a syntax error becomes a diagnostic and nil.
  func parse() -> TOMLTable? {
    do {
      return try TOMLDocument(bytes: bytes).root
    } catch {
      report(error.problem, at: error.offset)
      return nil
    }
  }
}
