import Foundation
import Testing

@testable import Catalog

/// Public keys as members hand them in (`ssh-keygen`, PuTTYgen), refused with a reason when
/// they could never log in, and registered to one member at most.
@Suite struct SSHKeyTests {
  // Made with ssh-keygen 9.2; fingerprints as `ssh-keygen -lf` prints them.
  static let ed25519 =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMpjYmD2Aiyo9nmQ69XOa2XTLHFhJTkDuvgwQ7mg0QxQ wang@phone"
  static let ed25519Fingerprint = "SHA256:1ut84oI6ONEheA2wqReukR5P02JRk9vVoLPxaBjWhYc"
  static let otherEd25519 =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJGXHx6BoZRGvPi1VnDezIKjwFMJpw8+HciMpO3zqVsX li@laptop"
  static let ecdsa =
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJwtGW1qECst4OJ74+J54ZL7IB8tdHyOU9aTJSe1OC3XvzHf4UE/iWqDWXd7pAfB8GjhAUV5eCB6pJ+CtAspkkU= zhang"
  static let rsa2048Base64 =
    "AAAAB3NzaC1yc2EAAAADAQABAAABAQC2WogRxKuwIijaqfZIK1IFz1/8n8lsAGIlPrAx/Xh6CAp2zKEobRQ5vLDwPpRsmobTZkmweDDBsTsBVs6UjSdgLODXLJG7f9f/PFptq/cOLzDysU5ooIHY1lIHb8IaKyTvXhx5Bvb1pnAX+apIxivNRuHxxXMPca5mpuWhC8mgdUvJxr9QFbjYRjSJuWBQS6ccmXf8/VYOUJgIOX3cT/fHHlzX8hOC081uk0rUIjj3KFdh/T1uvNlo7/tHp58YhNDRHn2lPT/gMhiUW6Dv095L80ruSsEELg+FIoTnvXMwjowl3vC/62GFCJPD77coO+w8oMlUrIBG8leP0OvG673H"
  static let rsa1024 =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC0vdeo/G6+ePjblTPCIkhGSYFbS1mJUa4SBwXG9m2Sy7RBac7FZ95Tcc+496kXGD0NmCHyqxSFIIrX11NJ75xAlg09Kzw8GETLPAOyJj3qnEkYOpzQCT4p918KctEQCIHLllxxrSrOU1hvr53AFclRujce9FJbabweIRPDPb+X0Q== old"

