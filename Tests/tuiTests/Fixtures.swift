import Catalog

@testable import tui

/// A small catalog written out in code, so screen tests do not depend on data/.
enum Fixtures {
  static let here = SourceLocation(path: "test.toml", line: 1, column: 1)
  static let today = LocalDate(year: 2026, month: 3, day: 1)

  static let farmingTitles = [
    "农村党员冬训集中培训：发展现代农业与带领群众共同致富", "土壤与科学施肥基础", "日光温室蔬菜栽培技术",
    "温室蔬菜病虫害防治", "设施农业大棚建造与管理", "果树冬季修剪技术", "果木管理：花果管理与肥水管理",
    "特色林果产业发展与品种选择", "高效养殖：肉牛科学饲养管理", "畜禽常见疫病防控", "远教课堂：农业科技知识专题",
    "农业科技小资料自学",
  ]

  static let winterTraining = Course(
    id: "farm-winter", title: farmingTitles[0], categoryID: "farming", hours: StudyHours(16),
    kind: .required, form: .concentrated,
    summary: "利用冬季农闲时节对农村党员进行集中培训，围绕发展现代农业、带领群众致富、壮大集体经济和维护农村稳定安排专题。",
    description: "冬训分两天进行：\n第一天上午：形势政策和涉农惠农政策；\n第二天下午：党员示范户经验交流和讨论。",
    instructor: "乡镇党校", provider: "乡镇党委", audience: [.rural], roles: [.secretary, .committee],
    keywords: ["冬训", "现代农业"], seasons: [.winter], prerequisites: ["farm-soil"],
    sessions: [
      CourseSession(
        date: LocalDate(year: 2026, month: 1, day: 6),
        endDate: LocalDate(year: 2026, month: 1, day: 7),
        time: "08:30-17:30", place: "乡镇党校", capacity: 150, location: here),
      CourseSession(
        date: LocalDate(year: 2026, month: 12, day: 1), place: "村党员活动室", location: here),
    ], location: here)

  static func catalog(title: String = "党员教育培训课程目录") -> Catalog {
    var courses = [winterTraining]
    let forms: [CourseForm] = [.remote, .onsite, .mobile, .selfstudy]
    for (index, title) in farmingTitles.enumerated().dropFirst() {
      courses.append(
        Course(
          id: index == 1 ? "farm-soil" : "farm-\(index)", title: title, categoryID: "farming",
          hours: StudyHours(halves: index + 1), kind: .elective, form: forms[index % forms.count],
          summary: "\(title)的要点和操作方法。", location: here))
    }
    courses.append(
      Course(
        id: "ideals-oath", title: "重温入党誓词", categoryID: "ideals", hours: StudyHours(2),
        kind: .required, form: .onsite, summary: "在红色教育基地重温入党誓词。", location: here))
    courses.append(
      Course(
        id: "ideals-history", title: "党史学习教育", categoryID: "ideals",
        hours: StudyHours(halves: 3), kind: .elective, form: .remote, summary: "收看党史专题片。",
        location: here))
    return Catalog(
      title: title, issuer: "某县委组织部", year: 2026,
      categories: [
        Category(
          id: "farming", title: "农业实用技术", summary: "面向农村党员的种养殖实用技术培训。", order: 2,
          location: here),
        Category(
          id: "ideals", title: "理想信念", summary: "党的基本理论、党史国史和党性教育。", order: 1,
          location: here),
        Category(id: "service", title: "服务群众", order: 3, location: here),
      ],
      courses: courses, rules: Rules(requirements: [], path: "rules.toml"))
  }

  /// The clock of loop tests: uptime 0 on `today`, no midnight in sight; time passes only
  /// by ticks in the script.
  static func clock() -> Moment {
    Moment(uptime: 0, today: today, secondsToMidnight: .infinity)
  }

  static func state(
    width: Int = 80, height: Int = 24, catalog: Catalog = Fixtures.catalog(),
    glyphs: Glyphs = .unicode, notice: String? = nil
  ) -> AppState {
    AppState(
      catalog: catalog, today: today, size: Size(width: width, height: height), glyphs: glyphs,
      notice: notice)
  }
}

extension AppState {
  /// The state after pressing each key in turn; the effects of the last one.
  func pressing(_ keys: String) -> (state: AppState, effects: [Effect]) {
    var state = self
    var effects: [Effect] = []
    for character in keys {
      (state, effects) = update(state, .key(.character(character)))
    }
    return (state, effects)
  }

  func pressing(_ key: Key) -> AppState { update(self, .key(key)).0 }

  /// 0 on the first screen, then 1 to confirm: the effects of the confirmation.
  func quitting() -> (state: AppState, effects: [Effect]) {
    pressing("0").state.pressing("1")
  }
}

extension Grid {
  /// The rows with trailing spaces removed, for literal comparisons.
  var trimmedLines: [String] {
    lines.map { line in
      var line = line
      while line.last == " " { line.removeLast() }
      return line
    }
  }
}

extension AppLoop {
  /// Runs the loop from `state` over `events` (then a hang-up ends it) on a memory terminal
  /// with the fixtures' clock; with a runner, records calls go to a worker, as in the program.
  static func running(
    _ state: AppState, _ events: [Event], runner: RecordsRunner? = nil,
    waitsForAnswers: Bool = true
  ) -> (state: AppState, frames: [Grid]) {
    var backend = MemoryBackend(
      size: state.size, events: events, waitsForAnswers: waitsForAnswers)
    let worker = runner.map(RecordsWorker.init(runner:))
    defer { worker?.stop() }
    let final = run(state, on: &backend, records: worker, clock: Fixtures.clock)
    return (final, backend.frames)
  }
}

extension AppScreen {
  /// The case's name (`categories`, `courseDetail` …), for expecting which screen is shown.
  var kind: String { String(String(describing: self).prefix { $0 != "(" }) }
}
