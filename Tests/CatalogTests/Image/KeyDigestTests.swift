import Crypto
import Testing

@testable import Catalog

/// The plain-Swift SHA-256 that names last good copies and images gives swift-crypto's bytes,
/// so the names stay what they were.
@Suite struct KeyDigestTests {
  @Test(arguments: [
    "", "abc", "/var/lib/course-menu/data\n/var/lib/course-menu/data/rules.toml",
    String(repeating: "党员教育培训", count: 40), String(repeating: "a", count: 55),
    String(repeating: "b", count: 56), String(repeating: "c", count: 64),
    String(repeating: "d", count: 119),
  ])
  func theDigestIsSHA256(_ text: String) {
    #expect(KeyDigest.sha256(Array(text.utf8)) == Array(SHA256.hash(data: Array(text.utf8))))
  }

  @Test func aNameIsTheDigestsFirstEightBytesInHex() {
    #expect(KeyDigest.name(of: "abc") == "ba7816bf8f01cfea")
  }
}
