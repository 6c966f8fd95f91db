/// How one applicable requirement stands for a member in a training year.
public struct RequirementStatus: Hashable, Sendable {
  public var requirement: Requirement
  /// The days whose credits count: the training year, or for a `new_member` requirement the
  /// first 365 days after joining (which may reach into the previous or next training year).
  public var period: DateSpan
  /// Credited hours in `period` of the forms the requirement counts.
  public var countedHours: StudyHours
  /// Distinct concentrated (集中培训) courses credited in `period`.
  public var concentratedCourses: Int
  /// Hours still needed for `min_hours`; zero when met or not required.
  public var missingHours: StudyHours
  /// Concentrated courses still needed for `min_concentrated`; zero when met or not required.
  public var missingConcentrated: Int

  public var isMet: Bool { missingHours == .zero && missingConcentrated == 0 }

  /// What is still missing, in words: `还需 8 学时（不计自学）`, `还需参加 1 次集中培训`; empty
  /// when met.
  public var missing: [String] {
    var parts: [String] = []
    if missingHours > .zero {
      parts.append(AccountingText.missingHours(missingHours, forms: countedForms))
    }
    if missingConcentrated > 0 {
      parts.append(AccountingText.missingConcentrated(missingConcentrated))
    }
    return parts
  }

  /// The forms counted toward `min_hours`, or nil when every form counts.
  public var countedForms: [CourseForm]? {
    let forms = Set(requirement.forms)
    guard !forms.isEmpty, forms != Set(CourseForm.allCases) else { return nil }
    return CourseForm.allCases.filter(forms.contains)
  }

  /// The forms whose hours do not count toward `min_hours` (such as 自学); empty when all do.
  public var uncountedForms: [CourseForm] {
    guard let counted = countedForms else { return [] }
    return CourseForm.allCases.filter { !counted.contains($0) }
  }
}

/// Where a member stands in a training year. A member to whom no requirement applies has met
/// nothing: that is its own state, never counted as met.
public enum YearStanding: Hashable, Sendable, CaseIterable {
  /// Every applicable requirement is met.
  case met
  /// Some applicable requirement is not met.
  case unmet
  /// No requirement of the rules applies to the member this year.
  case noRequirement
}

/// A member's hours for one training year against every requirement that applies to them.
public struct YearProgress: Hashable, Sendable {
  public var year: TrainingYear
  public var member: MemberProfile
  /// The credits dated in the training year, oldest first.
  public var credits: [Credit]
  /// Every hour credited in the training year, whatever its form.
  public var creditedHours: StudyHours
  /// The largest `min_hours` among the applicable requirements; nil when none sets one.
  public var target: StudyHours?
  /// The hours that count toward `target`: those counted by the requirement that sets it (the
  /// fewest, when several set the same target with different forms); every credited hour of the
  /// year when no requirement sets a target.
  public var countedHours: StudyHours
  /// The applicable requirements, in the order of the rules file.
  public var requirements: [RequirementStatus]
  /// Credited hours of the training year by form.
  public var hoursByForm: [CourseForm: StudyHours]
  /// Credited hours of the training year by category id.
  public var hoursByCategory: [String: StudyHours]

  /// Met, unmet, or nothing applies.
  public var standing: YearStanding {
    if requirements.isEmpty { return .noRequirement }
    return requirements.allSatisfy(\.isMet) ? .met : .unmet
  }

  /// Some requirement applies and every one is met; false when none applies.
  public var isComplete: Bool { standing == .met }

  /// The requirement whose `min_hours` is the target and whose counting gives `countedHours`;
  /// nil when no requirement sets a target.
  public var targetStatus: RequirementStatus? {
    guard let target else { return nil }
    return requirements.filter { $0.requirement.minHours == target }.min {
      $0.countedHours < $1.countedHours
    }
  }

  /// Credited hours of the year whose form does not count toward the target, by form (自学
  /// under the shipped rules): recorded and shown, never dropped.
  public var uncountedHoursByForm: [(form: CourseForm, hours: StudyHours)] {
    (targetStatus?.uncountedForms ?? []).compactMap { form in
      hoursByForm[form].map { (form, $0) }
    }
  }

  public var unmet: [RequirementStatus] { requirements.filter { !$0.isMet } }

  /// Hours still needed to reach `target` (zero when reached or there is no target).
  public var hoursToTarget: StudyHours {
    guard let target, countedHours < target else { return .zero }
    return target - countedHours
  }

  /// Every unmet requirement with what it still needs, in one line; empty when complete.
  public var missingSummary: String {
    AccountingText.summary(unmet.map { ($0.requirement.title, $0.missing) })
  }
}

