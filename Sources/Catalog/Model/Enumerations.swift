/// An enumeration a curator may write either as its identifier or as its Chinese label,
/// so catalog files read naturally in either language.
public protocol LabeledEnumeration: CaseIterable, Hashable, Sendable, RawRepresentable
where RawValue == String {
  /// The Chinese label shown to members and accepted in catalog files.
  var label: String { get }
}

extension LabeledEnumeration {
  /// Accepts the identifier (`onsite`) or the Chinese label (`现场教学`).
  public init?(identifierOrLabel text: String) {
    guard let match = Self.allCases.first(where: { $0.rawValue == text || $0.label == text })
    else { return nil }
    self = match
  }

  /// Every accepted spelling, for diagnostics: `required（必修）| elective（选修）`.
  public static var spellings: String {
    allCases.map { "\($0.rawValue)（\($0.label)）" }.joined(separator: "、")
  }
}

/// Whether a course must be taken or may be chosen.
public enum CourseKind: String, LabeledEnumeration {
  case required, elective

  public var label: String {
    switch self {
    case .required: "必修"
    case .elective: "选修"
    }
  }
}

/// How a course is delivered; requirements may count only some forms.
///
/// The ways of study of the 2014-2018 plan (集中教育、脱产培训、集体学习、网络培训、自主选学、
/// 个人自学): a training class is `concentrated` and only it counts as "参加集中培训"; branch
/// study (三会一课, 主题党日, 微党课) is `group`; a course passed on a platform is `online`.
public enum CourseForm: String, LabeledEnumeration {
  case concentrated, group, remote, onsite, mobile, online, selfstudy

  public var label: String {
    switch self {
    case .concentrated: "集中培训"
    case .group: "集体学习"
    case .remote: "远程教育"
    case .onsite: "现场教学"
    case .mobile: "流动课堂"
    case .online: "网络培训"
    case .selfstudy: "自学"
    }
  }
}

/// A member's role in the branch; secretaries and committee members carry more hours.
public enum MemberRole: String, LabeledEnumeration {
  case member, secretary, committee

  public var label: String {
    switch self {
    case .member: "党员"
    case .secretary: "书记"
    case .committee: "班子成员"
    }
  }
}

/// Where a member works or lives, for teaching by category (分类施教).
public enum MemberDomain: String, LabeledEnumeration {
  case rural, community, government, institution, soe, school, student, `private`, social, retired

  public var label: String {
    switch self {
    case .rural: "农村"
    case .community: "社区"
    case .government: "机关"
    case .institution: "事业单位"
    case .soe: "国企"
    case .school: "学校"
    case .student: "学生"
    case .private: "非公企业"
    case .social: "社会组织"
    case .retired: "离退休"
    }
  }
}

/// The slack farming seasons in which rural training is concentrated.
public enum TrainingSeason: String, LabeledEnumeration {
  case spring, winter

  public var label: String {
    switch self {
    case .spring: "春训"
    case .winter: "冬训"
    }
  }
}
