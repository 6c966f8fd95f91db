/// What a member is asked when they log in, before the main menu: to rate each course credited
/// to them that they have not been asked about (评学), then the year's needs survey (需求调研).
/// Every one can be declined, and none is asked twice.
public enum FeedbackPrompt: Hashable, Sendable {
  case rate(courseID: String)
  case survey
}

extension Catalog {
  /// The prompts due at a login, in the order they are asked: each course credited in the
  /// catalog's training year, still in the catalog, of a form the evaluation rates, and not
  /// asked about before (by first credit, then course id); then the survey, unless this year's
  /// has been answered or declined. Empty without `evaluation.toml` and `survey.toml`.
  public func feedbackPrompts(credits: [Credit], state: FeedbackState) -> [FeedbackPrompt] {
    let trainingYear = rules.trainingYear(year)
    var prompts: [FeedbackPrompt] = []
    if let evaluation {
      var seen = Set<String>()
      let sorted = credits.filter { trainingYear.contains($0.date) }.sorted {
        ($0.date, $0.courseID) < ($1.date, $1.courseID)
      }
      for credit in sorted where seen.insert(credit.courseID).inserted {
        guard let course = course(id: credit.courseID), evaluation.rates(course.form),
          !state.ratedCourses.contains(RatedCourse(courseID: course.id, year: year))
        else { continue }
        prompts.append(.rate(courseID: course.id))
      }
    }
    if survey != nil, state.surveys[year] == nil { prompts.append(.survey) }
    return prompts
  }
}
