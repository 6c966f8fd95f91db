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
    location(of: offset, path: path, nearLine: 0)
  }

  /// The same, searching forward from `nearLine` (0-based) first: a loader asks for places
  /// in file order, so the answer is nearly always a line or two further on.
  func location(of offset: Int, path: String, nearLine hint: Int) -> SourceLocation {
    let clamped = max(0, min(offset, source.count))
    var low = 0
    var high = lineStarts.count - 1
    if hint < lineStarts.count, lineStarts[hint] <= clamped {
      low = hint
      let limit = min(hint + 8, high)
      while low < limit, lineStarts[low + 1] <= clamped { low += 1 }
      if low < limit || low == high { high = low }
    }
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    var start = lineStarts[low]
    if start == 0, source.count >= 3, source[0] == 0xEF, source[1] == 0xBB, source[2] == 0xBF {
      start = min(3, clamped)
    }
    var column = 1
    var index = start
    while index < clamped {
      if source[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(path: path, line: low + 1, column: column)
  }
}
