/// A top-level menu entry (类别 / 专题) grouping courses.
public struct Category: Hashable, Sendable, Identifiable {
  public var id: String
  public var title: String
  public var summary: String?
  /// Menu order as written; categories without one follow, by title.
  public var order: Int?
  public var location: SourceLocation

  public init(
    id: String, title: String, summary: String? = nil, order: Int? = nil,
    location: SourceLocation
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.order = order
    self.location = location
  }
}
