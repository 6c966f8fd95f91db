import Foundation
import Testing

@testable import Catalog

/// Catalog format 1.1: lessons, quiz settings and questions, read and checked.
@Suite struct StudyFormatTests {
  static let onlineFile = """
    category = "ideals"

    [[course]]
    id = "online-hours"
    title = "学时制度"
    hours = 1
    kind = "elective"
    form = "online"
    summary = "学习学时制度。"

    [[course.lesson]]
    title = "学时制度"
    text = \"\"\"
    党员每年集中学习培训时间一般不少于32学时。
    \"\"\"

    [[course.lesson]]
    title = "考核"
    file = "lessons/assess.txt"

    [course.quiz]
    pass_percent = 60
    questions_per_attempt = 2
    attempts_per_day = 2

    [[course.question]]
    text = "党员每年集中学习培训时间一般不少于多少学时？"
    choices = ["16 学时", "32 学时", "56 学时"]
    answer = "B"
    explanation = "见第1页。"

    [[course.question]]
    text = "哪些是考核的做法？"
    choices = ["述学", "考学", "评学", "不考核"]
    answer = "abc"

    [[course.question]]
    text = "新党员应在入党后一年内参加一次集中培训。"
    answer = true

    """

  /// The test catalog with the online course and its lesson file (a byte-order mark and
  /// Windows line ends, as Notepad saves it).
  static func fixture() -> CatalogFixture {
    var fixture = CatalogFixture()
    fixture.files["courses/online.toml"] = onlineFile
    fixture.files["lessons/assess.txt"] = "\u{FEFF}完善述学、考学、评学制度。\r\n推行培训考勤、学时登记。\r\n"
    return fixture
  }

  @Test func lessonsQuizAndQuestionsAreRead() throws {
    let (result, _) = try Self.fixture().load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let course = try #require(result.catalog?.course(id: "online-hours"))
    #expect(course.lessons.map(\.title) == ["学时制度", "考核"])
    #expect(course.lessons[0].text == "党员每年集中学习培训时间一般不少于32学时。\n")
    #expect(course.lessons[0].file == nil)
    #expect(course.lessons[1].text == "完善述学、考学、评学制度。\n推行培训考勤、学时登记。\n")
    #expect(course.lessons[1].file == "lessons/assess.txt")
    let quiz = try #require(course.quiz)
    #expect(quiz.passPercent == 60)
    #expect(quiz.questionsPerAttempt == 2)
    #expect(quiz.attemptsPerDay == 2)
    #expect(quiz.questions.map(\.answer) == [.single(1), .all([0, 1, 2]), .trueFalse(true)])
    #expect(quiz.questions.map(\.kind) == [.single, .all, .trueFalse])
    #expect(quiz.questions[0].choices == ["16 学时", "32 学时", "56 学时"])
    #expect(quiz.questions[0].explanation == "见第1页。")
    #expect(quiz.questions[2].choices.isEmpty)
    #expect(quiz.questions[1].location.line == 32)
  }

  @Test func quizDefaultsWhenTheTableIsLeftOut() throws {
    var fixture = Self.fixture()
    fixture.replace(
      "[course.quiz]\npass_percent = 60\nquestions_per_attempt = 2\nattempts_per_day = 2\n",
      with: "", in: "courses/online.toml")
    let (result, _) = try fixture.load()
    let quiz = try #require(result.catalog?.course(id: "online-hours")?.quiz)
    #expect(quiz.passPercent == 80)
    #expect(quiz.questionsPerAttempt == 3)
    #expect(quiz.attemptsPerDay == 3)
  }

  /// Every v1 catalog stays valid: courses without the new tables have none of them.
  @Test func aVersion1CatalogHasNoLessonsOrQuizzes() throws {
    let (result, _) = try CatalogFixture().load()
    let catalog = try #require(result.catalog)
    #expect(catalog.courses.allSatisfy { $0.lessons.isEmpty && $0.quiz == nil })
  }

  struct Breakage: CustomTestStringConvertible, Sendable {
    var old: String
    var new: String
    var expected: [String]
    var testDescription: String { expected.joined(separator: ", ") }
  }

