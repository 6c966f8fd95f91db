import Crypto
import Foundation

/// An SSH public key a member hands in, so the county's server can let them in without a PIN
/// (`members add-key`, `ssh authorized-keys`).
///
/// Read from OpenSSH's one-line form (`ssh-ed25519 AAAA… comment`, what `ssh-keygen` writes to
/// `id_ed25519.pub`) or the RFC 4716 block PuTTYgen saves (`---- BEGIN SSH2 PUBLIC KEY ----`).
/// The key itself is checked as sshd would read it: its base64 decodes to the SSH wire format
/// of the type it names, with nothing missing or left over, so a key that could never log in
/// is refused when it is registered, not found out later at a member's failed login.
public struct SSHPublicKey: Hashable, Sendable {
  /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa` …
  public let type: String
  /// The key in SSH wire format: what the base64 encodes and the fingerprint is taken of.
  public let blob: Data
  /// The text after the key (often `user@host`); empty when none. One line of plain text.
  public let comment: String

  /// RSA keys shorter than this are refused (NIST SP 800-131A; OpenSSH warns below it too).
  public static let minimumRSABits = 2048
  /// Longer than any real comment; a longer one is cut.
  public static let maximumCommentLength = 100

  /// The key types sshd accepts by default (OpenSSH 9), with what follows the type name in
  /// the wire format.
  static let layouts: [String: Layout] = [
    "ssh-ed25519": .ed25519(securityKey: false),
    "sk-ssh-ed25519@openssh.com": .ed25519(securityKey: true),
    "ecdsa-sha2-nistp256": .ecdsa(curve: "nistp256", pointLength: 65, securityKey: false),
    "ecdsa-sha2-nistp384": .ecdsa(curve: "nistp384", pointLength: 97, securityKey: false),
    "ecdsa-sha2-nistp521": .ecdsa(curve: "nistp521", pointLength: 133, securityKey: false),
    "sk-ecdsa-sha2-nistp256@openssh.com": .ecdsa(
      curve: "nistp256", pointLength: 65, securityKey: true),
    "ssh-rsa": .rsa,
  ]

  public static var acceptedTypes: [String] { layouts.keys.sorted() }

  enum Layout: Hashable {
    case ed25519(securityKey: Bool)
    case ecdsa(curve: String, pointLength: Int, securityKey: Bool)
    case rsa
  }

  /// Why a text is not a public key that can be registered.
  public enum Problem: Error, Hashable, Sendable {
    case empty
    /// The file holds a private key: it must never leave the member's device.
    case privateKey
    case severalKeys(Int)
    case unknownType(String)
    case notBase64
    /// The decoded key is cut short, has bytes left over, or is not what its type says.
    case malformed(type: String)
    /// The type written before the key differs from the one inside it.
    case typeMismatch(written: String, inside: String)
    case rsaTooShort(bits: Int)
    /// An RFC 4716 block without its END line.
    case unterminated
  }

  /// A key as sshd hands it to `AuthorizedKeysCommand` (`%t` and `%k`).
  public init(type: String, base64: String, comment: String = "") throws(Problem) {
    guard let layout = Self.layouts[type] else { throw .unknownType(Self.shown(type)) }
    guard let blob = Data(base64Encoded: base64), !blob.isEmpty else { throw .notBase64 }
    var reader = WireReader(blob)
    guard let inside = reader.string().flatMap({ String(data: $0, encoding: .utf8) }) else {
      throw .malformed(type: type)
    }
    guard inside == type else {
      throw .typeMismatch(written: type, inside: Self.shown(inside))
    }
    try Self.check(&reader, layout: layout, type: type)
    self.type = type
    self.blob = blob
    self.comment = Self.cleanComment(comment)
  }

  /// One key from a file's text: OpenSSH's one-line form or an RFC 4716 block. Blank lines
  /// and `#` comments around it are ignored.
  public static func parse(_ text: String) throws(Problem) -> SSHPublicKey {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    if lines.contains(where: { $0.hasPrefix("-----BEGIN") && $0.contains("PRIVATE KEY") })
      || lines.contains(where: { $0.hasPrefix("PuTTY-User-Key-File") })
    {
      throw .privateKey
    }
    if lines.contains(where: { $0.hasPrefix("---- BEGIN SSH2 PUBLIC KEY") }) {
      return try parseRFC4716(lines)
    }
    let keys = lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    guard let line = keys.first else { throw .empty }
    guard keys.count == 1 else { throw .severalKeys(keys.count) }
    let fields = line.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
    guard fields.count >= 2 else {
      throw layouts[String(fields[0])] == nil ? .unknownType(shown(String(fields[0]))) : .notBase64
    }
    return try SSHPublicKey(
      type: String(fields[0]), base64: String(fields[1]),
      comment: fields.count > 2 ? String(fields[2]) : "")
  }