  @Test func keysAreReadWithTheirFingerprintAsSSHKeygenPrintsIt() throws {
    let key = try SSHPublicKey.parse("# 王建国的手机\n\n" + Self.ed25519 + "\n")
    #expect(key.type == "ssh-ed25519")
    #expect(key.comment == "wang@phone")
    #expect(key.fingerprint == Self.ed25519Fingerprint)
    #expect(key.authorizedKeyText == String(Self.ed25519.dropLast(" wang@phone".count)))
    #expect(
      try SSHPublicKey.parse(Self.ecdsa).fingerprint
        == "SHA256:HeBuOPWvT0LF9rbnCN1R5Sz47TStXW3oxLnvAP9lIOw")
    #expect(
      try SSHPublicKey.parse("ssh-rsa " + Self.rsa2048Base64 + " rsa2048").fingerprint
        == "SHA256:6Iw1Z2+p4IWYwTouGxhAncJayR5ceLaToay10TDPCY0")
  }

  @Test func puttygenBlocksAreReadWithTheirComment() throws {
    // PuTTYgen's "Save public key": RFC 4716, the key over several lines, a continued header.
    var lines = ["---- BEGIN SSH2 PUBLIC KEY ----", "Comment: \"rsa-key-20261130 \\", "wang\""]
    var rest = Substring(Self.rsa2048Base64)
    while !rest.isEmpty {
      lines.append(String(rest.prefix(64)))
      rest = rest.dropFirst(64)
    }
    lines.append("---- END SSH2 PUBLIC KEY ----")
    let key = try SSHPublicKey.parse(lines.joined(separator: "\r\n"))
    #expect(key.type == "ssh-rsa")
    #expect(key.comment == "rsa-key-20261130 wang")
    #expect(key.fingerprint == "SHA256:6Iw1Z2+p4IWYwTouGxhAncJayR5ceLaToay10TDPCY0")
    #expect(throws: SSHPublicKey.Problem.unterminated) {
      _ = try SSHPublicKey.parse(lines.dropLast().joined(separator: "\n"))
    }
  }

  @Test func keysThatCouldNeverLogInAreRefusedWithTheReason() {
    let body = Self.ed25519.split(separator: " ")[1]
    let cases: [(String, SSHPublicKey.Problem)] = [
      ("", .empty),
      ("# only a comment\n", .empty),
      ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n", .privateKey),
      ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n", .privateKey),
      (Self.ed25519 + "\n" + Self.otherEd25519, .severalKeys(2)),
      ("ssh-dss AAAAB3NzaC1kc3M=", .unknownType("ssh-dss")),
      ("ssh-ed25519", .notBase64),
      ("ssh-ed25519 not*base64!", .notBase64),
      // Cut short, and with a byte too many.
      ("ssh-ed25519 " + body.dropLast(8), .malformed(type: "ssh-ed25519")),
      (
        "ssh-ed25519 " + (Data(base64Encoded: String(body))! + Data([0])).base64EncodedString(),
        .malformed(type: "ssh-ed25519")
      ),
      ("ssh-rsa " + body, .typeMismatch(written: "ssh-rsa", inside: "ssh-ed25519")),
      (Self.rsa1024, .rsaTooShort(bits: 1024)),
    ]
    for (text, problem) in cases {
      #expect(throws: problem, "\(text.prefix(40))") { _ = try SSHPublicKey.parse(text) }
    }
    // What sshd hands the lookup (%t %k) is checked the same way.
    #expect(throws: SSHPublicKey.Problem.malformed(type: "ecdsa-sha2-nistp256")) {
      _ = try SSHPublicKey(type: "ecdsa-sha2-nistp256", base64: "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=")
    }
  }

  @Test func aCommentIsOneLineOfPlainText() throws {
    let key = try SSHPublicKey(
      type: "ssh-ed25519", base64: String(Self.ed25519.split(separator: " ")[1]),
      comment: "wang\u{1B}[31m   phone\u{7}" + String(repeating: "x", count: 200))
    #expect(!key.comment.unicodeScalars.contains { $0.properties.generalCategory == .control })
    #expect(key.comment.hasPrefix("wang[31m phone"))
    #expect(key.comment.count == SSHPublicKey.maximumCommentLength)
  }

  @Test(arguments: RecordsEngineKind.all)
  func aKeyOpensOneMembersRecordsAndNoOneElses(_ engine: RecordsEngineKind) throws {
    let temporary = try TemporaryStore(engine)
    defer { temporary.remove() }
    let store = temporary.store
    _ = try store.importMembers([draft("1001"), draft("1002")])
    let wang = try SSHPublicKey.parse(Self.ed25519)
    let li = try SSHPublicKey.parse(Self.otherEd25519)
    #expect(try store.addKey(wang, for: "1001", actor: "admin"))
    #expect(try !store.addKey(wang, for: "1001", actor: "admin"))  // again: nothing new
    #expect(
      throws: RecordsError.keyOfAnotherMember(fingerprint: wang.fingerprint, memberID: "1001")
    ) { try store.addKey(wang, for: "1002") }
    #expect(throws: RecordsError.unknownMember("9")) { try store.addKey(li, for: "9") }
    try store.addKey(li, for: "1002")
    #expect(try store.memberID(forKey: wang) == "1001")
    #expect(try store.memberID(forKey: li) == "1002")
    // A key nobody registered, and the same bytes under another type name, match nobody.
    let unknown = try SSHPublicKey.parse("ssh-rsa " + Self.rsa2048Base64)
    #expect(try store.memberID(forKey: unknown) == nil)
    try temporary.store.engine.write { db in
      try db.execute(sql: "UPDATE member_key SET type = 'ssh-rsa' WHERE member_id = '1002'")
    }
    #expect(try store.memberID(forKey: li) == nil)
    #expect(try store.keys(of: "1001").map(\.key.fingerprint) == [wang.fingerprint])
    #expect(try store.keys(of: "1001").first?.addedBy == "admin")

    #expect(throws: RecordsError.noSuchKey(memberID: "1002", fingerprint: wang.fingerprint)) {
      try store.removeKey(fingerprint: wang.fingerprint, of: "1002")
    }
    let removed = try store.removeKey(
      fingerprint: wang.fingerprint, of: "1001", reason: "手机丢失", actor: "admin")
    #expect(removed.key == wang)
    #expect(try store.memberID(forKey: wang) == nil)
    let entries = try store.auditEntries(memberID: "1001")
    #expect(entries.map(\.action) == [.keyAdded, .keyRemoved])
    #expect(entries.last?.reason == "手机丢失")
    #expect(KeyDetail.fields(from: entries[0].detail)?.fingerprint == wang.fingerprint)
  }
}
