import Crypto
import Foundation
import _CryptoExtras

/// A member's PIN as stored: a salted PBKDF2-SHA256 key, never the PIN itself.
struct PINHash: Hashable, Sendable {
  /// OWASP's floor for PBKDF2-SHA256, and the least swift-crypto accepts.
  static let minimumRounds = 210_000
  static let saltByteCount = 16
  static let keyByteCount = 32

  var salt: Data
  var key: Data
  var rounds: Int

  /// What is checked against `decoy` when the PIN typed is not acceptable.
  static let decoyPIN = "0000"

  /// A hash no PIN matches, checked when a number has no hash so that the check takes as long.
  static func decoy(rounds: Int) -> PINHash {
    PINHash(
      salt: Data(repeating: 0, count: saltByteCount), key: Data(repeating: 0, count: keyByteCount),
      rounds: rounds)
  }

  /// Digits only (the kiosk keypad), 4 to 12 of them.
  static func isAcceptable(_ pin: String) -> Bool {
    (4...12).contains(pin.utf8.count) && pin.utf8.allSatisfy { (0x30...0x39).contains($0) }
  }

  /// Hashes `pin` with a fresh random salt.
  static func make(pin: String, rounds: Int = minimumRounds) throws -> PINHash {
    var generator = SystemRandomNumberGenerator()
    let salt = Data(
      (0..<saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    return PINHash(
      salt: salt, key: try derive(pin: pin, salt: salt, rounds: rounds), rounds: rounds)
  }

  /// Whether `pin` is the PIN this hash was made from (constant-time comparison).
  func verifies(_ pin: String) throws -> Bool {
    let candidate = try PINHash.derive(pin: pin, salt: salt, rounds: rounds)
    return SymmetricKey(data: candidate) == SymmetricKey(data: key)
  }

  private static func derive(pin: String, salt: Data, rounds: Int) throws -> Data {
    let key = try KDF.Insecure.PBKDF2.deriveKey(
      from: Data(pin.utf8), salt: salt, using: .sha256, outputByteCount: keyByteCount,
      rounds: rounds)
    return key.withUnsafeBytes { Data($0) }
  }
}