  /// `SHA256:…`, as `ssh-keygen -l` and sshd's log print it.
  public var fingerprint: String {
    "SHA256:"
      + Data(SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(
        of: "=", with: "")
  }

  public var base64: String { blob.base64EncodedString() }

  /// `type base64`, the part of an `authorized_keys` line that is the key.
  public var authorizedKeyText: String { "\(type) \(base64)" }

  /// A name of at most 40 visible ASCII characters, as written in a message.
  static func shown(_ text: String) -> String {
    String(
      text.unicodeScalars.prefix(40).map {
        $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?"
      })
  }

  /// One line of plain text: control characters dropped, runs of blanks one space.
  static func cleanComment(_ text: String) -> String {
    let kept = text.unicodeScalars.filter { $0.properties.generalCategory != .control }
    let words = String(String.UnicodeScalarView(kept)).split(whereSeparator: \.isWhitespace)
    return String(words.joined(separator: " ").prefix(maximumCommentLength))
  }

  private static func check(_ reader: inout WireReader, layout: Layout, type: String)
    throws(Problem)
  {
    switch layout {
    case .ed25519(let securityKey):
      guard reader.string()?.count == 32 else { throw .malformed(type: type) }
      if securityKey, reader.string() == nil { throw .malformed(type: type) }
    case .ecdsa(let curve, let pointLength, let securityKey):
      guard reader.string() == Data(curve.utf8), let point = reader.string(),
        point.count == pointLength, point.first == 0x04
      else { throw .malformed(type: type) }
      if securityKey, reader.string() == nil { throw .malformed(type: type) }
    case .rsa:
      guard let exponent = reader.string(), !exponent.isEmpty, let modulus = reader.string()
      else { throw .malformed(type: type) }
      let bits = modulusBits(modulus)
      guard bits >= minimumRSABits else { throw .rsaTooShort(bits: bits) }
    }
    guard reader.isAtEnd else { throw .malformed(type: type) }
  }

  /// The bits of an SSH mpint's magnitude (leading zero bytes aside).
  private static func modulusBits(_ bytes: Data) -> Int {
    guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
    let count = bytes.endIndex - first
    return (count - 1) * 8 + (8 - bytes[first].leadingZeroBitCount)
  }

  /// PuTTYgen's export: header lines (`Comment: "…"`, continued by a trailing backslash),
  /// then the base64 key over several lines, then the END line.
  private static func parseRFC4716(_ lines: [String]) throws(Problem) -> SSHPublicKey {
    guard let begin = lines.firstIndex(where: { $0.hasPrefix("---- BEGIN SSH2 PUBLIC KEY") })
    else { throw .empty }
    guard let end = lines[begin...].firstIndex(where: { $0.hasPrefix("---- END SSH2 PUBLIC KEY") })
    else { throw .unterminated }
    var comment = ""
    var body = ""
    var continuing: String?
    for line in lines[(begin + 1)..<end] {
      if var header = continuing {
        header += line
        continuing = header.hasSuffix("\\") ? String(header.dropLast()) : nil
        if continuing == nil { comment = headerComment(header) ?? comment }
        continue
      }
      // Base64 has no colon: a line with one is a header.
      if line.contains(":") {
        if line.hasSuffix("\\") {
          continuing = String(line.dropLast())
        } else {
          comment = headerComment(line) ?? comment
        }
        continue
      }
      body += line
    }
    var reader = WireReader(Data(base64Encoded: body) ?? Data())
    guard let typeData = reader.string(), let type = String(data: typeData, encoding: .utf8)
    else { throw .notBase64 }
    return try SSHPublicKey(type: type, base64: body, comment: comment)
  }

  private static func headerComment(_ header: String) -> String? {
    guard header.lowercased().hasPrefix("comment:") else { return nil }
    var value = header.dropFirst("comment:".count).trimmingCharacters(in: .whitespaces)
    if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
      value = String(value.dropFirst().dropLast())
    }
    return value
  }
}

/// Reads the SSH wire format: each field a 32-bit big-endian length and that many bytes.
struct WireReader {
  private let bytes: Data
  private var offset: Int

  init(_ bytes: Data) {
    self.bytes = bytes
    offset = bytes.startIndex
  }

  var isAtEnd: Bool { offset == bytes.endIndex }

  /// The next field, nil when the data ends before it does.
  mutating func string() -> Data? {
    guard bytes.endIndex - offset >= 4 else { return nil }
    var length = 0
    for index in offset..<(offset + 4) { length = length << 8 | Int(bytes[index]) }
    let start = offset + 4
    guard bytes.endIndex - start >= length else { return nil }
    offset = start + length
    return bytes.subdata(in: start..<offset)
  }
}
