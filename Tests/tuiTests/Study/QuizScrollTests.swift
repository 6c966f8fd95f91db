import Catalog
import Testing

@testable import tui

/// A question longer than the screen (review 1, finding 7: at 60x16 a case question opened
/// scrolled past its label and first lines, with no key to reach them and no sign of the
/// choices below): it opens at its top, scrolls as a whole by the usual keys, and says there
/// is more above or below.
@Suite struct QuizScrollTests {
  static let courseID = "case-q"
  static let text =
    "案例：某村党支部书记在组织冬训时，" + String(repeating: "考虑到党员外出务工较多，", count: 20) + "请问下列做法中哪一项符合要求？"

  static let question = Question(
    text: text,
    choices: ["按规定组织集中培训，并为外出党员安排补学", "不组织培训", "只发材料不组织学习", "让党员自行决定是否参加"],
    answer: .single(0), location: Fixtures.here)

  /// The second question: as long, so it must open at its top too.
  static let second = Question(
    text: "第二个" + text, choices: ["对的做法", "错的做法"], answer: .single(0),
    location: Fixtures.here)

  static let catalog: Catalog = {
    let base = StudyFixtures.catalog
    let course = Course(
      id: courseID, title: "案例题", categoryID: "ideals", hours: StudyHours(1), kind: .elective,
      form: .online, summary: "案例",
      lessons: [Lesson(title: "页", text: "内容", location: Fixtures.here)],
      quiz: Quiz(
        questions: [question, second], passPercent: 80, questionsPerAttempt: 2,
        attemptsPerDay: 3),
      location: Fixtures.here)
    return Catalog(
      title: base.title, issuer: base.issuer, year: base.year, categories: base.categories,
      courses: base.courses + [course], rules: base.rules)
  }()

  static let ticket = QuizTicket(
    attemptID: 7, courseID: courseID,
    draw: QuizDraw(questions: [
      DrawnQuestion(
        questionIndex: 0, fingerprint: question.fingerprint, choiceOrder: [0, 1, 2, 3]),
      DrawnQuestion(questionIndex: 1, fingerprint: second.fingerprint, choiceOrder: [1, 0]),
    ]), number: 1, limit: 3)

  /// The question open at 60x16 (or another size).
  static func opened(width: Int = 60, height: Int = 16) -> AppState {
    var state = MemberFixtures.loggedIn(catalog: catalog)
    state.push(.courseDetail(CourseDetailScreen(courseID: courseID)))
    state = state.pressing("3").state.answering(.loaded(MemberFixtures.records))
    state = state.pressing("1").state.answering(.quizStarted(ticket, MemberFixtures.records))
    state.size = Size(width: width, height: height)
    return state
  }

  /// The lines of the question's body on screen (rows 4-14 at 60x16), trimmed.
  static func body(_ state: AppState) -> [String] {
    Array(render(state).trimmedLines[3..<(state.size.height - 2)])
  }

  /// It opens at its top: the label and the first lines, the position saying 11 of 18 lines,
  /// and 9 下一页 among the keys.
  @Test func opensAtItsTopAndSaysMoreIsBelow() {
    expectScreen(
      Self.opened(),
      """
       党员教育培训课程目录  某县委组…   党员：王建国  2026-03-01
       测验：案例题               第 1/2 题，第 1-11 行，共 18 行
      ────────────────────────────────────────────────────────────
       第 1 题  单选题
       案例：某村党支部书记在组织冬训时，考虑到党员外出务工较多，
       考虑到党员外出务工较多，考虑到党员外出务工较多，考虑到党员
       外出务工较多，考虑到党员外出务工较多，考虑到党员外出务工较
       多，考虑到党员外出务工较多，考虑到党员外出务工较多，考虑到
       党员外出务工较多，考虑到党员外出务工较多，考虑到党员外出务
       工较多，考虑到党员外出务工较多，考虑到党员外出务工较多，考
       虑到党员外出务工较多，考虑到党员外出务工较多，考虑到党员外
       出务工较多，考虑到党员外出务工较多，考虑到党员外出务工较
       多，考虑到党员外出务工较多，考虑到党员外出务工较多，请问下
       列做法中哪一项符合要求？
      ────────────────────────────────────────────────────────────
       1-4 作答  9 下一页  0 离开  ? 帮助  上下键 移动  回车 确认
      """)
  }

