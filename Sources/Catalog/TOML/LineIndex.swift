#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns byte offsets into line and column numbers; built only when a message needs one.
public struct LineIndex: Sendable {
  private let source: [UInt8]
  private let lineStarts: [Int]

  public init(_ source: [UInt8]) {
    self.source = source
    var starts = [0]
    source.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      var index = 0
      while index < bytes.count, let found = memchr(base + index, 0x0A, bytes.count - index) {
        index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        starts.append(index)
      }
    }
    lineStarts = starts
  }

  /// 1-based line and column; the column counts Unicode characters, not bytes, and a
  /// byte-order mark at the start of the file is not counted.
  public func location(of offset: Int, path: String) -> SourceLocation {
    let clamped = max(0, min(offset, source.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    var start = lineStarts[low]
    if start == 0, source.starts(with: [0xEF, 0xBB, 0xBF]) { start = min(3, clamped) }
    var column = 1
    var index = start
    while index < clamped {
      if source[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(path: path, line: low + 1, column: column)
  }
}
