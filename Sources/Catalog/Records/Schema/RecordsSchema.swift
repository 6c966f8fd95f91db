/// The versioned schema, described once (`SchemaStep`) and written as each engine's SQL by
/// `SchemaDDL`. Migrations are append-only: never edit one that has shipped.
///
/// The program owns a version number: the count of migrations it knows. SQLite keeps it in the
/// file's `PRAGMA user_version` (and `application_id` says the file is ours), with GRDB's
/// `grdb_migrations` table naming the migrations applied; PostgreSQL keeps the names in
/// `course_menu_migrations`. A database at a higher version, or with a migration this program
/// does not know, was written by a newer program and is refused before anything is written.
/// Appending a migration below raises `version` by itself: nothing else needs editing.
public enum RecordsSchema {
  /// `PRAGMA application_id` of a records database: "CMRD" (course-menu records).
  static let applicationID: Int32 = 0x434D_5244

  /// The schema version this program writes and understands.
  public static var version: Int { migrations.count }

  /// The first migration: a file that has it is ours even from before `application_id`.
  static let firstMigration = "v1 members, selections, credits"

  /// A date column `YYYY-MM-DD`.
  private static func date(_ name: String) -> SchemaColumn {
    SchemaColumn(name, .text, check: .isoDate(column: name))
  }

  private static func text(_ name: String, nullable: Bool = false) -> SchemaColumn {
    SchemaColumn(name, .text, nullable: nullable)
  }

  private static func integer(_ name: String, nullable: Bool = false, check: String? = nil)
    -> SchemaColumn
  {
    SchemaColumn(name, .integer, nullable: nullable, check: check.map(SchemaCheck.sql))
  }

  /// A count of the feedback tables: nine digits ('000000003'), never changing width.
  private static func count(_ name: String) -> SchemaColumn {
    SchemaColumn(
      name, .text,
      check: .all([
        .sql("length(\(name)) = 9"), .onlyCharacters(column: name, characterClass: "0-9"),
      ]))
  }

  /// A member number: digits only, at most 20 (administrators' numbers too).
  private static let numberCheck = SchemaCheck.all([
    .sql("length(id) BETWEEN 1 AND 20"), .onlyCharacters(column: "id", characterClass: "0-9"),
  ])

  /// `records_meta`: the database's identity (see `SchemaStep.createIdentity`).
  static let metaTable = SchemaTable(
    "records_meta", columns: [text("key"), text("value")], primaryKey: ["key"],
    withoutRowID: true)

  /// Tables whose rows have a database-given id; a copy names where such a row came from in
  /// its `origin` column (`records copy`).
  public static let originTables = ["audit", "quiz_attempt", "session", "showing"]

