import Catalog

@testable import tui

/// An online course with lessons and a test, added to the member screens' catalog, and an
/// attempt at it with a known draw.
enum StudyFixtures {
  static let here = Fixtures.here
  static let courseID = "online-hours"

  static let lessons = [
    Lesson(
      title: "学时制度",
      text: """
        《2014-2018年全国党员教育培训工作规划》“四、主要措施”第（四）条原文（节选）：“建立党员教育培训学时制度。党员每年集中学习培训时间，根据实际情况确定，一般不少于32学时。”

        记住：普通党员一般不少于32学时。

        规划所列的学习方式有集中教育、脱产培训、集体学习、网络培训、自主选学、个人自学等，网络培训通过测验后登记学时。

        这一页讲的是普通党员；基层党组织书记和班子成员的要求在下一页。
        """, location: here),
    Lesson(
      title: "书记和班子成员",
      text: "基层党组织书记和班子成员每年集中学习培训时间不少于56学时，至少参加1次集中培训。",
      location: here),
    Lesson(title: "考学", text: "完善述学、考学、评学制度，推行培训考勤、学时登记。", location: here),
  ]

  static let questions = [
    Question(
      text: "按照规划，党员每年集中学习培训时间一般不少于多少学时？",
      choices: ["16 学时", "32 学时", "56 学时", "根据实际情况确定，没有下限"], answer: .single(1),
      explanation: "见第1页：一般不少于32学时。", location: here),
    Question(
      text: "规划要求完善哪些制度？", choices: ["述学制度", "考学制度", "评学制度", "年终评比制度"],
      answer: .all([0, 1, 2]), explanation: "见第3页：完善述学、考学、评学制度。", location: here),
    Question(
      text: "基层党组织书记和班子成员每年至少参加1次集中培训。", answer: .trueFalse(true),
      explanation: "见第2页。", location: here),
    Question(
      text: "班子成员每年不少于多少学时？", choices: ["32 学时", "56 学时"], answer: .single(1),
      location: here),
  ]

  static let quiz = Quiz(
    questions: questions, passPercent: 80, questionsPerAttempt: 3, attemptsPerDay: 3)

  static let course = Course(
    id: courseID, title: "党员教育培训学时制度", categoryID: "ideals", hours: StudyHours(2),
    kind: .elective, form: .online, summary: "学习规划中的学时制度，学完参加测验。", lessons: lessons,
    quiz: quiz, location: here)

  /// The member screens' catalog with the online course last in 理想信念.
  static let catalog: Catalog = {
    let base = MemberFixtures.catalog
    return Catalog(
      title: base.title, issuer: base.issuer, year: base.year, categories: base.categories,
      courses: base.courses + [course], rules: base.rules)
  }()

  /// The draw of the attempt in these tests: the single-choice question with its choices
  /// shuffled, the choose-all one, the true/false one.
  static let draw = QuizDraw(questions: [
    DrawnQuestion(
      questionIndex: 0, fingerprint: questions[0].fingerprint, choiceOrder: [2, 0, 3, 1]),
    DrawnQuestion(
      questionIndex: 1, fingerprint: questions[1].fingerprint, choiceOrder: [3, 2, 1, 0]),
    DrawnQuestion(questionIndex: 2, fingerprint: questions[2].fingerprint, choiceOrder: []),
  ])

  static let ticket = QuizTicket(
    attemptID: 41, courseID: courseID, draw: draw, number: 1, limit: 3)

  /// Logged in as the member screens' member, on the main menu.
  static func loggedIn(_ records: MemberRecords = MemberFixtures.records, idleTimeout: Int = 0)
    -> AppState
  {
    MemberFixtures.loggedIn(records, catalog: catalog, idleTimeout: idleTimeout)
  }

  /// The course's detail open over the main menu.
  static func detail(_ state: AppState) -> AppState {
    var state = state
    state.push(.courseDetail(CourseDetailScreen(courseID: courseID)))
    return state
  }

  /// Logged in, the test's rules screen open and the attempt asked for and started.
  static func inQuiz(idleTimeout: Int = 0) -> AppState {
    var state = detail(loggedIn(idleTimeout: idleTimeout)).pressing("3").state
    state = state.answering(.loaded(MemberFixtures.records))
    state = state.pressing("1").state
    return state.answering(.quizStarted(ticket, MemberFixtures.records))
  }
}
