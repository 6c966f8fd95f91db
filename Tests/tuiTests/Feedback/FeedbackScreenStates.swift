import Catalog

@testable import tui

/// The states the rating and survey render tests draw.
enum FeedbackScreenStates {
  /// Just logged in: the first of two courses to rate, its first question.
  static var rating80: AppState { FeedbackFixtures.loggedIn() }

  /// The same at the minimum size: the evaluation's line gives way to the answers.
  static var rating60: AppState { FeedbackFixtures.loggedIn(width: 60, height: 16) }

  /// Both questions answered (4, then 3) and the records could not keep it.
  static var ratingFailed60: AppState {
    FeedbackFixtures.loggedIn(width: 60, height: 16).pressing("43").state.answering(
      .failed(.feedback(.rate(courseID: "farm-winter"), memberID: "2001"), message: "数据库正忙"))
  }

  static var surveyRecords: MemberRecords {
    FeedbackFixtures.asked(["farm-winter", "ideals-history"])
  }

  /// Both courses asked before: the survey at login, one topic marked.
  static var survey80: AppState { FeedbackFixtures.loggedIn(surveyRecords).pressing("2").state }

  /// Two topics marked at the minimum size: the intro stays, it fits.
  static var survey60: AppState {
    FeedbackFixtures.loggedIn(surveyRecords, width: 60, height: 16).pressing("24").state
  }

  /// On to the season, having chosen 远程教育.
  static var surveySeason60: AppState {
    FeedbackFixtures.loggedIn(surveyRecords, width: 60, height: 16).pressing("2452").state
  }
}
