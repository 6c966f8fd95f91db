/// Texts by number: Swift strings held in memory, or UTF-8 in a mapped catalog image, made
/// into a `String` only when one is read (the search index's titles and ids, for the few
/// results a screen shows).
struct StringTable: Sendable {
  private enum Storage: Sendable {
    case strings([String])
    case image(ImageStrings, refs: FlatArray<UInt64>)
  }

  private let storage: Storage

  init(_ strings: [String]) { storage = .strings(strings) }

  /// Texts in an image: `refs` are `ImageStrings` references, validated against `strings`.
  init(_ strings: ImageStrings, refs: FlatArray<UInt64>) { storage = .image(strings, refs: refs) }

  var count: Int {
    switch storage {
    case .strings(let strings): strings.count
    case .image(_, let refs): refs.count
    }
  }

  subscript(position: Int) -> String {
    switch storage {
    case .strings(let strings): strings[position]
    case .image(let pool, let refs): pool.string(refs[position])
    }
  }
}
