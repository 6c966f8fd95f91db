import ArgumentParser
import Catalog
import Foundation
import RecordsPostgres

#if canImport(Glibc)
  import Glibc
#endif

/// `course-menu ssh …`: the program as OpenSSH serves it (see deploy/ssh/README.md).
struct SSHCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ssh", abstract: SSHText.sshAbstract,
    subcommands: [SSHSessionCommand.self, AuthorizedKeysCommand.self])
}

/// What sshd tells the program it runs (`SSH_CONNECTION`, `SSH_ORIGINAL_COMMAND`), read once.
enum SSHEnvironment {
  /// Longer than any command a person types; the rest is not kept.
  static let longestCommand = 500

  /// Where the session comes from: the client's address (the first word of
  /// `SSH_CONNECTION`: `client-address client-port server-address server-port`) and the
  /// command the client asked for, kept for the audit as sent (what prints it shows its
  /// control characters visibly) and never run.
  static func origin(_ environment: [String: String]) -> SessionOrigin {
    let client = environment["SSH_CONNECTION"]?.split(separator: " ").first.map(String.init)
    let command = environment["SSH_ORIGINAL_COMMAND"].map { String($0.prefix(longestCommand)) }
    return SessionOrigin(client: client, command: command)
  }
}

/// `ssh session [--member N --key FINGERPRINT]`: the member UI as an SSH server's only
/// command, run by sshd's `ForceCommand` (shared study account: number and PIN) or by the
/// `command=` of a member's key (`ssh authorized-keys`: no PIN).
///
/// Trust: `--member` skips the PIN. Only sshd puts it there, in a command the client cannot
/// change (ForceCommand, `restrict,command=`): all a client controls is
/// `SSH_ORIGINAL_COMMAND`, which is only written into the session row. Whoever can write the
/// sshd configuration or the records could impersonate any member anyway.
struct SSHSessionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "session", abstract: SSHText.sessionAbstract,
    discussion: SSHText.sessionDiscussion)

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var records: RecordsOptions

  @Option(
    name: .customLong("idle-timeout"),
    help: ArgumentHelp(MemberText.idleTimeoutOptionHelp, valueName: "seconds"))
  var idleTimeout = IdleTimer.defaultSeconds

  @Option(help: ArgumentHelp(SSHText.memberOptionHelp))
  var member: String?

  @Option(help: ArgumentHelp(SSHText.keyOptionHelp))
  var key: String?

  func validate() throws {
    if idleTimeout < 0 { throw ValidationError(MemberText.negativeIdleTimeout) }
    if let member, !Member.isValidID(member) {
      throw ValidationError(SSHText.invalidMemberOption)
    }
    if key != nil, member == nil { throw ValidationError(SSHText.keyWithoutMember) }
  }

  func run() throws {
    let origin = SSHEnvironment.origin(ProcessInfo.processInfo.environment)
    guard isatty(0) != 0, isatty(1) != 0 else {
      // `ssh host COMMAND`, `ssh -T`, sftp, scp: one plain line, and the attempt noted.
      if let store = try? RecordsOpening.open(records.resolvedPath) {
        try? store.recordRefusedSession(origin, reason: .noTerminal)
        try? store.close()
      }
      printError(SSHText.needsTerminal)
      throw ExitCode(1)
    }
    MemberUI.setLocale()
    let today = SystemClock.today()
    let served = try MemberCatalog.load(
      catalogOptions.loader(), recordsPath: records.catalogCopyBase, today: today)
    let catalog = served.catalog
    let capabilities = MemberUI.capabilities()
    let runner = RecordsRunner(
      path: records.resolvedPath, catalog: catalog, session: origin,
      keyMember: member.map { (id: $0, fingerprint: key) })
    var state = AppState(
      catalog: catalog, today: today, size: Size(width: 80, height: 24),
      glyphs: capabilities.glyphs, notice: capabilities.notice,
      start: StartScreen(catalogWarning: served.servedFrom.map(CommandText.servingLastGood)),
      idleTimer: IdleTimer(seconds: idleTimeout))
    state.sessionPolicy = SessionPolicy(keyMember: member)
    if let member { state.replaceAll(with: .enter(EnterScreen(memberID: member))) }
    _ = try MemberUI.run(
      state, capabilities: capabilities, runner: runner, nudge: SessionNudge())
  }
}

