/// Plain values in one block of memory that is either owned (copied from an array when a
/// catalog is loaded from TOML) or borrowed from a mapped catalog image, whose mapping the
/// owner keeps alive. The search index reads its tables through it, so the same code runs on
/// both, and an index read from an image costs no private memory.
///
/// Indices are trusted, as `UnsafeBufferPointer`'s are: whoever builds a table guarantees
/// them (the index builder by construction, `CatalogImage` by validating the image first).
struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
  /// The values; valid as long as this value lives.
  let buffer: UnsafeBufferPointer<Element>
  /// What keeps `buffer` alive: an `OwnedBlock` or the image's mapping.
  private let owner: AnyObject?

  /// A copy of `elements` in memory of its own.
  init(_ elements: [Element]) {
    let block = OwnedBlock(bytes: elements.count * MemoryLayout<Element>.stride)
    let typed = block.pointer.bindMemory(to: Element.self, capacity: elements.count)
    elements.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { typed.initialize(from: base, count: source.count) }
    }
    buffer = UnsafeBufferPointer(start: typed, count: elements.count)
    owner = block
  }

  /// Values that live in `owner`'s memory (a validated section of a mapped image).
  init(borrowing buffer: UnsafeBufferPointer<Element>, from owner: AnyObject) {
    self.buffer = buffer
    self.owner = owner
  }

  init() {
    buffer = UnsafeBufferPointer(start: nil, count: 0)
    owner = nil
  }

  var startIndex: Int { 0 }
  var endIndex: Int { buffer.count }

  @inline(__always)
  subscript(position: Int) -> Element { buffer[position] }

  /// The raw bytes, for writing the table into an image.
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(buffer) }
}

/// Memory allocated for a `FlatArray`, freed with the last array using it.
private final class OwnedBlock {
  let pointer: UnsafeMutableRawPointer

  init(bytes: Int) {
    pointer = .allocate(byteCount: max(bytes, 1), alignment: 16)
  }

  deinit { pointer.deallocate() }
}