/// The hour accounting: pure functions of the rules, a member and their credits.
public enum HourAccounting {
  /// Whether a requirement applies to a member in a training year: their role, domain and
  /// floating flag pass its filters, and for a `new_member` requirement their first 365 days
  /// overlap the year.
  public static func applies(
    _ requirement: Requirement, to member: MemberProfile, in year: TrainingYear
  ) -> Bool {
    if !requirement.roles.isEmpty, !requirement.roles.contains(member.role) { return false }
    if !requirement.domains.isEmpty, !requirement.domains.contains(member.domain) { return false }
    if let floating = requirement.floating, floating != member.floating { return false }
    if requirement.newMember {
      return newMemberPeriod(of: member).overlaps(year.span)
    }
    return true
  }

  /// The first 365 days after joining, the joining day included.
  public static func newMemberPeriod(of member: MemberProfile) -> DateSpan {
    DateSpan(start: member.joined, end: member.joined.adding(days: 365))
  }

  /// The days whose credits count for a requirement.
  public static func period(
    of requirement: Requirement, for member: MemberProfile, in year: TrainingYear
  ) -> DateSpan {
    requirement.newMember ? newMemberPeriod(of: member) : year.span
  }

  /// Evaluates one requirement, applicable or not.
  public static func status(
    of requirement: Requirement, for member: MemberProfile, credits: [Credit],
    in year: TrainingYear
  ) -> RequirementStatus {
    let period = period(of: requirement, for: member, in: year)
    let inPeriod = credits.filter { period.contains($0.date) }
    let forms = Set(requirement.forms.isEmpty ? CourseForm.allCases : requirement.forms)
    let counted = inPeriod.filter { forms.contains($0.form) }.reduce(StudyHours.zero) {
      $0 + $1.hours
    }
    let concentrated = Set(inPeriod.filter { $0.form == .concentrated }.map(\.courseID)).count
    var missingHours = StudyHours.zero
    if let minimum = requirement.minHours, counted < minimum { missingHours = minimum - counted }
    let missingConcentrated = max(0, (requirement.minConcentrated ?? 0) - concentrated)
    return RequirementStatus(
      requirement: requirement, period: period, countedHours: counted,
      concentratedCourses: concentrated, missingHours: missingHours,
      missingConcentrated: missingConcentrated)
  }

  /// The member's progress in a training year. `credits` may hold any dates: each requirement
  /// takes those in its own period.
  public static func progress(
    of member: MemberProfile, credits: [Credit], in year: TrainingYear, rules: Rules
  ) -> YearProgress {
    let yearCredits = credits.filter { year.contains($0.date) }.sorted {
      ($0.date, $0.courseID) < ($1.date, $1.courseID)
    }
    let credited = yearCredits.reduce(StudyHours.zero) { $0 + $1.hours }
    let statuses = rules.requirements.filter { applies($0, to: member, in: year) }.map {
      status(of: $0, for: member, credits: credits, in: year)
    }
    let target = statuses.compactMap(\.requirement.minHours).max()
    var byForm: [CourseForm: StudyHours] = [:]
    var byCategory: [String: StudyHours] = [:]
    for credit in yearCredits {
      byForm[credit.form, default: .zero] += credit.hours
      byCategory[credit.categoryID, default: .zero] += credit.hours
    }
    var progress = YearProgress(
      year: year, member: member, credits: yearCredits, creditedHours: credited, target: target,
      countedHours: credited, requirements: statuses, hoursByForm: byForm,
      hoursByCategory: byCategory)
    if let targetStatus = progress.targetStatus {
      progress.countedHours = targetStatus.countedHours
    }
    return progress
  }

  /// The training years of a member's record (学习档案): from the year of their first credit to
  /// that of their last, always including `current`, and never before the training year they
  /// joined in (`credit` refuses a credit dated before joining; one written before it did, or
  /// kept after a corrected joining date, belongs to no year of the record).
  public static func recordYears(
    of credits: [Credit], joined: LocalDate, rules: Rules, current: Int
  ) -> ClosedRange<Int> {
    let joinedYear = rules.trainingYear(containing: joined).year
    let years = credits.map { rules.trainingYear(containing: $0.date).year }.filter {
      $0 >= joinedYear
    }
    let first = max(joinedYear, min(current, years.min() ?? current))
    return first...max(first, current, years.max() ?? current)
  }
}

extension Rules {
  /// The member's progress in a training year; see `HourAccounting.progress`.
  public func progress(of member: MemberProfile, credits: [Credit], in year: TrainingYear)
    -> YearProgress
  {
    HourAccounting.progress(of: member, credits: credits, in: year, rules: self)
  }
}
