import Catalog

/// `report ratings` as tables (text or CSV): per course, provider and instructor, the number of
/// ratings and the average answer to each question (see `RatingSummary` for what is hidden).
struct RatingsReport {
  let report: TabularReport

  init(summary: RatingSummary, evaluation: Evaluation?) {
    let questions = summary.questions
    let legend = questions.enumerated().map { number, question in
      ReportText.questionLegend(
        number + 1, question.text, id: question.id,
        answers: evaluation?.questions.first { $0.id == question.id }?.answers)
    }
    let averageColumns = questions.indices.map { ReportText.questionColumn($0 + 1) }
    func averages(_ figures: RatingSummary.Figures) -> [String] {
      questions.map { ReportText.average(hundredths: figures.averageHundredths(of: $0.id)) }
    }
    var courseNotes: [String] = []
    if summary.hiddenCourses > 0 {
      courseNotes.append(ReportText.hiddenCourses(summary.hiddenCourses))
    }
    let tables = [
      ReportTable(
        title: ReportText.coursesTitle, header: ReportText.coursesHeader + averageColumns,
        rows: summary.courses.map { course, figures in
          [
            course.courseID, course.title, course.provider ?? "", course.instructor ?? "",
            String(figures.ratings),
          ] + averages(figures)
        }, notes: courseNotes, empty: ReportText.noRatings(summary.year)),
      ReportTable(
        title: ReportText.providersTitle,
        header: [ReportText.providerColumn, ReportText.ratingsColumn] + averageColumns,
        rows: summary.providers.map {
          [$0.name, String($0.figures.ratings)] + averages($0.figures)
        }, empty: ReportText.nothingShown),
      ReportTable(
        title: ReportText.instructorsTitle,
        header: [ReportText.instructorColumn, ReportText.ratingsColumn] + averageColumns,
        rows: summary.instructors.map {
          [$0.name, String($0.figures.ratings)] + averages($0.figures)
        }, empty: ReportText.nothingShown),
    ]
    report = TabularReport(
      title: ReportText.ratingsTitle(summary.year),
      subtitle: evaluation == nil ? [ReportText.noEvaluation] : legend, tables: tables)
  }
}

/// `report demand` as tables (text or CSV): the survey's counts, then per category and per
/// elective what members chose.
struct DemandReport {
  let report: TabularReport

  init(summary: DemandSummary, catalog: Catalog) {
    let tally = summary.tally
    let respondents = tally.respondents
    var tables: [ReportTable] = []
    if let survey = summary.survey {
      tables.append(
        ReportTable(
          title: ReportText.participationTitle, header: ReportText.overviewHeader,
          rows: [
            [ReportText.respondents, String(respondents)],
            [ReportText.declined, String(tally.declined)],
          ]))
      tables.append(
        ReportTable(
          title: ReportText.topicsTitle(survey.maxTopics), header: ReportText.topicsHeader,
          rows: summary.topics.map {
            [
              $0.topic.title,
              $0.topic.categoryID.map { ReportText.categoryTitle($0, in: catalog) } ?? "",
              String($0.votes), ReportText.share($0.votes, of: respondents),
            ]
          }))
      if !summary.forms.isEmpty {
        tables.append(
          ReportTable(
            title: ReportText.formsPreferredTitle,
            header: [ReportText.formColumn] + ReportText.votesHeader,
            rows: summary.forms.map {
              [
                $0.form?.label ?? ReportText.either, String($0.votes),
                ReportText.share($0.votes, of: respondents),
              ]
            }))
      }
      if !summary.seasons.isEmpty {
        tables.append(
          ReportTable(
            title: ReportText.seasonsPreferredTitle,
            header: [ReportText.seasonColumn] + ReportText.votesHeader,
            rows: summary.seasons.map {
              [
                FeedbackText.seasonOption($0.season), String($0.votes),
                ReportText.share($0.votes, of: respondents),
              ]
            }))
      }
    }
    tables.append(
      ReportTable(
        title: ReportText.categoryDemandTitle, header: ReportText.categoryDemandHeader,
        rows: summary.categories.map {
          [$0.category.title, String($0.topicVotes), String($0.selected), String($0.courses.count)]
        }))
    tables.append(
      ReportTable(
        title: ReportText.courseDemandTitle, header: ReportText.courseDemandHeader,
        rows: summary.categories.flatMap { category in
          category.courses.map {
            [
              category.category.title, $0.course.id, $0.course.title, String($0.selected),
              String($0.sessions), $0.seats.map(String.init) ?? ReportText.seatsUnknown,
            ]
          }
        }))
    report = TabularReport(
      title: ReportText.demandTitle(summary.year, branch: summary.branch),
      subtitle: summary.survey.map { [$0.title] } ?? [ReportText.noSurvey], tables: tables,
      notes: [])
  }
}
