/// 为我推荐: which courses a member should take next, from the catalog, the hour rules and
/// the member's progress. Pure: the same inputs always give the same list.
///
/// A course is recommended when
/// - its `audience` is empty or names the member's domain, and its `roles` are empty or name
///   the member's role;
/// - the member has no credit for it in the training year of `progress`;
/// - it can still be attended: it has no sessions, or one on or after `today` (when given).
///
/// Ranked: courses that help an unmet requirement first — concentrated courses while a
/// `min_concentrated` is unmet, then courses whose form counts toward an unmet `min_hours` —
/// then the rest. Within a group, required courses (必修) first, then those meant for the
/// member's role or domain in particular, then menu order.
public enum Recommender {
  public static func recommendations(
    for progress: YearProgress, catalog: Catalog, selected: Set<String> = [],
    today: LocalDate? = nil
  ) -> [Recommendation] {
    let member = progress.member
    let credited = Set(progress.credits.map(\.courseID))
    let unmet = progress.unmet
    // The requirement still missing the most concentrated courses, and per form the one
    // missing the most hours (first in the rules file on a tie).
    let concentratedNeed = unmet.filter { $0.missingConcentrated > 0 }.max {
      $0.missingConcentrated < $1.missingConcentrated
    }
    var hoursNeed: [CourseForm: RequirementStatus] = [:]
    for status in unmet where status.missingHours > .zero {
      let forms = status.requirement.forms.isEmpty ? CourseForm.allCases : status.requirement.forms
      for form in forms where (hoursNeed[form]?.missingHours ?? .zero) < status.missingHours {
        hoursNeed[form] = status
      }
    }

    var ranked: [(recommendation: Recommendation, order: (Int, Int, Int, Int))] = []
    for (index, course) in catalog.courses.enumerated() {
      guard fits(course, member), !credited.contains(course.id) else { continue }
      let next = today.flatMap { day in
        course.sessions.filter { $0.date >= day }.min { $0.date < $1.date }
      }
      if today != nil, !course.sessions.isEmpty, next == nil { continue }

      let reason: RecommendationReason
      if course.form == .concentrated, let need = concentratedNeed {
        reason = .concentratedMissing(
          requirement: need.requirement.title, missing: need.missingConcentrated)
      } else if let need = hoursNeed[course.form] {
        reason = .hoursMissing(requirement: need.requirement.title, missingHours: need.missingHours)
      } else if course.kind == .required {
        reason = .required
      } else if course.roles.contains(member.role) {
        reason = .forRole(member.role)
      } else if course.audience.contains(member.domain) {
        reason = .forDomain(member.domain)
      } else {
        reason = .general
      }
      let targeted = !course.roles.isEmpty || !course.audience.isEmpty
      ranked.append(
        (
          Recommendation(
            courseIndex: index, courseID: course.id, reason: reason,
            isSelected: selected.contains(course.id), nextSession: next),
          (reason.tier, course.kind == .required ? 0 : 1, targeted ? 0 : 1, index)
        ))
    }
    return ranked.sorted { $0.order < $1.order }.map(\.recommendation)
  }

  /// The course is meant for the member: everyone, or their domain and role.
  public static func fits(_ course: Course, _ member: MemberProfile) -> Bool {
    (course.audience.isEmpty || course.audience.contains(member.domain))
      && (course.roles.isEmpty || course.roles.contains(member.role))
  }
}
