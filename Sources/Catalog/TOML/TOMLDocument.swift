/// A parsed TOML 1.0 document whose every key and value remembers where it was written.
public struct TOMLDocument: Sendable {
  public let root: TOMLTable

  /// Arrays, inline tables and dotted keys nested deeper than this are rejected, so a
  /// hostile file cannot exhaust the stack.
  public static let maximumDepth = 128

  /// Reads UTF-8 bytes; a leading byte-order mark is accepted (Windows Notepad writes one).
  public init(bytes: [UInt8]) throws(TOMLError) {
    let result: Result<TOMLTable, TOMLError> = bytes.withUnsafeBufferPointer { buffer in
      var parser = TOMLParser(buffer)
      do throws(TOMLError) {
        return .success(try parser.parseDocument())
      } catch {
        return .failure(error)
      }
    }
    root = try result.get()
  }
}
