#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The memory an image is read from: its file mapped read-only and shared (`MAP_SHARED`), so
/// every session on the machine reads the same pages of the page cache and none holds a
/// private copy; or bytes in memory, for tests and the fuzzer.
///
/// Images are only ever replaced by a rename, never written in place, so a mapped file keeps
/// its length for as long as it is mapped.
final class ImageRegion: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer
  private let mapped: Bool

  /// A copy of `contents`, aligned as a mapping is.
  init(copying contents: [UInt8]) {
    let memory = UnsafeMutableRawBufferPointer.allocate(
      byteCount: max(contents.count, 1), alignment: 16)
    contents.withUnsafeBytes { source in
      if let base = source.baseAddress {
        memory.baseAddress!.copyMemory(from: base, byteCount: source.count)
      }
    }
    bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(memory)[0..<contents.count])
    mapped = false
  }

  private init(mapping: UnsafeRawBufferPointer) {
    bytes = mapping
    mapped = true
  }

  /// The file at `path` mapped read-only, when it is a regular file of a plausible size;
  /// nil otherwise (missing, a FIFO or device, empty, too large, not mappable).
  static func map(_ path: String) -> ImageRegion? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      info.st_size >= ImageFormat.headerSize, info.st_size <= ImageFormat.maximumLength
    else { return nil }
    let length = Int(info.st_size)
    guard let address = mmap(nil, length, PROT_READ, MAP_SHARED, descriptor, 0),
      address != MAP_FAILED
    else { return nil }
    return ImageRegion(mapping: UnsafeRawBufferPointer(start: address, count: length))
  }

  deinit {
    if mapped {
      munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    } else {
      UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
    }
  }
}
