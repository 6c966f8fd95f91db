import GRDB

/// The versioned schema. Migrations are append-only: never edit one that has shipped.
enum RecordsSchema {
  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1 members, selections, credits", foreignKeyChecks: .immediate) {
      db in
      try db.execute(
        sql: """
          CREATE TABLE member (
            id TEXT NOT NULL PRIMARY KEY
              CHECK (length(id) BETWEEN 1 AND 20 AND id NOT GLOB '*[^0-9]*'),
            name TEXT NOT NULL,
            branch TEXT NOT NULL,
            domain TEXT NOT NULL,
            role TEXT NOT NULL,
            joined TEXT NOT NULL,
            floating INTEGER NOT NULL DEFAULT 0 CHECK (floating IN (0, 1)),
            pin_key BLOB,
            pin_salt BLOB,
            pin_rounds INTEGER,
            failed_attempts INTEGER NOT NULL DEFAULT 0,
            locked_until REAL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
          );
          CREATE INDEX member_by_branch ON member(branch, id);

          CREATE TABLE selection (
            member_id TEXT NOT NULL REFERENCES member(id),
            course_id TEXT NOT NULL,
            selected_at TEXT NOT NULL,
            PRIMARY KEY (member_id, course_id)
          ) WITHOUT ROWID;

          CREATE TABLE credit (
            id INTEGER PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES member(id),
            course_id TEXT NOT NULL,
            course_title TEXT NOT NULL,
            category_id TEXT NOT NULL,
            date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            half_hours INTEGER NOT NULL CHECK (half_hours > 0),
            form TEXT NOT NULL,
            source TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT,
            UNIQUE (member_id, course_id, date)
          );
          CREATE INDEX credit_by_course_date ON credit(course_id, date);
          """)
    }
    // The reason kept with a make-up (补学) credit, and the audit trail: one row per action
    // worth answering for later (a credit removed, a make-up credited; later a sign-in closed
    // or cancelled …). `detail` is a JSON object with the content of what changed, so a
    // removed credit can be read back in full.
    migrator.registerMigration("v2 credit reason, audit trail", foreignKeyChecks: .immediate) {
      db in
      try db.execute(
        sql: """
          ALTER TABLE credit ADD COLUMN reason TEXT;

          CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT,
            action TEXT NOT NULL CHECK (length(action) > 0),
            member_id TEXT REFERENCES member(id),
            reason TEXT,
            detail TEXT NOT NULL DEFAULT '{}'
          );
          CREATE INDEX audit_by_time ON audit(at);
          CREATE INDEX audit_by_member ON audit(member_id, at);
          """)
    }
    // Self-study over SSH: members' public keys (`members add-key`, looked up by
    // `ssh authorized-keys`), and one row per session, which is both the table of who is
    // connected now (`ended_at IS NULL`: one live session per member) and the session audit
    // (how someone came in, from where, and how it ended). A row names its process by host,
    // boot and start time, so a row left by a killed process is told from a live one.
    migrator.registerMigration("ssh keys and sessions", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE member_key (
            fingerprint TEXT NOT NULL PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES member(id),
            type TEXT NOT NULL,
            key TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            added_by TEXT
          ) WITHOUT ROWID;
          CREATE INDEX member_key_by_member ON member_key(member_id);

          CREATE TABLE session (
            id INTEGER PRIMARY KEY,
            member_id TEXT REFERENCES member(id),
            via TEXT NOT NULL,
            key_fingerprint TEXT,
            client TEXT,
            command TEXT,
            host TEXT NOT NULL,
            boot_id TEXT NOT NULL,
            pid INTEGER NOT NULL,
            pid_start INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            end_reason TEXT,
            replaced_by INTEGER REFERENCES session(id)
          );
          CREATE INDEX session_live ON session(member_id) WHERE ended_at IS NULL;
          CREATE INDEX session_by_start ON session(started_at);
          CREATE INDEX session_by_member ON session(member_id, started_at);
          """)
    }
    return migrator
  }()

  /// Runs the migrations that are missing. Several processes may open a new file at once:
  /// GRDB reads the applied migrations before it runs each one in its own IMMEDIATE
  /// transaction, so a process can lose the race and fail on a table another one just created.
  /// That failed transaction rolled back; when the applied list grew meanwhile, try again.
  static func migrate(_ pool: DatabasePool, path: String) throws {
    let known = Set(migrator.migrations)
    for _ in 0..<20 {
      let before = try pool.read { try migrator.appliedIdentifiers($0) }
      let unknown = before.subtracting(known)
      guard unknown.isEmpty else {
        throw RecordsError.newerSchema(path: path, unknown: unknown.sorted())
      }
      if before == known { return }
      do {
        try migrator.migrate(pool)
        return
      } catch {
        let after = try pool.read { try migrator.appliedIdentifiers($0) }
        guard after.isStrictSuperset(of: before) else { throw error }
      }
    }
    try migrator.migrate(pool)
  }
}
