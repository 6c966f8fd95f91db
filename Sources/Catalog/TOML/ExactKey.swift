#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A TOML key compared by its exact characters.
///
/// Swift's `String ==` treats canonically equivalent text as equal ("é" precomposed and
/// "e" + combining accent), but TOML keys are distinct unless their code points match.
struct ExactKey: Hashable {
  let text: String

  init(_ text: String) { self.text = text }

  static func == (lhs: ExactKey, rhs: ExactKey) -> Bool { lhs.text.isExactly(rhs.text) }

  func hash(into hasher: inout Hasher) {
    var utf8 = text
    utf8.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

extension String {
  /// Code-point equality, not canonical equivalence. `==` rules out almost every unequal
  /// pair cheaply (exact equality implies canonical equality); bytes settle the rest.
  func isExactly(_ other: String) -> Bool {
    guard utf8.count == other.utf8.count, self == other else { return false }
    var lhs = self
    var rhs = other
    return lhs.withUTF8 { left in
      rhs.withUTF8 { right in
        left.count == right.count
          && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
      }
    }
  }
}

/// Length, first and last byte of a key's UTF-8: equal keys have equal fingerprints, and the
/// keys of one table almost never share one.
struct KeyFingerprint: Hashable {
  let value: UInt64

  init(_ key: String) {
    var text = key
    value = text.withUTF8 { bytes in
      guard let first = bytes.first, let last = bytes.last else { return 0 }
      return UInt64(bytes.count) << 16 | UInt64(first) << 8 | UInt64(last)
    }
  }
}
