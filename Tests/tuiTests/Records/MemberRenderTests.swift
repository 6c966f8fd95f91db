import Catalog
import Testing

@testable import tui

/// The member screens as literal lines at 80x24, CJK included (see `RenderTests`).
@Suite struct MemberRenderTests {
  /// The start screen: log in or browse; in the demo, who to log in as.
  @Test func startScreenWithTheDemoMembers80x24() {
    expectScreen(
      MemberFixtures.state(demo: true),
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       欢迎使用
      ────────────────────────────────────────────────────────────────────────────────
       2026 年度课程目录：3 个类别，14 门课程。

       请按数字键选择：

       >  1  党员登录（输入党员编号和 PIN）
          2  不登录，直接浏览课程
          0  退出

       演示党员（登录时输入编号和 PIN）：
         编号    PIN     姓名      说明
         1001    1111    王建国    普通党员，学时完成一部分
         1002    2222    李秀英    村党支部书记，还没有参加集中培训
         1003    3333    张伟      社区班子成员，全年要求已完成
         1004    4444    陈小红    入党不满一年的新党员
         1005    5555    赵明      流动党员（非公企业），还没有学时




      ────────────────────────────────────────────────────────────────────────────────
       1-2 选择  0 退出  ? 帮助  上下键 移动  回车 打开
      """)
  }

  /// Serving the last good catalog: one line for the administrators, nothing else changes.
  @Test func startScreenServingTheLastGoodCatalog80x24() {
    expectScreen(
      AppState(
        catalog: MemberFixtures.catalog, today: Fixtures.today, size: Size(width: 80, height: 24),
        start: StartScreen(catalogWarning: CommandText.servingLastGood(Fixtures.today))),
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       欢迎使用
      ────────────────────────────────────────────────────────────────────────────────
       2026 年度课程目录：3 个类别，14 门课程。

       请按数字键选择：

       >  1  党员登录（输入党员编号和 PIN）
          2  不登录，直接浏览课程
          0  退出











       目录有错误，正在使用 2026-03-01 的目录（用 course-menu check 查看并改正错误）
      ────────────────────────────────────────────────────────────────────────────────
       1-2 选择  0 退出  ? 帮助  上下键 移动  回车 打开
      """)
  }

  /// At the minimum size the demo members are listed as number/PIN and name, wrapped whole.
  @Test func startScreenWithTheDemoMembers60x16() {
    expectScreen(
      MemberFixtures.state(width: 60, height: 16, demo: true),
      """
       党员教育培训课程目录  某县委组织部              2026-03-01
       欢迎使用
      ────────────────────────────────────────────────────────────
       2026 年度课程目录：3 个类别，14 门课程。

       请按数字键选择：

       >  1  党员登录（输入党员编号和 PIN）
          2  不登录，直接浏览课程
          0  退出

       演示党员（登录时输入编号和 PIN）：
         1001/1111 王建国   1002/2222 李秀英   1003/3333 张伟
         1004/4444 陈小红   1005/5555 赵明
      ────────────────────────────────────────────────────────────
       1-2 选择  0 退出  ? 帮助  上下键 移动  回车 打开
      """)
  }

  /// The login screen after a wrong number or PIN: the number kept, the PIN masked, what the
  /// reply said about attempts, and nothing about whether the number exists.
  @Test func loginAfterAWrongPIN80x24() {
    expectScreen(
      {
        var state = MemberFixtures.state().pressing("1").state.pressing("2001").state
        state = state.pressing(.enter).pressing("9999").state.pressing(.enter)
        state =
          update(
            state,
            .records(.loginRefused(memberID: "2001", .refused(freeAttemptsLeft: 2, retry: nil)))
          ).0
        return state.pressing("12").state
      }(),
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       党员登录
      ────────────────────────────────────────────────────────────────────────────────
       请输入 PIN（4 到 12 位数字），按回车键登录。

         党员编号：2001
         PIN 密码：**_

       编号或 PIN 不正确。请重新输入 PIN；编号输错了，先按退格键删掉 PIN 再改编号。再
       输错 2 次以后，每次再试都要先等待一段时间。

       只用数字键。输错了按退格键删除；不输入内容直接按回车，返回上一步。










      ────────────────────────────────────────────────────────────────────────────────
       0-9 输入  回车 确认  退格 删除  Esc 返回  ? 帮助
      """)
  }

  /// A member's main menu: who, the year's hours, their own items, 0 logs out.
  @Test func mainMenuOfAMember80x24() {
    expectScreen(
      MemberFixtures.loggedIn(),
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       主菜单
      ────────────────────────────────────────────────────────────────────────────────
       王建国（编号 2001，红旗村党支部），您好！
       2026 年度已计 17.5/32 学时，还需 14.5 学时。

       请按数字键选择：

       >  1  课程目录
          2  搜索课程
          3  我的选课（2 门）
          4  我的学时
          5  为我推荐
          6  使用帮助
          0  退出登录







      ────────────────────────────────────────────────────────────────────────────────
       1-6 选择  0 退出登录  ? 帮助  上下键 移动  回车 打开
      """)
  }