  public static let migrations: [SchemaMigration] = [
    SchemaMigration(
      firstMigration,
      [
        .createTable(
          SchemaTable(
            "member",
            columns: [
              SchemaColumn("id", .text, check: numberCheck),
              text("name"), text("branch"), text("domain"), text("role"), text("joined"),
              SchemaColumn("floating", .integer, default: "0", check: .sql("floating IN (0, 1)")),
              SchemaColumn("pin_key", .blob, nullable: true),
              SchemaColumn("pin_salt", .blob, nullable: true),
              integer("pin_rounds", nullable: true),
              SchemaColumn("failed_attempts", .integer, default: "0"),
              SchemaColumn("locked_until", .real, nullable: true),
              text("created_at"), text("updated_at"),
            ], primaryKey: ["id"])),
        .createIndex(SchemaIndex("member_by_branch", on: "member", ["branch", "id"])),
        .createTable(
          SchemaTable(
            "selection",
            columns: [
              SchemaColumn("member_id", .text, references: "member(id)"), text("course_id"),
              text("selected_at"),
            ], primaryKey: ["member_id", "course_id"], withoutRowID: true)),
        .createTable(
          SchemaTable(
            "credit",
            columns: [
              SchemaColumn("id", .identity),
              SchemaColumn("member_id", .text, references: "member(id)"),
              text("course_id"), text("course_title"), text("category_id"), date("date"),
              integer("half_hours", check: "half_hours > 0"), text("form"), text("source"),
              text("recorded_at"), text("recorded_by", nullable: true),
            ], uniques: [["member_id", "course_id", "date"]])),
        .createIndex(SchemaIndex("credit_by_course_date", on: "credit", ["course_id", "date"])),
      ]),
    // The reason kept with a make-up (补学) credit, and the audit trail: one row per action
    // worth answering for later (a credit removed, a make-up credited; later a sign-in closed
    // or cancelled …). `detail` is a JSON object with the content of what changed, so a
    // removed credit can be read back in full.
    SchemaMigration(
      "v2 credit reason, audit trail",
      [
        .addColumn(table: "credit", text("reason", nullable: true)),
        .createTable(
          SchemaTable(
            "audit",
            columns: [
              SchemaColumn("id", .identity), text("at"), text("actor", nullable: true),
              SchemaColumn("action", .text, check: .sql("length(action) > 0")),
              SchemaColumn("member_id", .text, nullable: true, references: "member(id)"),
              text("reason", nullable: true), SchemaColumn("detail", .text, default: "'{}'"),
            ])),
        .createIndex(SchemaIndex("audit_by_time", on: "audit", ["at"])),
        .createIndex(SchemaIndex("audit_by_member", on: "audit", ["member_id", "at"])),
      ]),
    // Wrong PINs are counted per typed number, whether or not a member has it, so the answers
    // and their timing never tell a stranger which numbers exist (see `LoginThrottle`). The
    // member's failed_attempts and locked_until columns are unused from here on.
    SchemaMigration(
      "v3 login throttle",
      [
        .createTable(
          SchemaTable(
            "login_throttle",
            columns: [
              text("number"), integer("failures", check: "failures > 0"),
              SchemaColumn("last_failure", .real),
              SchemaColumn("next_attempt", .real, nullable: true),
            ], primaryKey: ["number"], withoutRowID: true))
      ]),
    // Self-study that earns hours (format 1.1): the lesson page each member reached, and
    // every quiz attempt with its draw (question index and fingerprint, choice order), its
    // answers and its outcome. An attempt is inserted as 'open' when it starts, so it counts
    // toward the day's limit even if the session dies; leaving marks it 'abandoned'.
    // `quiz_question` keeps the text of every question ever drawn, by fingerprint, so the item
    // analysis can name a question a curator has since reworded or removed. quiz_answer has
    // no index but its key: its rows go in at the end, so starting an attempt touches few
    // pages (an index by fingerprint made each start rewrite most of it).
    SchemaMigration(
      "v4 lesson progress, quiz attempts",
      [
        .createTable(
          SchemaTable(
            "lesson_progress",
            columns: [
              SchemaColumn("member_id", .text, references: "member(id)"), text("course_id"),
              integer("page_index", check: "page_index >= 0"),
              integer("page_count", check: "page_count > page_index"), text("updated_at"),
            ], primaryKey: ["member_id", "course_id"], withoutRowID: true)),
        .createTable(
          SchemaTable(
            "quiz_attempt",
            columns: [
              SchemaColumn("id", .identity),
              SchemaColumn("member_id", .text, references: "member(id)"),
              text("course_id"), text("course_title"), integer("training_year"), date("day"),
              SchemaColumn(
                "state", .text, check: .sql("state IN ('open', 'finished', 'abandoned')")),
              integer("question_count", check: "question_count > 0"),
              integer("pass_percent", check: "pass_percent BETWEEN 1 AND 100"),
              integer("correct_count", nullable: true),
              integer("score", nullable: true, check: "score BETWEEN 0 AND 100"),
              integer("passed", nullable: true, check: "passed IN (0, 1)"),
              SchemaColumn("credit_id", .integer, nullable: true, references: "credit(id)"),
              text("started_at"), text("ended_at", nullable: true),
            ],
            checks: [.sql("(state = 'finished') = (score IS NOT NULL AND passed IS NOT NULL)")])),
        .createIndex(
          SchemaIndex(
            "quiz_attempt_by_member_day", on: "quiz_attempt", ["member_id", "course_id", "day"])),
        .createIndex(
          SchemaIndex(
            "quiz_attempt_by_course_year", on: "quiz_attempt", ["course_id", "training_year"])),
        .createTable(
          SchemaTable(
            "quiz_answer",
            columns: [
              SchemaColumn("attempt_id", .integer, references: "quiz_attempt(id)"),
              integer("position", check: "position >= 0"),
              integer("question_index", check: "question_index >= 0"), text("fingerprint"),
              text("choice_order"), text("response", nullable: true),
              integer("correct", nullable: true, check: "correct IN (0, 1)"),
            ], primaryKey: ["attempt_id", "position"], withoutRowID: true)),
        .createTable(
          SchemaTable(
            "quiz_question", columns: [text("course_id"), text("fingerprint"), text("text")],
            primaryKey: ["course_id", "fingerprint"], withoutRowID: true)),
      ]),
    // Self-study over SSH: members' public keys (`members add-key`, looked up by
    // `ssh authorized-keys`), and one row per session, which is both the table of who is
    // connected now (`ended_at IS NULL`: one live session per member) and the session audit
    // (how someone came in, from where, and how it ended). A row names its process by host,
    // boot and start time, so a row left by a killed process is told from a live one.
    SchemaMigration(
      "v5 ssh keys and sessions",
      [
        .createTable(
          SchemaTable(
            "member_key",
            columns: [
              text("fingerprint"), SchemaColumn("member_id", .text, references: "member(id)"),
              text("type"), text("key"), SchemaColumn("comment", .text, default: "''"),
              text("added_at"), text("added_by", nullable: true),
            ], primaryKey: ["fingerprint"], withoutRowID: true)),
        .createIndex(SchemaIndex("member_key_by_member", on: "member_key", ["member_id"])),
        .createTable(
          SchemaTable(
            "session",
            columns: [
              SchemaColumn("id", .identity),
              SchemaColumn("member_id", .text, nullable: true, references: "member(id)"),
              text("via"), text("key_fingerprint", nullable: true),
              text("client", nullable: true), text("command", nullable: true), text("host"),
              text("boot_id"), integer("pid"), integer("pid_start"), text("started_at"),
              text("ended_at", nullable: true), text("end_reason", nullable: true),
              SchemaColumn(
                "replaced_by", .integer, nullable: true, references: "session(id)"),
            ])),
        .createIndex(
          SchemaIndex("session_live", on: "session", ["member_id"], where: "ended_at IS NULL")),
        .createIndex(SchemaIndex("session_by_start", on: "session", ["started_at"])),
        .createIndex(
          SchemaIndex("session_by_member", on: "session", ["member_id", "started_at"])),
      ]),
    // The station's side: stations (远程教育站点), administrators (their own accounts, PINs
    // hashed as members' are), sign-ins at group sessions (each one a showing in the station's
    // log, with who signed in) and sign-ups for a session's seats. The invariants live here:
    // one open sign-in per station (a partial unique index), one sign-in per member and
    // showing, one sign-up per member and session; capacity is checked inside the sign-up's
    // transaction, as it comes from the catalog.
    SchemaMigration(
      "v6 stations, administrators, sign-ins, sign-ups",
      [
        .createTable(
          SchemaTable(
            "station",
            columns: [
              SchemaColumn(
                "id", .text,
                check: .all([
                  .sql("length(id) BETWEEN 1 AND 32"),
                  .onlyCharacters(column: "id", characterClass: "A-Za-z0-9_-"),
                ])),
              SchemaColumn("name", .text, check: .sql("length(name) > 0")),
              text("place", nullable: true), text("created_at"), text("updated_at"),
            ], primaryKey: ["id"])),
        .createTable(
          SchemaTable(
            "administrator",
            columns: [
              SchemaColumn("id", .text, check: numberCheck),
              SchemaColumn("name", .text, check: .sql("length(name) > 0")),
              SchemaColumn("station_id", .text, nullable: true, references: "station(id)"),
              SchemaColumn("pin_key", .blob, nullable: true),
              SchemaColumn("pin_salt", .blob, nullable: true),
              integer("pin_rounds", nullable: true), text("created_at"), text("updated_at"),
            ], primaryKey: ["id"])),
        .createTable(
          SchemaTable(
            "showing",
            columns: [
              SchemaColumn("id", .identity),
              SchemaColumn("station_id", .text, references: "station(id)"),
              text("course_id"), text("course_title"),
              integer("half_hours", check: "half_hours > 0"), date("date"),
              SchemaColumn("kind", .text, check: .sql("kind IN ('session', 'broadcast')")),
              text("place", nullable: true),
              SchemaColumn(
                "state", .text, check: .sql("state IN ('open', 'closed', 'cancelled')")),
              text("opened_at"), text("opened_by"), text("closed_at", nullable: true),
              text("closed_by", nullable: true),
            ], checks: [.sql("(state = 'open') = (closed_at IS NULL)")])),
        .createIndex(
          SchemaIndex(
            "showing_open_per_station", on: "showing", ["station_id"], unique: true,
            where: "state = 'open'")),
        .createIndex(SchemaIndex("showing_by_date", on: "showing", ["date", "station_id"])),
        .createTable(
          SchemaTable(
            "attendance",
            columns: [
              SchemaColumn("showing_id", .integer, references: "showing(id)"),
              SchemaColumn("member_id", .text, references: "member(id)"),
              text("signed_at"), text("removed_at", nullable: true),
              text("removed_by", nullable: true), text("removal_reason", nullable: true),
            ], primaryKey: ["showing_id", "member_id"],
            checks: [.sql("(removed_at IS NULL) = (removal_reason IS NULL)")],
            withoutRowID: true)),
        .createIndex(SchemaIndex("attendance_by_member", on: "attendance", ["member_id"])),
        .createTable(
          SchemaTable(
            "signup",
            columns: [
              text("course_id"), date("date"), text("place"),
              SchemaColumn("member_id", .text, references: "member(id)"), text("signed_up_at"),
            ], primaryKey: ["course_id", "date", "place", "member_id"], withoutRowID: true)),
        .createIndex(SchemaIndex("signup_by_member", on: "signup", ["member_id", "date"])),
      ]),
    // A credit a passed attempt earned and an administrator took back (`credit --undo`): the
    // attempt keeps its score and pass, loses its link to the removed credit, and says when
    // the credit was withdrawn. Its pass no longer holds the year's credit.
    SchemaMigration(
      "v7 quiz credit withdrawn",
      [.addColumn(table: "quiz_attempt", text("credit_withdrawn_at", nullable: true))]),
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
    SchemaMigration(
      "v8 ratings and needs survey",
      [
        .createTable(
          SchemaTable(
            "rating_prompt",
            columns: [
              SchemaColumn("member_id", .text, references: "member(id)"), text("course_id"),
              integer("training_year"),
            ], primaryKey: ["member_id", "course_id", "training_year"], withoutRowID: true)),
        .createTable(
          SchemaTable(
            "rating_course",
            columns: [
              text("course_id"), integer("training_year"), text("course_title"),
              text("provider", nullable: true), text("instructor", nullable: true),
              count("ratings"),
            ], primaryKey: ["course_id", "training_year"], withoutRowID: true)),
        .createTable(
          SchemaTable(
            "rating_tally",
            columns: [
              text("course_id"), integer("training_year"), text("question_id"),
              integer("value", check: "value BETWEEN 1 AND 5"), count("total"),
            ], primaryKey: ["course_id", "training_year", "question_id", "value"],
            withoutRowID: true)),
        .createTable(
          SchemaTable(
            "survey_status",
            columns: [
              SchemaColumn("member_id", .text, references: "member(id)"),
              integer("training_year"),
              SchemaColumn("state", .text, check: .sql("state IN ('declined', 'answered')")),
            ], primaryKey: ["member_id", "training_year"], withoutRowID: true)),
        .createTable(
          SchemaTable(
            "survey_tally",
            columns: [
              integer("training_year"), text("branch"),
              SchemaColumn(
                "question", .text,
                check: .sql("question IN ('respondents', 'topic', 'form', 'season')")),
              text("choice"), count("total"),
            ], primaryKey: ["training_year", "branch", "question", "choice"],
            withoutRowID: true)),
      ]),
    // Records copied from another database (`records copy`, a station moving to the county's
    // PostgreSQL): every database gets a random identity, and a copied row whose id the
    // database gives keeps where it came from (`identity/table/id`) in `origin`, unique, so
    // copying again finds it and never doubles it.
    SchemaMigration(
      "v9 database identity, origins of copied rows",
      [.createIdentity]
        + originTables.flatMap { table -> [SchemaStep] in
          [
            .addColumn(table: table, text("origin", nullable: true)),
            .createIndex(
              SchemaIndex(
                "\(table)_origin", on: table, ["origin"], unique: true,
                where: "origin IS NOT NULL")),
          ]
        }),
  ]

