import Catalog

/// `quiz report` for a training year: per course the attempts, members and passes, and per
/// question the share of wrong answers, as text or as CSV rows (made inert where they are
/// printed). Pure, so its lines can be tested as written.
struct QuizReport {
  /// One question of a course's item analysis: where it stands in the catalog now (nil when
  /// the catalog no longer has it as it was asked) and how it fared.
  struct Item {
    var index: Int?
    var statistics: QuestionStatistics
  }

  let year: TrainingYear
  let courseID: String?
  let courses: [(statistics: QuizStatistics, title: String, items: [Item])]

  init(year: TrainingYear, courseID: String?, statistics: [QuizStatistics], catalog: Catalog) {
    self.year = year
    self.courseID = courseID
    courses = statistics.map { course in
      let questions = catalog.course(id: course.courseID)?.quiz?.questions ?? []
      var indexByFingerprint: [String: Int] = [:]
      for (index, question) in questions.enumerated() {
        indexByFingerprint[question.fingerprint] = indexByFingerprint[question.fingerprint] ?? index
      }
      let items = course.questions.map {
        Item(index: indexByFingerprint[$0.fingerprint], statistics: $0)
      }.sorted {
        ($0.index ?? Int.max, $0.statistics.lastIndex) < (
          $1.index ?? Int.max, $1.statistics.lastIndex
        )
      }
      let title = catalog.course(id: course.courseID)?.title ?? course.courseTitle
      return (course, title, items)
    }
  }

  var text: String { lines.joined(separator: "\n") }

  var lines: [String] {
    var output = [QuizReportText.title(year, course: courseID), ""]
    guard !courses.isEmpty else {
      output.append(QuizReportText.noAttempts(year.year))
      return output
    }
    for course in courses {
      output.append(QuizReportText.courseLine(course.statistics, title: course.title))
      output.append(QuizReportText.tally(course.statistics))
      guard !course.items.isEmpty else {
        output.append(QuizReportText.noAnswers)
        output.append("")
        continue
      }
      var table = TextTable(header: QuizReportText.itemHeader)
      for item in course.items {
        let question = item.statistics
        table.rows.append([
          QuizReportText.number(item.index), String(question.answered), String(question.wrong),
          QuizReportText.percent(question.wrongRate), question.text,
        ])
      }
      output += table.lines.map { "  " + $0 }
      if let hardest = course.items.max(by: {
        ($0.statistics.wrongRate, -($0.index ?? Int.max)) < (
          $1.statistics.wrongRate, -($1.index ?? Int.max)
        )
      }), hardest.statistics.wrong > 0 {
        output.append(
          QuizReportText.hardest(
            QuizReportText.number(hardest.index), rate: hardest.statistics.wrongRate))
      }
      output.append("")
    }
    return output
  }

  var csvHeader: [String] { QuizReportText.csvHeader }

  var csvRows: [[String]] {
    courses.flatMap { course -> [[String]] in
      let statistics = course.statistics
      let front = [
        statistics.courseID, course.title, String(statistics.attempts),
        String(statistics.finished), String(statistics.abandoned), String(statistics.open),
        String(statistics.members), String(statistics.passedMembers),
        statistics.passRate.map(QuizReportText.percent) ?? "",
      ]
      guard !course.items.isEmpty else { return [front + ["", "", "", "", ""]] }
      return course.items.map { item in
        front + [
          QuizReportText.number(item.index), item.statistics.text,
          String(item.statistics.answered), String(item.statistics.wrong),
          QuizReportText.percent(item.statistics.wrongRate),
        ]
      }
    }
  }
}