  /// 我的选课: marks, next session, and the highlighted course's sessions.
  @Test func myCourses80x24() {
    expectScreen(
      MemberFixtures.loggedIn().pressing(MemberFixtures.myCourses).state,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       我的选课（2 门）                                                           1/2
      ────────────────────────────────────────────────────────────────────────────────
       序号      课程名称                              学时  最近安排
       >  1  ✓★  农村党员冬训集中培训：发展现代农业…     16  2026-12-01 村党员活动室
          2  ✓   日光温室蔬菜栽培技术                   1.5  暂无安排

       培训安排：2026-01-06  08:30-17:30  乡镇党校  名额 150
                 2026-12-01  村党员活动室
       选学日期：2026-01-02











       ✓ 已选学  ★ 本年度已计学时
      ────────────────────────────────────────────────────────────────────────────────
       1-2 选择  0 返回  ? 帮助  上下键 移动  回车 打开
      """)
  }

  /// 我的学时: bar, figures, the requirement in words, by category and form, every credit.
  @Test func myHours80x24() {
    expectScreen(
      MemberFixtures.loggedIn().pressing(MemberFixtures.myHours).state,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       我的学时（2026 年度）
      ────────────────────────────────────────────────────────────────────────────────
       王建国  编号 2001  红旗村党支部（农村，党员）
       统计期间：2026-01-01 至 2026-12-31

       完成情况：[████████████████░░░░░░░░░░░░░░] 17.5/32 学时（54%）

       学时要求：
         未达到  党员年度集中学习培训：还需 14.5 学时
                 至少 32 学时，已计 17.5 学时
                 依据：全国规划四（四）

       按类别：                                按形式：
         理想信念      1.5 学时                  集中培训   16 学时
         农业实用技术   16 学时                  远程教育  1.5 学时

       学时明细（共 2 条，合计 17.5 学时）：
         日期        学时  课程                         形式      来源
         ──────────  ────  ───────────────────────────  ────────  ───────────────────
         2026-01-06    16  农村党员冬训集中培训：发展…  集中培训  考勤登记 2026-01-06
         2026-02-10   1.5  党史学习教育                 远程教育  批量导入 二月.csv
      ────────────────────────────────────────────────────────────────────────────────
       0 返回  ? 帮助
      """)
  }

  /// One requirement met and one not, both in words; the credits scroll.
  @Test func myHoursOfASecretary80x24() {
    expectScreen(
      MemberFixtures.loggedIn(MemberFixtures.secretaryRecords).pressing(MemberFixtures.myHours)
        .state,
      """
       党员教育培训课程目录  某县委组织部                    党员：李秀英  2026-03-01
       我的学时（2026 年度）                                     第 1-19 行，共 20 行
      ────────────────────────────────────────────────────────────────────────────────
       李秀英  编号 2002  红旗村党支部（农村，书记）
       统计期间：2026-01-01 至 2026-12-31

       完成情况：[█████████████████░░░░░░░░░░░░░] 32/56 学时（57%）

       学时要求：
         已达到  党员年度集中学习培训
                 至少 32 学时，已计 32 学时
                 依据：全国规划四（四）
         未达到  书记和班子成员年度集中学习培训：还需 24 学时
                 至少 56 学时，已计 32 学时；至少参加 1 次集中培训，已参加 1 次

       按类别：                                按形式：
         农业实用技术  32 学时                   集中培训  32 学时

       学时明细（共 2 条，合计 32 学时）：
         日期        学时  课程                         形式      来源
         ──────────  ────  ───────────────────────────  ────────  ───────────────────
         2026-01-06    16  农村党员冬训集中培训：发展…  集中培训  考勤登记 2026-01-06
      ────────────────────────────────────────────────────────────────────────────────
       9 下一页  0 返回  ? 帮助  上下键 滚动
      """)
  }

  /// Selected and credited marks have ASCII forms, explained on the last row.
  @Test func courseListMarksInASCII80x24() {
    expectScreen(
      MemberFixtures.loggedIn(glyphs: .ascii).pressing("12").state,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       农业实用技术（12 门课程）                                                 1/12
      --------------------------------------------------------------------------------
       序号      课程名称                                        学时  形式      类型
       >  1  v*  农村党员冬训集中培训：发展现代农业与带领群众~     16  集中培训  必修
          2      土壤与科学施肥基础                                 1  现场教学  选修
          3  v   日光温室蔬菜栽培技术                             1.5  流动课堂  选修
          4      温室蔬菜病虫害防治                                 2  自学      选修
          5      设施农业大棚建造与管理                           2.5  远程教育  选修
          6      果树冬季修剪技术                                   3  现场教学  选修
          7      果木管理：花果管理与肥水管理                     3.5  流动课堂  选修
                     9 下一页    第 1/2 页

       简介：利用冬季农闲时节对农村党员进行集中培训，围绕发展现代农业、带领群众致富、
             壮大集体经济和维护农村稳定安排专题。






       v 已选学  * 本年度已计学时
      --------------------------------------------------------------------------------
       1-7 选择  9 下一页  0 返回  ? 帮助  上下键 移动  回车 打开
      """)
  }

  /// 选学 asks first.
  @Test func confirmSelect80x24() {
    expectScreen(
      MemberFixtures.loggedIn().pressing("1221").state,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       确认选学
      ────────────────────────────────────────────────────────────────────────────────
       课程名称：土壤与科学施肥基础
       学　　时：1 学时，选修，现场教学

       确定选学这门课程吗？
       选学后，需要时也可以退选。

       >  1  确定选学
          0  取消，返回课程











      ────────────────────────────────────────────────────────────────────────────────
       1 确定选学  0 返回  ? 帮助
      """)
  }
}
