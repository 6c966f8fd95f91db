/// A parsed TOML 1.0 document whose every key and value remembers where it was written.
public struct TOMLDocument: Sendable {
  public let root: TOMLTable

  /// Arrays and inline tables nested deeper than this are rejected, not recursed into.
  public static let maximumDepth = 128

  public init(bytes: [UInt8]) throws(TOMLError) {
    throw TOMLError(.unexpected(found: "?", expected: "?"), at: 0)
  }
}
