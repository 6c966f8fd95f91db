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
  /// Code-point equality, not canonical equivalence.
  func isExactly(_ other: String) -> Bool {
    utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8)
  }
}
