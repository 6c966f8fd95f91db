import ArgumentParser
import Catalog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// `members add-key`, `members keys`, `members remove-key`: the SSH keys that let a member in
// without a PIN (see deploy/ssh/README.md).

/// `members add-key ID FILE|-`.
struct MembersAddKeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-key", abstract: SSHText.addKeyAbstract,
    discussion: SSHText.addKeyDiscussion)

  /// More than any public key file; a bigger file is not one.
  static let maximumFileBytes = 64 * 1024

  @OptionGroup var member: OneMemberArguments

  @Argument(help: ArgumentHelp(SSHText.keyFileHelp))
  var file: String

  func run() throws {
    let key: SSHPublicKey
    do {
      key = try SSHPublicKey.parse(try Self.readText(file))
    } catch let problem as SSHPublicKey.Problem {
      printError(SSHText.keyRefused(file == "-" ? "<stdin>" : file, problem))
      throw ExitCode(1)
    }
    let (store, member) = try self.member.open()
    let added = try reportingRecordsErrors { try store.addKey(key, for: member.id) }
    printOutput(added ? SSHText.keyAdded(member, key) : SSHText.keyAlreadyAdded(member, key))
  }

  /// The file's text (`-`: standard input), or a message and status 2.
  static func readText(_ path: String) throws -> String {
    let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path)
    guard let handle,
      let data = try? handle.read(upToCount: maximumFileBytes + 1),
      data.count <= maximumFileBytes
    else {
      printError(SSHText.keyFileUnreadable(path))
      throw ExitCode(2)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SSHPublicKey.Problem.notBase64
    }
    return text
  }
}

/// `members keys ID`.
struct MembersKeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys", abstract: SSHText.keysAbstract)

  @OptionGroup var member: OneMemberArguments

  func run() throws {
    let (store, member) = try self.member.open()
    let keys = try reportingRecordsErrors { try store.keys(of: member.id) }
    guard !keys.isEmpty else {
      printOutput(SSHText.noKeys(member))
      return
    }
    var table = TextTable(header: SSHText.keysHeader)
    for key in keys {
      table.rows.append([
        key.key.fingerprint, key.key.type, key.key.comment, LocalTime(key.addedAt).dateTimeText,
        key.addedBy ?? AdminText.unknownActor,
      ])
    }
    printOutput(lines: table.lines + [SSHText.keysTally(keys.count)])
  }
}

/// `members remove-key ID FINGERPRINT [--reason R]`.
struct MembersRemoveKeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove-key", abstract: SSHText.removeKeyAbstract)

  @OptionGroup var member: OneMemberArguments

  @Argument(help: ArgumentHelp(SSHText.fingerprintHelp))
  var fingerprint: String

  @Option(help: ArgumentHelp(SSHText.removeKeyReasonHelp))
  var reason: String?

  func validate() throws {
    if let reason { try validateOneLine(reason, option: "--reason") }
  }

  func run() throws {
    let (store, member) = try self.member.open()
    let removed = try reportingRecordsErrors {
      try store.removeKey(fingerprint: fingerprint, of: member.id, reason: reason)
    }
    printOutput(SSHText.keyRemoved(member, removed))
  }
}
