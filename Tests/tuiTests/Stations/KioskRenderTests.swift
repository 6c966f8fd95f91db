import Catalog
import Testing

@testable import tui

/// The kiosk's screens and 近期安排 as literal lines at 80x24 (see `RenderTests`).
@Suite struct KioskRenderTests {
  /// A sign-in open: the course and the count, large and plain between rules, 签到 first.
  @Test func startScreenWithAnOpenSignIn() {
    expectScreen(
      KioskFixtures.state(),
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       欢迎使用 · 红旗村远教站点
      ────────────────────────────────────────────────────────────────────────────────
       2026 年度课程目录：3 个类别，15 门课程。

       ──────────────────────────────────────────────────────────────────────────────
         正在签到：远教课堂：乡村振兴政策解读
         已签到 12 人
         参加学习的党员请按 1 签到
       ──────────────────────────────────────────────────────────────────────────────
       请按数字键选择：

       >  1  签到（输入党员编号和 PIN）
          2  党员登录（输入党员编号和 PIN）
          3  不登录，直接浏览课程
          4  管理员






      ────────────────────────────────────────────────────────────────────────────────
       1-4 选择  ? 帮助
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHHHHHHHHHHHHHHHHHHH




           EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE
           EEEEEEEEEEEE


         EEEEEEEEEEEEEEEE

         SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
          NNN
          NNN
          NNN







        KNNNKKKKKKKNKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK
        """)
  }

  /// At the minimum size the banner comes first, and every item still shows.
  @Test func startScreenWithAnOpenSignIn60x16() {
    expectScreen(
      KioskFixtures.state(width: 60, height: 16),
      """
       党员教育培训课程目录  某县委组织部              2026-03-01
       欢迎使用 · 红旗村远教站点
      ────────────────────────────────────────────────────────────
         正在签到：远教课堂：乡村振兴政策解读
         已签到 12 人
         参加学习的党员请按 1 签到

       请按数字键选择：

       >  1  签到（输入党员编号和 PIN）
          2  党员登录（输入党员编号和 PIN）
          3  不登录，直接浏览课程
          4  管理员

      ────────────────────────────────────────────────────────────
       1-4 选择  ? 帮助
      """)
  }

  @Test func startScreenWithoutASignIn() {
    expectScreen(
      KioskFixtures.state(open: nil),
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       欢迎使用 · 红旗村远教站点
      ────────────────────────────────────────────────────────────────────────────────
       2026 年度课程目录：3 个类别，15 门课程。

       请按数字键选择：

       >  1  党员登录（输入党员编号和 PIN）
          2  不登录，直接浏览课程
          3  管理员












      ────────────────────────────────────────────────────────────────────────────────
       1-3 选择  ? 帮助
      """)
  }

  @Test func theSignInConfirmation() {
    var state = KioskFixtures.state().pressing("1").state.pressing("2001").state
    state = state.pressing(.enter).pressing("1234").state.pressing(.enter)
    state = state.answering(.station(.signIn(.signedIn(KioskFixtures.member))))
    expectScreen(
      state,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       签到成功
      ────────────────────────────────────────────────────────────────────────────────


         签到成功！

         王建国（编号 2001）

         正在签到：远教课堂：乡村振兴政策解读

         请下一位党员签到。










      ────────────────────────────────────────────────────────────────────────────────
       回车 完成
      """,
      styles: """
        TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT
         HHHHHHHH



           EEEEEEEEEE

           EEEEEEEEEEEEEEEEEEE















        KNNNNKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKKK
        """)
  }

  @Test func theAdministratorsMenuWhileASignInIsOpen() {
    expectScreen(
      KioskFixtures.administering(),
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       管理员菜单
      ────────────────────────────────────────────────────────────────────────────────
       张站长（管理员 9001），您好！本站点：红旗村远教站点
       正在签到：远教课堂：乡村振兴政策解读，已签到 12 人

       请按数字键选择：

       >  1  签到名单（12 人）
          2  结束签到并记入学时
          3  取消签到（不记学时）
          4  退出程序
          0  返回开始屏幕









      ────────────────────────────────────────────────────────────────────────────────
       1-4 选择  0 返回开始屏幕  ? 帮助  上下键 移动  回车 打开
      """)
  }

