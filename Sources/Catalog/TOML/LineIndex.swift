/// Turns byte offsets into line and column numbers; built only when a message needs one.
public struct LineIndex: Sendable {
  private let source: [UInt8]
  private let lineStarts: [Int]

  public init(_ source: [UInt8]) {
    self.source = source
    var starts = [0]
    source.withUnsafeBufferPointer { bytes in
      for index in bytes.indices where bytes[index] == 0x0A { starts.append(index + 1) }
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