/// `ssh authorized-keys USER TYPE KEY`: sshd's `AuthorizedKeysCommand` for the account members
/// log in to with their own keys (the gitlab-shell model: one account, every key mapped to a
/// forced command). For a registered key it prints one `authorized_keys` line,
/// `restrict,pty,command="… ssh session … --member N --key FINGERPRINT" TYPE KEY`, so the key
/// opens the course menu as that member and nothing else (no forwarding, no agent, no X11,
/// no `~/.ssh/rc`); for any other key, or any other account, nothing. A key never matches
/// another member: it is looked up whole, and registered to one member at most.
struct AuthorizedKeysCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "authorized-keys", abstract: SSHText.authorizedKeysAbstract,
    discussion: SSHText.authorizedKeysDiscussion)

  @Argument(help: ArgumentHelp(SSHText.userArgumentHelp))
  var user: String

  @Argument(help: ArgumentHelp(SSHText.typeArgumentHelp))
  var type: String

  @Argument(help: ArgumentHelp(SSHText.keyArgumentHelp))
  var key: String

  @Option(help: ArgumentHelp(SSHText.accountOptionHelp))
  var account: String

  @Option(help: ArgumentHelp(SSHText.programOptionHelp))
  var program: String?

  @Option(
    name: .customLong("idle-timeout"),
    help: ArgumentHelp(MemberText.idleTimeoutOptionHelp, valueName: "seconds"))
  var idleTimeout: Int?

  @OptionGroup var catalogOptions: CatalogOptions
  @OptionGroup var records: RecordsOptions

  func run() throws {
    guard user == account else { return }
    let offered: SSHPublicKey
    do {
      offered = try SSHPublicKey(type: type, base64: key)
    } catch {
      printError(SSHText.keyLookupRefused(error))
      throw ExitCode(1)
    }
    // Read-only: sshd's lookup account needs no write permission. No records yet: no key.
    guard let store = try records.openForReading() else { return }
    defer { try? store.close() }
    guard let memberID = try reportingRecordsErrors({ try store.memberID(forKey: offered) })
    else { return }
    do {
      let line = try AuthorizedKeyLine(
        program: program ?? Self.ownPath, database: records.resolvedPath,
        catalog: catalogOptions.directory, rules: catalogOptions.rulesPath,
        idleTimeout: idleTimeout, memberID: memberID, key: offered)
      printOutput(line.text)
    } catch let refused as AuthorizedKeyLine.UnsafePath {
      printError(SSHText.unsafePath(refused.path))
      throw ExitCode(1)
    }
  }

  /// This program's own path, as the kernel knows it.
  static var ownPath: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
  }
}

/// The `authorized_keys` line for a member's key. The forced command is run by the account's
/// shell (`sh -c`), so every path in it must need no quoting: anything else is refused rather
/// than quoted, and the line is never printed.
struct AuthorizedKeyLine: Hashable {
  let text: String

  struct UnsafePath: Error { let path: String }

  init(
    program: String, database: String, catalog: String?, rules: String?, idleTimeout: Int?,
    memberID: String, key: SSHPublicKey
  ) throws {
    var words = [program, "ssh", "session", "--db", database]
    if let catalog { words += ["--catalog", catalog] }
    if let rules { words += ["--rules", rules] }
    if let idleTimeout { words += ["--idle-timeout", String(idleTimeout)] }
    words += ["--member", memberID, "--key", key.fingerprint]
    for word in [program, database] + [catalog, rules].compactMap({ $0 })
    where !Self.isPlain(word) {
      throw UnsafePath(path: word)
    }
    text =
      "restrict,pty,command=\"" + words.joined(separator: " ") + "\" " + key.authorizedKeyText
  }

  /// Letters, digits and `/._-+:@=` only: safe unquoted for the shell and inside the option's
  /// double quotes (a fingerprint's base64 adds `+` and `/`, a `postgresql://` URL `@`).
  static func isPlain(_ word: String) -> Bool {
    !word.isEmpty
      && word.utf8.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte) || "/._-+:@=".utf8.contains(byte)
      }
  }
}
