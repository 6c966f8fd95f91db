#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Many short folded texts stored end to end, so that one pass over all of them finds a
/// substring in every title (or summary, keyword, id) at once: faster per keystroke than a
/// loop over ten thousand strings. The pass jumps with `memchr` to the needle's rarest byte
/// (by a histogram of the corpus: for Chinese text, a UTF-8 continuation byte rather than the
/// common lead bytes) and compares around it.
struct ByteCorpus: Sendable {
  /// One entry that contains the needle, and where it first does (bytes from its start).
  struct Hit: Sendable {
    var entry: Int32
    var offset: Int32
  }

  /// Collects the entries, then counts their bytes once (`build()`).
  struct Builder {
    private(set) var bytes: [UInt8] = []
    private(set) var start: [UInt32] = [0]

    mutating func append(folded entry: String) {
      SearchFolding.appendFolded(entry, to: &bytes)
      start.append(UInt32(bytes.count))
    }

    func build() -> ByteCorpus {
      var frequency = [UInt32](repeating: 0, count: 256)
      for byte in bytes { frequency[Int(byte)] &+= 1 }
      return ByteCorpus(
        bytes: FlatArray(bytes), start: FlatArray(start), frequency: FlatArray(frequency))
    }
  }

  let bytes: FlatArray<UInt8>
  /// Entry `i` is `bytes[start[i]..<start[i + 1]]`.
  let start: FlatArray<UInt32>
  /// How often each byte value occurs (256 counts).
  let frequency: FlatArray<UInt32>

  /// The tables as built, or as read from a validated image.
  init(bytes: FlatArray<UInt8>, start: FlatArray<UInt32>, frequency: FlatArray<UInt32>) {
    self.bytes = bytes
    self.start = start
    self.frequency = frequency
  }

  var count: Int { start.count - 1 }

  func length(of entry: Int) -> Int { Int(start[entry + 1] - start[entry]) }

  /// Every entry holding `needle`, in entry order, each once with its first occurrence.
  func hits(of needle: [UInt8]) -> [Hit] {
    guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
    var anchor = 0
    for index in needle.indices where frequency[Int(needle[index])] < frequency[Int(needle[anchor])]
    {
      anchor = index
    }
    guard frequency[Int(needle[anchor])] > 0 else { return [] }
    let anchorByte = Int32(needle[anchor])
    var hits: [Hit] = []
    withExtendedLifetime(self) {
      let haystack = bytes.bytes
      let start = start.buffer
      let base = haystack.baseAddress!
      let end = haystack.count
      let length = needle.count
      needle.withUnsafeBytes { needle in
        var from = anchor
        var entry = 0
        while from < end {
          guard let found = memchr(base + from, anchorByte, end - from) else { break }
          let position = base.distance(to: UnsafeRawPointer(found)) - anchor
          from = position + anchor + 1
          guard position >= 0, position + length <= end,
            memcmp(base + position, needle.baseAddress!, length) == 0
          else { continue }
          entry = Self.entry(containing: position, in: start, from: entry)
          let entryEnd = Int(start[entry + 1])
          guard position + length <= entryEnd else { continue }  // runs across entries
          hits.append(Hit(entry: Int32(entry), offset: Int32(position - Int(start[entry]))))
          from = entryEnd + anchor
        }
      }
    }
    return hits
  }

  /// The entry whose bytes hold `position`, searching forward from `guess` (hits come in
  /// order, so usually the answer is near), then by bisection.
  private static func entry(
    containing position: Int, in start: UnsafeBufferPointer<UInt32>, from guess: Int
  ) -> Int {
    var low = guess
    var high = start.count - 2
    if Int(start[low + 1]) > position { return low }
    low += 1
    if low <= high, Int(start[low + 1]) > position { return low }
    while low < high {
      let middle = (low + high) / 2
      if Int(start[middle + 1]) > position { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
