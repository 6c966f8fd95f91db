/// One page of study in a course (catalog format 1.1), read in order in the terminal reader.
///
/// A curator writes the text in the course file or in a text file of its own; either way the
/// catalog holds the text, read when the catalog was loaded, so the reader never touches files.
public struct Lesson: Hashable, Sendable {
  public var title: String
  public var text: String
  /// The lesson file as written (relative to the catalog directory); nil for inline text.
  public var file: String?
  /// Where the `[[course.lesson]]` header stands.
  public var location: SourceLocation

  public init(title: String, text: String, file: String? = nil, location: SourceLocation) {
    self.title = title
    self.text = text
    self.file = file
    self.location = location
  }
}
