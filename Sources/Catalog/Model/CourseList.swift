/// Every course of a catalog in menu order: held in memory (a catalog loaded from TOML), or
/// read from a mapped catalog image (`CatalogImage`) only when used, so a session pays for
/// the courses it shows and not for the ten thousand it never opens.
///
/// Reading a course by position or by id keeps it decoded for the rest of the session (a
/// screen reads the same few courses on every frame). Going through all of them
/// (`for course in courses`, as recommendations do) decodes one at a time and keeps none, so
/// a scan over a large catalog leaves no copy of it behind.
public struct CourseList: RandomAccessCollection, Sendable {
  enum Storage: Sendable {
    case memory([Course], indexByID: [String: Int])
    case image(ImageCourses)
  }

  let storage: Storage

  init(_ courses: [Course]) {
    var index: [String: Int] = [:]
    index.reserveCapacity(courses.count)
    for position in courses.indices where index[courses[position].id] == nil {
      index[courses[position].id] = position
    }
    storage = .memory(courses, indexByID: index)
  }

  init(image: ImageCourses) { storage = .image(image) }

  public var startIndex: Int { 0 }

  public var endIndex: Int {
    switch storage {
    case .memory(let courses, _): courses.count
    case .image(let image): image.count
    }
  }

  public subscript(position: Int) -> Course {
    switch storage {
    case .memory(let courses, _): courses[position]
    case .image(let image): image.course(at: position)
    }
  }

  /// The position of the course with this id (the first, should two share it).
  public func index(ofID id: String) -> Int? {
    switch storage {
    case .memory(_, let index): index[id]
    case .image(let image): image.index(ofID: id)
    }
  }

  public struct Iterator: IteratorProtocol {
    let list: CourseList
    var position = 0

    public mutating func next() -> Course? {
      guard position < list.endIndex else { return nil }
      defer { position += 1 }
      switch list.storage {
      case .memory(let courses, _): return courses[position]
      case .image(let image): return image.decode(at: position)
      }
    }
  }

  /// Decodes each course of an image in turn, keeping none (see the type's comment).
  public func makeIterator() -> Iterator { Iterator(list: self) }

  /// Whether the courses are read from a catalog image.
  public var isFromImage: Bool {
    if case .image = storage { return true }
    return false
  }

  /// The search index an image brings along; nil for courses in memory.
  var storedSearchTables: SearchTables? {
    if case .image(let image) = storage { return image.searchTables }
    return nil
  }

  /// The courses as an array, for building a search index (never asked of an image).
  var inMemory: [Course] {
    if case .memory(let courses, _) = storage { return courses }
    return Array(self)
  }
}