  static let breakages: [Breakage] = [
    // An answer letter outside the choices, or no letter at all.
    Breakage(
      old: "answer = \"B\"", new: "answer = \"D\"", expected: ["courses/online.toml:29:10 C013"]),
    Breakage(
      old: "answer = \"B\"", new: "answer = \"A,C\"",
      expected: ["courses/online.toml:29:10 C013"]),
    // A single answer written with several letters.
    Breakage(
      old: "answer = \"B\"", new: "answer = \"BB\"", expected: ["courses/online.toml:29:10 C014"]),
    // More questions per attempt than there are.
    Breakage(
      old: "questions_per_attempt = 2", new: "questions_per_attempt = 4",
      expected: ["courses/online.toml:23:25 C015"]),
    // Neither text nor file, and both.
    Breakage(
      old: "file = \"lessons/assess.txt\"", new: "", expected: ["courses/online.toml:17:1 C016"]),
    Breakage(
      old: "title = \"考核\"", new: "title = \"考核\"\ntext = \"考学\"",
      expected: ["courses/online.toml:20:8 C016"]),
    // A lesson file that is missing, or outside the catalog.
    Breakage(
      old: "lessons/assess.txt", new: "lessons/assess.text",
      expected: ["courses/online.toml:19:8 C017"]),
    Breakage(
      old: "lessons/assess.txt", new: "../lessons/assess.txt",
      expected: ["courses/online.toml:19:8 C017"]),
    Breakage(
      old: "lessons/assess.txt", new: "/etc/passwd", expected: ["courses/online.toml:19:8 C017"]),
    // pass_percent outside 1-100, and other settings that must be positive.
    Breakage(
      old: "pass_percent = 60", new: "pass_percent = 0",
      expected: ["courses/online.toml:22:16 C011"]),
    Breakage(
      old: "pass_percent = 60", new: "pass_percent = 101",
      expected: ["courses/online.toml:22:16 C011"]),
    Breakage(
      old: "attempts_per_day = 2", new: "attempts_per_day = 0",
      expected: ["courses/online.toml:24:20 C011"]),
    // Questions but no lesson.
    Breakage(
      old:
        "[[course.lesson]]\ntitle = \"学时制度\"\ntext = \"\"\"\n党员每年集中学习培训时间一般不少于32学时。\n\"\"\"\n\n[[course.lesson]]\ntitle = \"考核\"\nfile = \"lessons/assess.txt\"\n",
      new: "", expected: ["courses/online.toml:3:1 C018"]),
    // A test on a course that is not online: a warning.
    Breakage(
      old: "form = \"online\"", new: "form = \"remote\"",
      expected: ["courses/online.toml:8:8 W007"]),
    // Choices: too few, too many, repeated; a true/false answer with choices; a letter answer
    // without choices.
    Breakage(
      old: "choices = [\"16 学时\", \"32 学时\", \"56 学时\"]", new: "choices = [\"32 学时\"]",
      expected: ["courses/online.toml:28:11 C011"]),
    Breakage(
      old: "choices = [\"16 学时\", \"32 学时\", \"56 学时\"]",
      new: "choices = [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\"]",
      expected: ["courses/online.toml:28:11 C011"]),
    Breakage(
      old: "choices = [\"16 学时\", \"32 学时\", \"56 学时\"]",
      new: "choices = [\"16 学时\", \"32 学时\", \"32 学时\"]",
      expected: ["courses/online.toml:28:30 C011"]),
    Breakage(
      old: "answer = true", new: "choices = [\"对\", \"错\"]\nanswer = true",
      expected: ["courses/online.toml:40:10 C011"]),
    Breakage(
      old: "answer = \"abc\"", new: "answer = 3", expected: ["courses/online.toml:35:10 C003"]),
    Breakage(
      old: "choices = [\"述学\", \"考学\", \"评学\", \"不考核\"]\n", new: "",
      expected: ["courses/online.toml:32:1 C001"]),
    Breakage(
      old: "answer = true", new: "", expected: ["courses/online.toml:37:1 C001"]),
    // A true/false answer in quotes (review 1, finding 9): at the answer, not as a missing
    // `choices` at the header; a letter answer without choices still misses them.
    Breakage(
      old: "answer = true", new: "answer = \"对\"", expected: ["courses/online.toml:39:10 C020"]),
    Breakage(
      old: "answer = true", new: "answer = \"false\"",
      expected: ["courses/online.toml:39:10 C020"]),
    Breakage(
      old: "answer = true", new: "answer = \"B\"", expected: ["courses/online.toml:37:1 C001"]),
    // A key under the wrong header names the table it belongs to.
    Breakage(
      old: "summary = \"学习学时制度。\"", new: "summary = \"学习学时制度。\"\npass_percent = 60",
      expected: ["courses/online.toml:10:1 C002"]),
  ]

