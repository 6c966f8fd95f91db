import Catalog
import Testing

@testable import tui

/// The rating (评学) and survey (需求调研) screens as literal lines and styles, at 80x24 and at
/// the minimum 60x16 (see `RenderTests`).
@Suite struct FeedbackRenderTests {
  /// The first of two courses to rate, just after login: the course, the evaluation's line,
  /// the question and its labelled answers; 0 skips the course for good.
  @Test func aRatingAtLogin80x24() {
    expectScreen(
      FeedbackScreenStates.rating80,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       课程评价（还有 2 门待评价）                                          第 1/2 题
      ────────────────────────────────────────────────────────────────────────────────
       课程名称：农村党员冬训集中培训：发展现代农业与带领群众共同致富
       让党员作评价，从基层看效果。回答不记姓名和编号。

       这门课的内容对您有用吗？学了用得上吗？

       >  1  没用
          2  用处不大
          3  一般
          4  有用
          5  很有用
          0  跳过这门课（以后不再询问）
          9  全部跳过（共 2 门，以后不再询问）







      ────────────────────────────────────────────────────────────────────────────────
       1-5 选择  0 跳过  9 全部跳过  ? 帮助  上下键 移动  回车 确认
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHHH

         EEEEEEEEEE


         EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE

         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN
          NNN
          NNN
          NNN
          NNN
          NNN








        KNNNKKKKKKKNKKKKKKKNKKKKKKKKKKKNKKKKKKKNNNNNNKKKKKKKNNNNKKKKKKKKKKKKKKKKKKKKKKKK
        """)
  }

  /// At the minimum size the evaluation's line gives way, so every answer and 0 stay in sight.
  @Test func aRatingAtLogin60x16() {
    expectScreen(
      FeedbackScreenStates.rating60,
      """
       党员教育培训课程目录  某县委组…   党员：王建国  2026-03-01
       课程评价（还有 2 门待评价）                      第 1/2 题
      ────────────────────────────────────────────────────────────
       课程名称：农村党员冬训集中培训：发展现代农业与带领群众共同
                 致富

       这门课的内容对您有用吗？学了用得上吗？

       >  1  没用
          2  用处不大
          3  一般
          4  有用
          5  很有用
          0  跳过这门课（以后不再询问）
      ────────────────────────────────────────────────────────────
       1-5 选择  0 跳过  9 全部跳过  ? 帮助  上下键 移动
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHHH

         EEEEEEEEEE


         EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE

         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN
          NNN
          NNN
          NNN
          NNN

        KNNNKKKKKKKNKKKKKKKNKKKKKKKKKKKNKKKKKKKNNNNNNKKKKKKKKKKKKKKK
        """)
  }

  /// The records could not keep the rating: said in the body and on the message line; 1
  /// tries again, 0 leaves it for the next login.
  @Test func aRatingThatCouldNotBeKept60x16() {
    expectScreen(
      FeedbackScreenStates.ratingFailed60,
      """
       党员教育培训课程目录  某县委组…   党员：王建国  2026-03-01
       课程评价（还有 2 门待评价）                      第 2/2 题
      ────────────────────────────────────────────────────────────
       课程名称：农村党员冬训集中培训：发展现代农业与带领群众共同
                 致富
       让党员作评价，从基层看效果。回答不记姓名和编号。

       讲得生动、好懂吗？

          1  难懂
          2  一般
       >  3  好懂
          0  以后再说

       没有保存：数据库正忙。按 1 重试，按 0 以后再说。
       1 重试  0 以后再说  ? 帮助
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHHH

         EEEEEEEEEE



         EEEEEEEEEEEEEEEEEE

          NNN
          NNN
         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN

        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
        KNKKKKKKKNKKKKKKKKKKKNKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK
        """)
  }

  /// The survey at login, one topic marked (✓, never colour alone).
  @Test func theSurveyAtLogin80x24() {
    expectScreen(
      FeedbackScreenStates.survey80,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       需求调研：党员教育培训需求调研                                       第 1/3 步
      ────────────────────────────────────────────────────────────────────────────────
       想学什么、学什么有用？请选出您最想学的内容和喜欢的学习方式。

       您最想学习哪些内容？最多选 3 项（已选 1 项）

          1  [ ] 理想信念和党性教育
       >  2  [✓] 温室蔬菜栽培
          3  [ ] 特色林果和果木管理
          4  [ ] 电商技术和创业就业
          5  选好了，下一步
          0  以后再说（可以从主菜单“需求调研”填写）









      ────────────────────────────────────────────────────────────────────────────────
       1-5 选中/取消  0 以后再说  ? 帮助  上下键 移动
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHHHHHH



         EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE

          NNN
         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN
          NNN
          NNN
          NNN










        KNNNKKKKKKKKKKKKNKKKKKKKKKKKNKKKKKKKNNNNNNKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK
        """)
  }

  /// Two topics marked at the minimum size; the intro still fits.
  @Test func theSurveyAtLogin60x16() {
    expectScreen(
      FeedbackScreenStates.survey60,
      """
       党员教育培训课程目录  某县委组…   党员：王建国  2026-03-01
       需求调研：党员教育培训需求调研                   第 1/3 步
      ────────────────────────────────────────────────────────────
       想学什么、学什么有用？请选出您最想学的内容和喜欢的学习方
       式。

       您最想学习哪些内容？最多选 3 项（已选 2 项）

          1  [ ] 理想信念和党性教育
          2  [✓] 温室蔬菜栽培
          3  [ ] 特色林果和果木管理
       >  4  [✓] 电商技术和创业就业
          5  选好了，下一步
          0  以后再说（可以从主菜单“需求调研”填写）
      ────────────────────────────────────────────────────────────
       1-5 选中/取消  0 以后再说  ? 帮助  上下键 移动
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHHHHHH




         EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE

          NNN
          NNN
          NNN
         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN
          NNN

        KNNNKKKKKKKKKKKKNKKKKKKKKKKKNKKKKKKKNNNNNNKKKKKKKKKKKKKKKKKK
        """)
  }

  /// The last step, the season, after 远程教育 was chosen as the form.
  @Test func theSurveysLastStep60x16() {
    expectScreen(
      FeedbackScreenStates.surveySeason60,
      """
       党员教育培训课程目录  某县委组…   党员：王建国  2026-03-01
       需求调研：党员教育培训需求调研                   第 3/3 步
      ────────────────────────────────────────────────────────────
       您希望什么时候参加培训？

       >  1  春训（春季农闲时）
          2  冬训（冬季农闲时）
          3  都可以
          0  上一步





      ────────────────────────────────────────────────────────────
       1-3 选择  0 上一步  ? 帮助  上下键 移动
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHHHHHHH

         EEEEEEEEEEEEEEEEEEEEEEEE

         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN
          NNN
          NNN






        KNNNKKKKKKKNKKKKKKKKKNKKKKKKKNNNNNNKKKKKKKKKKKKKKKKKKKKKKKKK
        """)
  }
}