  @Test func closingAsksFirstThenListsWhoWasCredited() {
    let confirm = KioskFixtures.administering().pressing("2").state
    expectScreen(
      confirm,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       确认结束签到
      ────────────────────────────────────────────────────────────────────────────────
       结束“远教课堂：乡村振兴政策解读”的签到，并为名单上的 12 人各记入 2 学时吗？
       结束后不能再签到；记入的学时来源为“站点签到”。已有这条学时的党员不会重复记入。

       >  1  确定
          0  取消，返回














      ────────────────────────────────────────────────────────────────────────────────
       1 确定  0 返回  ? 帮助
      """)
    var closed = update(confirm, .key(.character("1"))).0
    closed = closed.answering(
      .station(
        .closed(
          ClosedSignIn(
            showing: KioskFixtures.showing,
            attendees: [
              KioskFixtures.attendee("2001", "王建国", minute: 2),
              KioskFixtures.attendee("2002", "李秀英", minute: 5, removed: "代签（本人没有到场）"),
              KioskFixtures.attendee("2003", "张伟", minute: 9),
            ], credits: CreditOutcome(credited: ["2001"], alreadyCredited: ["2003"])))))
    expectScreen(
      closed,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       签到已结束
      ────────────────────────────────────────────────────────────────────────────────
       远教课堂：乡村振兴政策解读  2026-03-01  每人 2 学时
       新记入 1 人，已有记录 1 人，除名 1 人。

       编号      姓名        签到时间  学时
       2001      王建国      19:02     已记入
       2002      李秀英      19:05     已除名：代签（本人没有到场）
       2003      张伟        19:09     已有记录












      ────────────────────────────────────────────────────────────────────────────────
       0 返回  ? 帮助
      """)
  }

  @Test func theSignInListWithARemovedName() {
    var state = KioskFixtures.administering().pressing("1").state
    state = state.answering(
      .station(
        .attendees(
          showingID: 7,
          [
            KioskFixtures.attendee("2001", "王建国", minute: 2),
            KioskFixtures.attendee("2002", "李秀英", minute: 5, removed: "代签（本人没有到场）"),
          ])))
    expectScreen(
      state,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       签到名单：远教课堂：乡村振兴政策解读                                       1/2
      ────────────────────────────────────────────────────────────────────────────────
       选择一个名字可以把他除名（需选择原因）。

       序号  编号      姓名        签到时间  状态
       >  1  2001      王建国      19:02
          2  2002      李秀英      19:05     已除名：代签（本人没有到场）














      ────────────────────────────────────────────────────────────────────────────────
       1-2 选择  0 返回  ? 帮助  上下键 移动  回车 打开
      """)
  }

  @Test func openingOffersTodaysSessionHereThenBroadcasts() {
    expectScreen(
      KioskFixtures.administering(open: nil).pressing("1").state,
      """
       党员教育培训课程目录  某县委组织部                                  2026-03-01
       开启签到：选择课程                                                        1/15
      ────────────────────────────────────────────────────────────────────────────────
       本站点今天（2026-03-01）的课次：
       或选择一门课程，按集中收看签到：

       >  1  课次  19:00-21:00  远教课堂：乡村振兴政策解读  2 学时
          2  集中收看  党史学习教育  1.5 学时（远程教育）
          3  集中收看  设施农业大棚建造与管理  2.5 学时（远程教育）
          4  集中收看  高效养殖：肉牛科学饲养管理  4.5 学时（远程教育）
          5  集中收看  重温入党誓词  2 学时（现场教学）
          6  集中收看  农村党员冬训集中培训：发展现代农业与带领群众共同致富  16 学时…
          7  集中收看  土壤与科学施肥基础  1 学时（现场教学）
                     9 下一页    第 1/3 页








      ────────────────────────────────────────────────────────────────────────────────
       1-7 选择  9 下一页  0 返回  ? 帮助  上下键 移动  回车 打开
      """)
  }

  /// 近期安排 with a full session: 已满, and the member's own seat marked.
  @Test func upcomingSessionsWithAFullOne() {
    var state = MemberFixtures.loggedIn(catalog: KioskFixtures.catalog)
    state = state.pressing(MemberFixtures.digit(.upcoming)).state.pressing("1").state
    let full = SessionKey(
      course: KioskFixtures.broadcast, session: KioskFixtures.broadcast.sessions[1])
    let mine = SessionKey(
      course: KioskFixtures.broadcast, session: KioskFixtures.broadcast.sessions[0])
    state = state.answering(
      .station(.seats(memberID: "2001", Seats(taken: [full: 2, mine: 5], mine: [mine]))))
    expectScreen(
      state,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       近期安排：全部地点                                                         1/3
      ────────────────────────────────────────────────────────────────────────────────
       序号  日期        课程                                    地点          名额
       >  1  03-01 周日  远教课堂：乡村振兴政策解读              村党员活动室  已报名
          2  03-10 周二  远教课堂：乡村振兴政策解读              村党员活动室  已满
          3  03-20 周五  远教课堂：乡村振兴政策解读              乡镇党校      不限















      ────────────────────────────────────────────────────────────────────────────────
       1-3 选择  0 返回  ? 帮助  上下键 移动  回车 打开
      """)
    expectScreen(
      state.pressing("3").state,
      """
       党员教育培训课程目录  某县委组织部                    党员：王建国  2026-03-01
       报名
      ────────────────────────────────────────────────────────────────────────────────
       课程名称：远教课堂：乡村振兴政策解读
       学　　时：2 学时，选修，远程教育
       日　　期：2026-03-20
       地　　点：乡镇党校
       名　　额：不限名额，已报名 0 人
       我的报名：未报名

       >  1  报名参加
          0  返回










      ────────────────────────────────────────────────────────────────────────────────
       1 选择  0 返回  ? 帮助  回车 打开
      """)
  }
}