  @Test(arguments: breakages)
  func eachBreakageGivesItsCodeAtItsPlace(_ breakage: Breakage) throws {
    var fixture = Self.fixture()
    fixture.replace(breakage.old, with: breakage.new, in: "courses/online.toml")
    #expect(try fixture.diagnostics() == breakage.expected)
  }

  /// The quoted answer's message says what to write instead, with the truth it meant.
  @Test func aQuotedTrueFalseAnswerSaysToWriteItUnquoted() throws {
    for (written, truth) in [("对", "true"), ("TRUE", "true"), ("错误", "false"), ("×", "false")] {
      var fixture = Self.fixture()
      fixture.replace("answer = true", with: "answer = \"\(written)\"", in: "courses/online.toml")
      let (result, _) = try fixture.load()
      #expect(
        result.diagnostics.map { "\($0.code) \($0.problem.message)" } == [
          "C020 判断题的答案 \"\(written)\" 加了引号：判断题的答案写 true（对）或 false（错），不加引号，这里应写 answer = \(truth)"
        ])
    }
  }

  /// Two questions of a course that read the same (review 1, finding 9: two true/false
  /// copies with opposite answers passed and shared one fingerprint): an error at the second,
  /// naming the first. The same text with other choices is another question.
  @Test func aQuestionWrittenTwiceInACourseIsAnError() throws {
    var fixture = Self.fixture()
    let copy = "\n[[course.question]]\ntext = \"新党员应在入党后一年内参加一次集中培训。\"\nanswer = false\n"
    fixture.files["courses/online.toml"]! += copy
    let (result, directory) = try fixture.load()
    #expect(
      result.diagnostics.map {
        "\($0.location.line):\($0.location.column) \($0.code) "
          + $0.problem.message.replacingOccurrences(of: directory + "/", with: "")
      } == [
        "41:1 C021 这道试题与同一课程中 courses/online.toml:37:1 的试题一字不差（题目文字相同，选择题的选项也相同）：党员分不清两道题，测验统计也会把它们算作一道题；请删去一道，或改写题目"
      ])
    #expect(result.diagnostics.first?.severity == .error)
    // Same text, other choices: a common stem such as 下列说法正确的是, no diagnostic.
    var stems = Self.fixture()
    stems.files["courses/online.toml"]! +=
      "\n[[course.question]]\ntext = \"哪些是考核的做法？\"\nchoices = [\"述学\", \"评学\"]\nanswer = \"AB\"\n"
    #expect(try stems.diagnostics() == [])
  }

  @Test func aQuizTableWithoutQuestions() throws {
    var fixture = Self.fixture()
    let file = try #require(fixture.files["courses/online.toml"])
    fixture.files["courses/online.toml"] =
      String(
        file[..<file.range(of: "\n[[course.question]]")!.lowerBound]) + "\n"
    #expect(try fixture.diagnostics() == ["courses/online.toml:21:1 C015"])
  }

  /// A lesson file that is not UTF-8, is UTF-16, or holds only spaces: each said so, at the
  /// `file` value in the course file.
  @Test func lessonFileProblemsAreNamed() throws {
    let cases: [([UInt8], String)] = [
      ([0xCE, 0xC2, 0xCA, 0xD2], "GBK"),
      ([0xFF, 0xFE, 0x29, 0x6E], "UTF-16"),
      (Array(" \n\u{3000}\n".utf8), "是空的"),
    ]
    for (bytes, words) in cases {
      let (_, directory) = try Self.fixture().load()
      try Data(bytes).write(to: URL(fileURLWithPath: directory + "/lessons/assess.txt"))
      let result = CatalogLoader(directory: directory).load()
      let diagnostic = try #require(result.diagnostics.first)
      #expect(result.diagnostics.count == 1)
      #expect(diagnostic.code == "C017")
      #expect(diagnostic.location.line == 19 && diagnostic.location.column == 8)
      #expect(diagnostic.description.contains("lessons/assess.txt"))
      #expect(diagnostic.description.contains(words), "\(diagnostic)")
    }
  }

  /// A lesson file is read like a catalog file: a directory in its place is refused.
  @Test func aDirectoryIsNoLessonFile() throws {
    let (_, directory) = try Self.fixture().load()
    try FileManager.default.removeItem(atPath: directory + "/lessons/assess.txt")
    try FileManager.default.createDirectory(
      atPath: directory + "/lessons/assess.txt", withIntermediateDirectories: false)
    let result = CatalogLoader(directory: directory).load()
    #expect(result.diagnostics.map(\.code) == ["C017"])
    #expect(result.diagnostics.first?.description.contains(LoaderText.isDirectory) == true)
  }

  /// A lesson file that is a link out of the catalog folder, or lies in a linked folder
  /// outside it (review 1, finding 6: its target was shown to members): C017 at the `file`
  /// value, never read. A link that stays inside is fine, and so is a catalog folder reached
  /// through a link (the last good copy is one).
  @Test func aLessonFileLinkedOutOfTheCatalogIsRefused() throws {
    let manager = FileManager.default
    let (_, directory) = try Self.fixture().load()
    let outside = directory + "-outside"
    defer {
      try? manager.removeItem(atPath: directory)
      try? manager.removeItem(atPath: outside)
    }
    try manager.createDirectory(atPath: outside, withIntermediateDirectories: true)
    try Data("服务器上的任何文件".utf8).write(to: URL(fileURLWithPath: outside + "/secret.txt"))
    let lesson = directory + "/lessons/assess.txt"
    func diagnostics() -> [String] {
      CatalogLoader(directory: directory).load().diagnostics.map {
        "\($0.location.line):\($0.location.column) \($0.code) \($0.problem.message)"
      }
    }
    let refused = [
      "19:8 C017 课件文件 lessons/assess.txt 是链接，指向目录文件夹之外：课件文件必须真正放在目录文件夹中，请把文件本身复制进来，不要用链接"
    ]
    try manager.removeItem(atPath: lesson)
    try manager.createSymbolicLink(atPath: lesson, withDestinationPath: outside + "/secret.txt")
    #expect(diagnostics() == refused)
    try manager.removeItem(atPath: lesson)
    try manager.createSymbolicLink(
      atPath: lesson,
      withDestinationPath: "../../" + (outside as NSString).lastPathComponent + "/secret.txt")
    #expect(diagnostics() == refused)
    // The folder is the link.
    try manager.removeItem(atPath: directory + "/lessons")
    try manager.createSymbolicLink(atPath: directory + "/lessons", withDestinationPath: outside)
    try manager.moveItem(atPath: outside + "/secret.txt", toPath: outside + "/assess.txt")
    #expect(diagnostics() == refused)
    // Inside the catalog folder, a link is only another name.
    try manager.removeItem(atPath: directory + "/lessons")
    try manager.createDirectory(atPath: directory + "/lessons", withIntermediateDirectories: false)
    try manager.createDirectory(atPath: directory + "/shared", withIntermediateDirectories: false)
    try Data("完善述学、考学、评学制度。".utf8).write(to: URL(fileURLWithPath: directory + "/shared/a.txt"))
    try manager.createSymbolicLink(atPath: lesson, withDestinationPath: "../shared/a.txt")
    #expect(diagnostics().isEmpty)
    // And the catalog folder may be reached through a link.
    let linked = directory + "-link"
    try manager.createSymbolicLink(atPath: linked, withDestinationPath: directory)
    defer { try? manager.removeItem(atPath: linked) }
    let result = CatalogLoader(directory: linked).load()
    #expect(result.diagnostics.isEmpty)
    #expect(result.catalog?.course(id: "online-hours")?.lessons.last?.text == "完善述学、考学、评学制度。")
  }

  @Test func messagesSayWhatToWrite() throws {
    var fixture = Self.fixture()
    fixture.replace("answer = \"B\"", with: "answer = \"E\"", in: "courses/online.toml")
    let (result, _) = try fixture.load()
    let message = try #require(result.diagnostics.first).problem.message
    #expect(message.contains("这道题有 3 个选项，答案只能写 A-C 中的字母"))
  }

  /// The last good catalog holds the lesson files too, so the copy loads on its own.
  @Test func theLastGoodCatalogKeepsTheLessonFiles() throws {
    let (_, directory) = try Self.fixture().load()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var loader = CatalogLoader(directory: directory)
    loader.keepsSources = true
    let good = loader.load()
    #expect(good.sources.map(\.name).contains("lessons/assess.txt"))
    let lastGood = LastGoodCatalog(
      recordsPath: directory + "/records/records.sqlite", catalogDirectory: directory,
      rulesPath: nil)
    try lastGood.save(good, today: day("2026-03-01"))
    let served = try #require(lastGood.load())
    #expect(
      served.catalog.course(id: "online-hours")?.lessons.last?.text
        == "完善述学、考学、评学制度。\n推行培训考勤、学时登记。\n")
  }
}