  /// 9 shows the rest (the choices, the cursor's in reverse video, and the instructions);
  /// 8 goes back to the top.
  @Test func nineShowsTheChoicesAndTheInstructionsAndEightGoesBack() {
    let below = Self.opened().pressing("9").state
    expectScreen(
      below,
      """
       党员教育培训课程目录  某县委组…   党员：王建国  2026-03-01
       测验：案例题               第 1/2 题，第 8-18 行，共 18 行
      ────────────────────────────────────────────────────────────
       虑到党员外出务工较多，考虑到党员外出务工较多，考虑到党员外
       出务工较多，考虑到党员外出务工较多，考虑到党员外出务工较
       多，考虑到党员外出务工较多，考虑到党员外出务工较多，请问下
       列做法中哪一项符合要求？

       >  1  A. 按规定组织集中培训，并为外出党员安排补学
          2  B. 不组织培训
          3  C. 只发材料不组织学习
          4  D. 让党员自行决定是否参加

       按数字键 1-4（或字母键 A-D）作答，答完自动进入下一题。
      ────────────────────────────────────────────────────────────
       1-4 作答  8 上一页  0 离开  ? 帮助  上下键 移动  回车 确认
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHH






         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN
          NNN
          NNN



        KNNNKKKKKKKNKKKKKKKKKNKKKKKKKNKKKKKKKNNNNNNKKKKKKKNNNNKKKKKK
        """)
    expectScreen(
      below.pressing("8").state,
      render(Self.opened()).trimmedLines.joined(separator: "\n"))
    // PgDn and PgUp do the same; End and Home go to the ends.
    #expect(Self.body(Self.opened().pressing(.pageDown)) == Self.body(below))
    #expect(Self.body(below.pressing(.pageUp)) == Self.body(Self.opened()))
    #expect(Self.body(Self.opened().pressing(.end)).last == " 按数字键 1-4（或字母键 A-D）作答，答完自动进入下一题。")
    #expect(Self.body(below.pressing(.home)).first == " 第 1 题  单选题")
  }

  /// Down scrolls a line at a time until the first choice is in sight, then moves the
  /// cursor; Up at the first choice scrolls back up to the label. Enter never answers a choice
  /// out of sight: it shows it first.
  @Test func arrowsScrollToTheChoicesAndEnterAnswersOnlyAChoiceInSight() {
    var state = Self.opened()
    // Enter at the top: the first choice comes into sight, nothing is answered.
    var shown = state.pressing(.enter)
    #expect(shown.quiz?.responses.isEmpty == true)
    #expect(Self.body(shown).contains(" >  1  A. 按规定组织集中培训，并为外出党员安排补学"))
    // Down: one line at a time; the second brings the first choice in at the bottom.
    state = state.pressing(.down)
    #expect(Self.body(state).first == " 案例：某村党支部书记在组织冬训时，考虑到党员外出务工较多，")
    #expect(state.quiz?.cursor == 0)
    state = state.pressing(.down)
    #expect(Self.body(state).last == " >  1  A. 按规定组织集中培训，并为外出党员安排补学")
    #expect(state.quiz?.cursor == 0)
    // Then Down moves the cursor, scrolling just enough to keep it in sight.
    state = state.pressing(.down).pressing(.down)
    #expect(state.quiz?.cursor == 2)
    #expect(Self.body(state).last == " >  3  C. 只发材料不组织学习")
    // Up to the first choice, then the text and the label above it.
    for _ in 0..<2 { state = state.pressing(.up) }
    #expect(state.quiz?.cursor == 0)
    for _ in 0..<20 { state = state.pressing(.up) }
    #expect(Self.body(state).first == " 第 1 题  单选题")
    // The choice in sight is answered by Enter, and the next question opens at its top.
    shown = state.pressing("9").state.pressing(.down).pressing(.enter)
    #expect(shown.quiz?.responses == [.choices([1])])
    #expect(
      Self.body(shown).prefix(2) == [
        " 第 2 题  单选题", " 第二个案例：某村党支部书记在组织冬训时，考虑到党员外出务工",
      ])
    #expect(render(shown).trimmedLines[1].hasSuffix("第 2/2 题，第 1-11 行，共 16 行"))
  }

  /// On a question that fits, 9 is no page key and the keys say nothing of pages.
  @Test func aQuestionThatFitsHasNoPageKeys() {
    let state = StudyRenderTests.firstQuestion(width: 60, height: 16)
    #expect(state.pressing("9").state.message == ScreenText.noSuchItem(9, available: 1...4))
    #expect(render(state).trimmedLines[15] == " 1-4 作答  0 离开  ? 帮助  上下键 移动  回车 确认")
  }
}

extension AppState {
  /// The test on top of the stack, if it is one.
  fileprivate var quiz: QuizScreen? {
    if case .quiz(let screen) = top { return screen }
    return nil
  }

}
