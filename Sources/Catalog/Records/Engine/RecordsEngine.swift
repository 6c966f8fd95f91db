/// Where the records live and how a transaction runs there: SQLite through GRDB
/// (`SQLiteEngine`, one file per station or server) or PostgreSQL through postgres-nio (the
/// `RecordsPostgres` module, shared by several servers). `RecordsStore` holds one and asks
/// everything of it through these two calls, so every operation is written once and behaves
/// the same on both.
///
/// Both calls are synchronous and may be made from any thread but an event loop's.
public protocol RecordsEngine: Sendable {
  /// The path or URL (without a password) for messages.
  var location: String { get }
  var isReadOnly: Bool { get }

  /// Runs `body` in one transaction that sees the latest data and whose invariants hold as if
  /// it ran alone (SQLite: IMMEDIATE; PostgreSQL: SERIALIZABLE). All or nothing: a throw rolls
  /// back. An engine may run `body` again after a conflict with another writer, so `body` does
  /// nothing but database work. Throws `RecordsError.readOnly` on a read-only engine.
  func write<T>(_ body: (SQLTransaction) throws -> T) throws -> T

  /// Runs `body` on one consistent snapshot.
  func read<T>(_ body: (SQLTransaction) throws -> T) throws -> T

  /// Ends the connections; the engine cannot be used afterwards.
  func close() throws
}
