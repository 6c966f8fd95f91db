import Foundation

/// What the hour rules need to know about a member.
public struct MemberProfile: Hashable, Sendable {
  public var role: MemberRole
  public var domain: MemberDomain
  /// The day the member joined the Party, for `new_member` requirements.
  public var joined: LocalDate
  /// A floating member (流动党员): requirements with `floating = true` apply only to them,
  /// those with `floating = false` never do.
  public var floating: Bool

  public init(role: MemberRole, domain: MemberDomain, joined: LocalDate, floating: Bool = false) {
    self.role = role
    self.domain = domain
    self.joined = joined
    self.floating = floating
  }
}

/// Hours credited to a member for attending a course on a day (考勤 / 学时登记).
///
/// Title, category, hours and form are those of the course when it was credited, so later
/// catalog edits never rewrite history; `source` says where the credit came from.
public struct Credit: Hashable, Sendable {
  public var courseID: String
  public var courseTitle: String
  public var categoryID: String
  public var date: LocalDate
  public var hours: StudyHours
  public var form: CourseForm
  /// Where it came from, e.g. `考勤登记 2026-12-05` or `批量导入 sheet.csv`.
  public var source: String
  /// When it was written to the records; nil for credits built in memory.
  public var recordedAt: Date?
  /// Who wrote it (the operating-system user running the command); nil when unknown.
  public var recordedBy: String?
  /// Why a make-up (补学) was credited on a day outside the course's schedule; nil for
  /// attendance on a scheduled day.
  public var reason: String?

  public init(
    courseID: String, courseTitle: String, categoryID: String, date: LocalDate,
    hours: StudyHours, form: CourseForm, source: String, recordedAt: Date? = nil,
    recordedBy: String? = nil, reason: String? = nil
  ) {
    self.courseID = courseID
    self.courseTitle = courseTitle
    self.categoryID = categoryID
    self.date = date
    self.hours = hours
    self.form = form
    self.source = source
    self.recordedAt = recordedAt
    self.recordedBy = recordedBy
    self.reason = reason
  }

  /// A credit for attending `course` on `date`, with the course's hours and form.
  public init(course: Course, date: LocalDate, source: String, reason: String? = nil) {
    self.init(
      courseID: course.id, courseTitle: course.title, categoryID: course.categoryID, date: date,
      hours: course.hours, form: course.form, source: source, reason: reason)
  }
}
