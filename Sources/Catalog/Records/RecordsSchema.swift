import GRDB

/// The versioned schema. Migrations are append-only: never edit one that has shipped.
///
/// The program owns a version number: the count of migrations it knows, kept in the file's
/// `PRAGMA user_version` (and `application_id` says the file is ours). A file whose version is
/// above `version` was written by a newer program and is refused before anything is written.
/// Appending a migration below raises `version` by itself: nothing else needs editing.
enum RecordsSchema {
  /// `PRAGMA application_id` of a records database: "CMRD" (course-menu records).
  static let applicationID: Int32 = 0x434D_5244

  /// The schema version this program writes and understands.
  static var version: Int { migrator.migrations.count }

  /// The first migration: a file that has it is ours even from before `application_id`.
  static let firstMigration = "v1 members, selections, credits"

  static let migrator: DatabaseMigrator = {
    var migrator = DatabaseMigrator()
    migrator.registerMigration(firstMigration, foreignKeyChecks: .immediate) {
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
    // Wrong PINs are counted per typed number, whether or not a member has it, so the answers
    // and their timing never tell a stranger which numbers exist (see `LoginThrottle`). The
    // member's failed_attempts and locked_until columns are unused from here on.
    migrator.registerMigration("v3 login throttle") { db in
      try db.execute(
        sql: """
          CREATE TABLE login_throttle (
            number TEXT NOT NULL PRIMARY KEY,
            failures INTEGER NOT NULL CHECK (failures > 0),
            last_failure REAL NOT NULL,
            next_attempt REAL
          ) WITHOUT ROWID;
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
    migrator.registerMigration("v4 lesson progress, quiz attempts", foreignKeyChecks: .immediate) {
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
    // Self-study over SSH: members' public keys (`members add-key`, looked up by
    // `ssh authorized-keys`), and one row per session, which is both the table of who is
    // connected now (`ended_at IS NULL`: one live session per member) and the session audit
    // (how someone came in, from where, and how it ended). A row names its process by host,
    // boot and start time, so a row left by a killed process is told from a live one.
    migrator.registerMigration("v5 ssh keys and sessions", foreignKeyChecks: .immediate) { db in
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
    // The station's side: stations (远程教育站点), administrators (their own accounts, PINs
    // hashed as members' are), sign-ins at group sessions (each one a showing in the station's
    // log, with who signed in) and sign-ups for a session's seats. The invariants live here:
    // one open sign-in per station (a partial unique index), one sign-in per member and
    // showing, one sign-up per member and session; capacity is checked inside the sign-up's
    // IMMEDIATE transaction, as it comes from the catalog.
    migrator.registerMigration(
      "v6 stations, administrators, sign-ins, sign-ups", foreignKeyChecks: .immediate
    ) { db in
      try db.execute(
        sql: """
          CREATE TABLE station (
            id TEXT NOT NULL PRIMARY KEY
              CHECK (length(id) BETWEEN 1 AND 32 AND id NOT GLOB '*[^A-Za-z0-9_-]*'),
            name TEXT NOT NULL CHECK (length(name) > 0),
            place TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
          );

          CREATE TABLE administrator (
            id TEXT NOT NULL PRIMARY KEY
              CHECK (length(id) BETWEEN 1 AND 20 AND id NOT GLOB '*[^0-9]*'),
            name TEXT NOT NULL CHECK (length(name) > 0),
            station_id TEXT REFERENCES station(id),
            pin_key BLOB,
            pin_salt BLOB,
            pin_rounds INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
          );

          CREATE TABLE showing (
            id INTEGER PRIMARY KEY,
            station_id TEXT NOT NULL REFERENCES station(id),
            course_id TEXT NOT NULL,
            course_title TEXT NOT NULL,
            half_hours INTEGER NOT NULL CHECK (half_hours > 0),
            date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            kind TEXT NOT NULL CHECK (kind IN ('session', 'broadcast')),
            place TEXT,
            state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'cancelled')),
            opened_at TEXT NOT NULL,
            opened_by TEXT NOT NULL,
            closed_at TEXT,
            closed_by TEXT,
            CHECK ((state = 'open') = (closed_at IS NULL))
          );
          CREATE UNIQUE INDEX showing_open_per_station ON showing(station_id) WHERE state = 'open';
          CREATE INDEX showing_by_date ON showing(date, station_id);

          CREATE TABLE attendance (
            showing_id INTEGER NOT NULL REFERENCES showing(id),
            member_id TEXT NOT NULL REFERENCES member(id),
            signed_at TEXT NOT NULL,
            removed_at TEXT,
            removed_by TEXT,
            removal_reason TEXT,
            CHECK ((removed_at IS NULL) = (removal_reason IS NULL)),
            PRIMARY KEY (showing_id, member_id)
          ) WITHOUT ROWID;
          CREATE INDEX attendance_by_member ON attendance(member_id);

          CREATE TABLE signup (
            course_id TEXT NOT NULL,
            date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            place TEXT NOT NULL,
            member_id TEXT NOT NULL REFERENCES member(id),
            signed_up_at TEXT NOT NULL,
            PRIMARY KEY (course_id, date, place, member_id)
          ) WITHOUT ROWID;
          CREATE INDEX signup_by_member ON signup(member_id, date);
          """)
    }
    // A credit a passed attempt earned and an administrator took back (`credit --undo`): the
    // attempt keeps its score and pass, loses its link to the removed credit, and says when
    // the credit was withdrawn. Its pass no longer holds the year's credit.
    migrator.registerMigration("v7 quiz credit withdrawn") { db in
      try db.execute(sql: "ALTER TABLE quiz_attempt ADD COLUMN credit_withdrawn_at TEXT")
    }
    // 评学 and 需求调研, kept so that no answer leads back to a member (`RecordsStore+Feedback`).
    // A rating is added to counts — `rating_tally`: how many members gave each answer to each
    // question about a course in a year; `rating_course`: how many rated it, and the course as
    // first rated — never written as a row of its own: no member, no time, no row order.
    // `rating_prompt` says only that a member was asked about the course that year, not
    // whether they answered or declined, so not even "the one who answered" stands out. The
    // survey likewise: counts per year, branch, question and choice; per member only whether
    // they answered or declined at login.
    //
    // Counts are fixed-width text ('000000003') and every row of a course's (or a branch's)
    // counts is written, at zero, on its first answer: a count then changes in place and
    // never moves within its page, so not even the bytes of the file keep the order in which
    // answers came (an integer changing width, or a row added later, would move).
    migrator.registerMigration("v8 ratings and needs survey", foreignKeyChecks: .immediate) { db in
      try db.execute(
        sql: """
          CREATE TABLE rating_prompt (
            member_id TEXT NOT NULL REFERENCES member(id),
            course_id TEXT NOT NULL,
            training_year INTEGER NOT NULL,
            PRIMARY KEY (member_id, course_id, training_year)
          ) WITHOUT ROWID;

          CREATE TABLE rating_course (
            course_id TEXT NOT NULL,
            training_year INTEGER NOT NULL,
            course_title TEXT NOT NULL,
            provider TEXT,
            instructor TEXT,
            ratings TEXT NOT NULL CHECK (length(ratings) = 9 AND ratings NOT GLOB '*[^0-9]*'),
            PRIMARY KEY (course_id, training_year)
          ) WITHOUT ROWID;

          CREATE TABLE rating_tally (
            course_id TEXT NOT NULL,
            training_year INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
            total TEXT NOT NULL CHECK (length(total) = 9 AND total NOT GLOB '*[^0-9]*'),
            PRIMARY KEY (course_id, training_year, question_id, value)
          ) WITHOUT ROWID;

          CREATE TABLE survey_status (
            member_id TEXT NOT NULL REFERENCES member(id),
            training_year INTEGER NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('declined', 'answered')),
            PRIMARY KEY (member_id, training_year)
          ) WITHOUT ROWID;

          CREATE TABLE survey_tally (
            training_year INTEGER NOT NULL,
            branch TEXT NOT NULL,
            question TEXT NOT NULL CHECK (question IN ('respondents', 'topic', 'form', 'season')),
            choice TEXT NOT NULL,
            total TEXT NOT NULL CHECK (length(total) = 9 AND total NOT GLOB '*[^0-9]*'),
            PRIMARY KEY (training_year, branch, question, choice)
          ) WITHOUT ROWID;
          """)
    }
    return migrator
  }()

  /// What a file holds, read before anything is written to it.
  enum Contents: Equatable {
    /// No table yet: a new database to set up.
    case empty
    /// Ours, at this schema version, with these migrations applied.
    case records(version: Int, migrations: Set<String>)
    /// Another application's database, with these tables.
    case foreign(tables: [String])
  }

  static func contents(_ db: Database) throws -> Contents {
    let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    let tables = try String.fetchAll(
      db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    if application != 0, application != applicationID { return .foreign(tables: tables) }
    let migrations =
      tables.contains("grdb_migrations")
      ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
    if application == applicationID || migrations.contains(firstMigration) {
      return .records(version: version, migrations: migrations)
    }
    // Another process setting up a new file: GRDB creates its table of migrations before the
    // first migration commits (eight sessions starting at once on a new file saw this).
    if tables.isEmpty || (tables == ["grdb_migrations"] && migrations.isEmpty) { return .empty }
    return .foreign(tables: tables)
  }

  /// Refuses what this program must not write to: another application's file, or one written
  /// by a newer program.
  static func check(_ contents: Contents, path: String) throws {
    switch contents {
    case .empty: return
    case .foreign(let tables): throw RecordsError.foreignDatabase(path: path, tables: tables)
    case .records(let fileVersion, let migrations):
      let unknown = migrations.subtracting(migrator.migrations)
      if fileVersion > version || !unknown.isEmpty {
        throw RecordsError.newerSchema(
          path: path, version: max(fileVersion, migrations.count), known: version,
          unknown: unknown.sorted())
      }
    }
  }

  /// Runs the migrations that are missing. Several processes may open a new file at once:
  /// GRDB reads the applied migrations before it runs each one in its own IMMEDIATE
  /// transaction, so a process can lose the race and fail on a table another one just created.
  /// That failed transaction rolled back; when the applied list grew meanwhile, try again.
  ///
  /// Then stamps the file with `applicationID` and `version` (only when they differ, so an
  /// open of an up-to-date file writes nothing).
  static func migrate(_ pool: DatabasePool, path: String) throws {
    try migrateMissing(pool, path: path)
    try pool.write { db in
      if try Int32.fetchOne(db, sql: "PRAGMA application_id") != applicationID {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      }
      if try Int.fetchOne(db, sql: "PRAGMA user_version") != version {
        try db.execute(sql: "PRAGMA user_version = \(version)")
      }
    }
  }

  private static func migrateMissing(_ pool: DatabasePool, path: String) throws {
    let known = Set(migrator.migrations)
    for _ in 0..<20 {
      // Checked again here: another process may have upgraded the file since it was opened.
      try check(try pool.read(contents), path: path)
      let before = try pool.read { try migrator.appliedIdentifiers($0) }
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
