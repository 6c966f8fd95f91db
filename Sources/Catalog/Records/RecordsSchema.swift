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
    // Self-study that earns hours (format 1.1): the lesson page each member reached, and
    // every quiz attempt with its draw (question index and fingerprint, choice order), its
    // answers and its outcome. An attempt is inserted as 'open' when it starts, so it counts
    // toward the day's limit even if the session dies; leaving marks it 'abandoned'.
    // `quiz_question` keeps the text of every question ever drawn, by fingerprint, so the item
    // analysis can name a question a curator has since reworded or removed. quiz_answer has
    // no index but its key: its rows go in at the end, so starting an attempt touches few
    // pages (an index by fingerprint made each start rewrite most of it).
    migrator.registerMigration("v3 lesson progress, quiz attempts", foreignKeyChecks: .immediate) {
      db in
      try db.execute(
        sql: """
          CREATE TABLE lesson_progress (
            member_id TEXT NOT NULL REFERENCES member(id),
            course_id TEXT NOT NULL,
            page_index INTEGER NOT NULL CHECK (page_index >= 0),
            page_count INTEGER NOT NULL CHECK (page_count > page_index),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (member_id, course_id)
          ) WITHOUT ROWID;

          CREATE TABLE quiz_attempt (
            id INTEGER PRIMARY KEY,
            member_id TEXT NOT NULL REFERENCES member(id),
            course_id TEXT NOT NULL,
            course_title TEXT NOT NULL,
            training_year INTEGER NOT NULL,
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            state TEXT NOT NULL CHECK (state IN ('open', 'finished', 'abandoned')),
            question_count INTEGER NOT NULL CHECK (question_count > 0),
            pass_percent INTEGER NOT NULL CHECK (pass_percent BETWEEN 1 AND 100),
            correct_count INTEGER,
            score INTEGER CHECK (score BETWEEN 0 AND 100),
            passed INTEGER CHECK (passed IN (0, 1)),
            credit_id INTEGER REFERENCES credit(id),
            started_at TEXT NOT NULL,
            ended_at TEXT,
            CHECK ((state = 'finished') = (score IS NOT NULL AND passed IS NOT NULL))
          );
          CREATE INDEX quiz_attempt_by_member_day ON quiz_attempt(member_id, course_id, day);
          CREATE INDEX quiz_attempt_by_course_year ON quiz_attempt(course_id, training_year);

          CREATE TABLE quiz_answer (
            attempt_id INTEGER NOT NULL REFERENCES quiz_attempt(id),
            position INTEGER NOT NULL CHECK (position >= 0),
            question_index INTEGER NOT NULL CHECK (question_index >= 0),
            fingerprint TEXT NOT NULL,
            choice_order TEXT NOT NULL,
            response TEXT,
            correct INTEGER CHECK (correct IN (0, 1)),
            PRIMARY KEY (attempt_id, position)
          ) WITHOUT ROWID;

          CREATE TABLE quiz_question (
            course_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (course_id, fingerprint)
          ) WITHOUT ROWID;
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