  /// What a database holds, read before anything is written to it.
  public enum Contents: Equatable, Sendable {
    /// No table yet: a new database to set up.
    case empty
    /// Ours, at this schema version, with these migrations applied.
    case records(version: Int, migrations: Set<String>)
    /// Another application's database, with these tables.
    case foreign(tables: [String])
  }

  /// Refuses what this program must not write to: another application's file, or one written
  /// by a newer program.
  public static func check(_ contents: Contents, location path: String) throws {
    switch contents {
    case .empty: return
    case .foreign(let tables): throw RecordsError.foreignDatabase(path: path, tables: tables)
    case .records(let fileVersion, let migrations):
      let unknown = migrations.subtracting(self.migrations.map(\.identifier))
      if fileVersion > version || !unknown.isEmpty {
        throw RecordsError.newerSchema(
          path: path, version: max(fileVersion, migrations.count), known: version,
          unknown: unknown.sorted())
      }
    }
  }
}

extension RecordsSchema {
  /// The columns of `table` as the migrations leave it, in order.
  public static func columns(of table: String) -> [SchemaColumn] {
    var columns: [SchemaColumn] = []
    for migration in migrations {
      for step in migration.steps {
        switch step {
        case .createTable(let created) where created.name == table: columns = created.columns
        case .addColumn(table, let column): columns.append(column)
        default: continue
        }
      }
    }
    return columns
  }
}
