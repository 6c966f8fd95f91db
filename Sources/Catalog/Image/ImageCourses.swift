import Synchronization

/// The courses of a catalog image, decoded when read: by position or id they are kept for
/// the session (up to `cacheLimit`, then the cache starts again), through an iteration they
/// are decoded and dropped (`CourseList`). Decoding is a pure function of the immutable image,
/// so keeping the results changes nothing but the time; the lock only makes the memo safe
/// to share with the records worker.
final class ImageCourses: Sendable {
  /// A member reads far fewer; a session never holds more than this many decoded courses.
  static let cacheLimit = 2048

  let image: CatalogImage
  let count: Int
  /// The image's search index, borrowed from the mapping.
  let searchTables: SearchTables
  private let cache = Mutex<[Int: Course]>([:])

  init(image: CatalogImage) {
    self.image = image
    count = image.courseCount
    searchTables = image.searchTables()
  }

  func course(at index: Int) -> Course {
    if let known = cache.withLock({ $0[index] }) { return known }
    let course = image.course(at: index)
    cache.withLock { cache in
      if cache.count >= Self.cacheLimit { cache.removeAll() }
      cache[index] = course
    }
    return course
  }

  /// Decoded afresh, not kept.
  func decode(at index: Int) -> Course {
    cache.withLock({ $0[index] }) ?? image.course(at: index)
  }

  func index(ofID id: String) -> Int? { image.index(ofCourseID: id) }

  /// How many courses are decoded now (for tests and the memory benchmark).
  var decodedCount: Int { cache.withLock { $0.count } }
}
