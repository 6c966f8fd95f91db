import Catalog
import Foundation

/// A `postgresql://` URL as `--db` and `COURSE_MENU_DB` take it, and the password for it.
///
/// `postgresql://[USER@]HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]` (also
/// `postgres://`; an empty HOST with `?host=/DIRECTORY` is a Unix socket). The user defaults to
/// `PGUSER`, then the operating-system user. A password never comes from the command line (it
/// would show in `ps` and in shell history): a URL that holds one is refused, and the password
/// is read, as libpq reads it, from `PGPASSWORD` or a password file (`PGPASSFILE`, else
/// `~/.pgpass`: lines `host:port:database:user:password`, `*` matching anything; ignored unless
/// only its owner may read it).
public struct PostgresLocation: Hashable, Sendable {
  public enum TLSMode: String, Hashable, Sendable {
    case disable, prefer, require
  }

  public var host: String
  /// The directory of the server's Unix socket, when it is reached that way.
  public var socketDirectory: String?
  public var port: Int
  public var user: String
  public var database: String
  public var tls: TLSMode
  /// Seconds to wait for the server to answer a connection (`?connect_timeout=`).
  public var connectTimeout: Int

  /// The URL without a password, for messages and for `records copy`'s report.
  public var description: String {
    let place = socketDirectory.map { "?host=\($0)" } ?? ""
    let server = socketDirectory == nil ? "\(host):\(port)" : ""
    return "postgresql://\(user)@\(server)/\(database)\(place)"
  }

  /// Whether `location` names a PostgreSQL database rather than an SQLite file.
  public static func isURL(_ location: String) -> Bool {
    let lowered = location.lowercased()
    return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
  }

  public init(url text: String, environment: [String: String]) throws {
    guard Self.isURL(text), let components = URLComponents(string: text) else {
      throw RecordsError.invalidDatabaseURL(text)
    }
    if components.password != nil || components.percentEncodedPassword != nil {
      throw RecordsError.passwordInURL
    }
    var query: [String: String] = [:]
    for item in components.queryItems ?? [] {
      guard let value = item.value else { throw RecordsError.invalidDatabaseURL(text) }
      switch item.name {
      case "sslmode", "host", "connect_timeout": query[item.name] = value
      case "password": throw RecordsError.passwordInURL
      default: throw RecordsError.invalidDatabaseURL(text)
      }
    }
    socketDirectory = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil }
    host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
    if socketDirectory != nil, components.host?.isEmpty == false {
      throw RecordsError.invalidDatabaseURL(text)
    }
    guard let timeout = Int(query["connect_timeout"] ?? "10"), timeout > 0 else {
      throw RecordsError.invalidDatabaseURL(text)
    }
    connectTimeout = timeout
    port = components.port ?? 5432
    user =
      components.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"]
      ?? RecordsStore.currentUser ?? "postgres"
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : ""
    guard !path.isEmpty, !path.contains("/") else { throw RecordsError.invalidDatabaseURL(text) }
    database = path
    switch query["sslmode"] ?? "prefer" {
    case "disable": tls = .disable
    case "prefer", "allow": tls = .prefer
    case "require", "verify-ca", "verify-full": tls = .require
    default: throw RecordsError.invalidDatabaseURL(text)
    }
  }

  /// The socket path for a Unix-socket location.
  var socketPath: String? {
    socketDirectory.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + ".s.PGSQL.\(port)" }
  }

  /// `PGPASSWORD`, else the first matching line of the password file; nil when neither gives
  /// one (the server may need none: `trust` or `peer`).
  public func password(environment: [String: String]) -> String? {
    if let password = environment["PGPASSWORD"] { return password }
    let file =
      environment["PGPASSFILE"]
      ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass"
    var info = stat()
    // As libpq: a file others may read is ignored.
    guard stat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o077 == 0,
      let text = try? String(contentsOfFile: file, encoding: .utf8)
    else { return nil }
    let hostName = socketDirectory == nil ? host : "localhost"
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = Self.passwordFileFields(line)
      guard fields.count == 5 else { continue }
      let wanted = [hostName, String(port), database, user]
      if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  /// A password file's line split at `:`, `\:` and `\\` unescaped.
  static func passwordFileFields(_ line: Substring) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" && fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}
