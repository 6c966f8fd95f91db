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
public enum CourseForm: String, LabeledEnumeration {
  case concentrated, remote, onsite, mobile, selfstudy

  public var label: String {
    switch self {
    case .concentrated: "集中培训"
    case .remote: "远程教育"
    case .onsite: "现场教学"
    case .mobile: "流动课堂"
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
