/// The string pool of an image: every text of the catalog once, as UTF-8. A reference packs
/// the offset (low 32 bits) and the length in bytes (high 32 bits); `absent` stands for nil.
struct ImageStrings: Sendable {
  static let absent = UInt64.max

  let bytes: FlatArray<UInt8>

  /// Whether a reference lies within the pool.
  func contains(_ reference: UInt64) -> Bool {
    let (start, count) = ImageSpan.unpack(reference)
    return start <= bytes.count && count <= bytes.count - start
  }

  /// The text; invalid UTF-8 is repaired, never trusted (a validated image has none anyway).
  func string(_ reference: UInt64) -> String {
    guard contains(reference) else { return "" }
    let (start, count) = ImageSpan.unpack(reference)
    return withExtendedLifetime(bytes) {
      String(
        decoding: UnsafeBufferPointer(rebasing: bytes.buffer[start..<start + count]), as: UTF8.self)
    }
  }

  func optionalString(_ reference: UInt64) -> String? {
    reference == Self.absent ? nil : string(reference)
  }

  /// The UTF-8 bytes, for comparing without making a string.
  func withUTF8<Result>(_ reference: UInt64, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result
  {
    guard contains(reference) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    let (start, count) = ImageSpan.unpack(reference)
    return withExtendedLifetime(bytes) {
      body(UnsafeBufferPointer(rebasing: bytes.buffer[start..<start + count]))
    }
  }
}
