/// Reads a lesson file named in a course (`file = "lessons/…txt"`, relative to the catalog
/// directory) with the loader's own file reading, so every check on catalog files (regular
/// files of sane size only) holds for lessons too.
enum LessonFile {
  /// The text of the file (UTF-8, a byte-order mark dropped and line ends made `\n`), its
  /// bytes as read and its stamp.
  static func read(_ written: String, catalogDirectory: String) -> Result<
    (text: String, bytes: [UInt8], stamp: FileStamp), LessonFileProblem
  > {
    let components = written.split(separator: "/", omittingEmptySubsequences: false)
    guard !written.hasPrefix("/"), !components.contains("..") else {
      return .failure(.outsideCatalog)
    }
    // The file as it really is, links followed, must lie in the catalog folder as it really
    // is: a link out of it (to /etc/passwd, on a server) would show members any file.
    let resolved: String
    switch (
      FileSystem.realPath(catalogDirectory), FileSystem.realPath(join(catalogDirectory, written))
    ) {
    case (.success(let folder), .success(let file)):
      guard file.hasPrefix(folder == "/" ? "/" : folder + "/") else {
        return .failure(.linkOutsideCatalog)
      }
      resolved = file
    case (_, .failure(.missing)): return .failure(.missing)
    case (.failure(let failure), _), (_, .failure(let failure)):
      return .failure(.unreadable(LoaderText.reason(failure)))
    }
    let bytes: [UInt8]
    let stamp: FileStamp
    switch FileSystem.readStampedFile(resolved) {
    case .success(let read): (bytes, stamp) = read
    case .failure(.missing): return .failure(.missing)
    case .failure(let failure): return .failure(.unreadable(LoaderText.reason(failure)))
    }
    let invalid = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
    guard invalid == nil else {
      let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
      return .failure(.notUTF8(likelyUTF16: utf16))
    }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    if text.utf8.contains(0x0D) {
      // `\r\n` is one Character in Swift, so one pass turns both kinds of line end into `\n`.
      var normalized = ""
      normalized.reserveCapacity(text.utf8.count)
      for character in text {
        normalized.append(character == "\r\n" || character == "\r" ? "\n" : character)
      }
      text = normalized
    }
    guard !text.isBlank else { return .failure(.empty) }
    return .success((text, bytes, stamp))
  }
}
