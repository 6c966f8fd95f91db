import Catalog
import Testing

@testable import tui

/// The test's screens as literal lines (and styles), CJK choices included, at 80x24 and at
/// the smallest size, 60x16.
@Suite struct StudyRenderTests {
  /// The test's first question, its choices in the order drawn.
  static func firstQuestion(width: Int = 80, height: Int = 24) -> AppState {
    var state = StudyFixtures.inQuiz()
    state.size = Size(width: width, height: height)
    return state
  }

  /// A single-choice question: the cursor's row in reverse video, the numbers as keys.
  @Test func singleChoiceWithCJKChoices80x24() {
    expectScreen(
      Self.firstQuestion(),
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       测验：党员教育培训学时制度                                           第 1/3 题
      ────────────────────────────────────────────────────────────────────────────────
       第 1 题  单选题
       按照规划，党员每年集中学习培训时间一般不少于多少学时？

       >  1  A. 56 学时
          2  B. 16 学时
          3  C. 根据实际情况确定，没有下限
          4  D. 32 学时

       按数字键 1-4（或字母键 A-D）作答，答完自动进入下一题。










      ────────────────────────────────────────────────────────────────────────────────
       1-4 作答  0 离开  ? 帮助  上下键 移动  回车 确认
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHH

         EEEEEEEEEEEEEEE


         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN
          NNN
          NNN













        KNNNKKKKKKKNKKKKKKKNKKKKKKKNNNNNNKKKKKKKNNNNKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK
        """)
  }

  /// The same at the smallest size.
  @Test func singleChoiceWithCJKChoices60x16() {
    expectScreen(
      Self.firstQuestion(width: 60, height: 16),
      """
       党员教育培训课程目录  某县委组…   党员：王建国  2026-03-01
       测验：党员教育培训学时制度                       第 1/3 题
      ────────────────────────────────────────────────────────────
       第 1 题  单选题
       按照规划，党员每年集中学习培训时间一般不少于多少学时？

       >  1  A. 56 学时
          2  B. 16 学时
          3  C. 根据实际情况确定，没有下限
          4  D. 32 学时

       按数字键 1-4（或字母键 A-D）作答，答完自动进入下一题。


      ────────────────────────────────────────────────────────────
       1-4 作答  0 离开  ? 帮助  上下键 移动  回车 确认
      """)
  }

  /// A choose-all question with two marks, the instructions wrapped (避头尾) above the keys.
  @Test func chooseAllWithMarks60x16() {
    expectScreen(
      Self.firstQuestion(width: 60, height: 16).pressing("4").state.pressing("24").state,
      """
       党员教育培训课程目录  某县委组…   党员：王建国  2026-03-01
       测验：党员教育培训学时制度                       第 2/3 题
      ────────────────────────────────────────────────────────────
       第 2 题  多选题
       规划要求完善哪些制度？

          1  [ ] A. 年终评比制度
          2  [✓] B. 评学制度
          3  [ ] C. 考学制度
       >  4  [✓] D. 述学制度

       多选题：按数字键 1-4（或字母键 A-D）选中或取消，可以选多
       项；选好后按回车提交。

      ────────────────────────────────────────────────────────────
       1-4 选中/取消  回车 提交  0 离开  ? 帮助  上下键 移动
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHH

         EEEEEEEEEEEEEEE


          NNN
          NNN
          NNN
         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS





        KNNNKKKKKKKKKKKKNNNNKKKKKKKNKKKKKKKNKKKKKKKNNNNNNKKKKKKKKKKK
        """)
  }

  /// The results: the score, not passed, and each wrong answer with the right one (in the letters of this attempt) and the explanation.
  @Test func resultsWithWrongAnswers80x24() {
    expectScreen(
      {
        let state = Self.firstQuestion().pressing("4").state.pressing("3").state
        let finish = QuizFinish(
          result: QuizResult(correct: [true, false, false], passPercent: 80), credit: .notPassed)
        return state.pressing(.enter).pressing("2").state.answering(
          .quizFinished(StudyFixtures.ticket, finish, MemberFixtures.records))
      }(),
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       测验结果：党员教育培训学时制度
      ────────────────────────────────────────────────────────────────────────────────
       得分：33 分（3 题答对 1 题），80 分及格：未通过
       没有通过：先复习课件，今天还可以再参加 2 次（每天最多 3 次）。

       答错的题（2 道）：

       第 2 题  多选题
       规划要求完善哪些制度？
       您的答案：C. 考学制度
       正确答案：B. 评学制度；C. 考学制度；D. 述学制度
       解　　析：见第3页：完善述学、考学、评学制度。

       第 3 题  判断题
       基层党组织书记和班子成员每年至少参加1次集中培训。
       您的答案：错
       正确答案：对
       解　　析：见第2页。



      ────────────────────────────────────────────────────────────────────────────────
       0 返回课程  ? 帮助
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHHHHHH

         EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE


         EEEEEEEEEEEEEEEEEE

         EEEEEEEEEEEEEEE

         EEEEEEEEEE
         EEEEEEEEEE
         EEEEEEEEEE

         EEEEEEEEEEEEEEE

         EEEEEEEEEE
         EEEEEEEEEE
         EEEEEEEEEE




        KNKKKKKKKKKKKNKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK
        """)
  }
}
