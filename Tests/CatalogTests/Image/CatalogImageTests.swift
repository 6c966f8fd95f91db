import Foundation
import Testing

@testable import Catalog

/// A compiled catalog reads back as exactly the catalog it was written from, search included,
/// and an image that is damaged in any way is refused with its reason, never half read.
@Suite struct CatalogImageTests {
  static func image(_ catalog: Catalog) throws -> CatalogImage {
    try CatalogImage(
      ImageRegion(copying: ImageProbe.image(of: catalog)), program: ProgramIdentity.current)
  }

  /// Every value the catalog offers, compared one by one.
  static func expectSame(_ read: Catalog, _ loaded: Catalog) {
    #expect(read.courses.isFromImage && !loaded.courses.isFromImage)
    #expect(read.title == loaded.title && read.issuer == loaded.issuer && read.year == loaded.year)
    #expect(read.categories == loaded.categories)
    #expect(read.rules == loaded.rules)
    #expect(read.evaluation == loaded.evaluation)
    #expect(read.survey == loaded.survey)
    #expect(read.courses.count == loaded.courses.count)
    #expect(Array(read.courses) == Array(loaded.courses))
    for category in loaded.categories {
      #expect(
        read.courses(inCategory: category.id).map(\.id)
          == loaded.courses(inCategory: category.id).map(\.id))
      #expect(
        read.totalHours(inCategory: category.id) == loaded.totalHours(inCategory: category.id))
      #expect(read.category(id: category.id) == category)
    }
    for course in loaded.courses {
      #expect(read.course(id: course.id) == course)
      #expect(read.courses.index(ofID: course.id) == loaded.courses.index(ofID: course.id))
    }
    #expect(read.course(id: "no-such-course") == nil)
    #expect(read.course(id: "") == nil)
    #expect(read.courses(inCategory: "no-such-category").isEmpty)
  }

  @Test func theShippedCatalogReadsBackAsLoaded() throws {
    let loaded = try ShippedRules.load()
    let read = try Self.image(loaded).catalog()
    Self.expectSame(read, loaded)
  }

  @Test func everyKindOfValueReadsBack() throws {
    let here = SourceLocation(path: "courses/online.toml", line: 3, column: 1)
    var online = QuizFixture.course()
    online.description = "长的说明\n第二行"
    online.instructor = "县委党校"
    online.audience = [.rural, .retired, .rural]
    online.roles = [.secretary]
    online.keywords = ["学时", "考核", ""]
    online.pinyin = "xue shi"
    online.seasons = [.winter, .spring]
    online.prerequisites = ["farm-soil"]
    online.lessons[0].file = "lessons/a.txt"
    let offline = Course(
      id: "farm-soil", title: "土壤改良基础", categoryID: "farming", hours: StudyHours(halves: 3),
      kind: .required, form: .concentrated, summary: "测土配方施肥。", provider: "农技中心",
      sessions: [
        CourseSession(
          date: day("2026-12-05"), endDate: day("2026-12-07"), time: "09:00-12:00",
          place: "村党员活动室", capacity: 40, location: here),
        CourseSession(date: day("2028-02-29"), place: "乡党校", location: here),
      ], location: here)
    let requirements = [
      Requirement(id: "a", title: "甲", location: here),
      Requirement(
        id: "b", title: "乙", roles: [.secretary, .committee], domains: [.community],
        newMember: true, floating: true, minHours: StudyHours(halves: 113), minConcentrated: 1,
        forms: [.online, .remote], source: "规划", location: here),
      Requirement(id: "c", title: "丙", floating: false, minHours: .zero, location: here),
    ]
    let plain = Catalog(
      title: "目录", issuer: "县委组织部", year: 2026,
      categories: [
        Category(id: "farming", title: "农业", order: 2, location: here),
        Category(id: "ideals", title: "理想信念", summary: "说明", location: here),
        Category(id: "empty", title: "空类别", order: -5, location: here),
      ],
      courses: [online, offline],
      rules: Rules(yearStartMonth: 3, yearStartDay: 1, requirements: requirements, path: "r.toml"))
    Self.expectSame(try Self.image(plain).catalog(), plain)
    let evaluation = Evaluation(
      intro: "请评价", forms: [.online, .remote],
      questions: [
        EvaluationQuestion(id: "useful", text: "有收获吗", answers: ["没有", "一般", "很大"]),
        EvaluationQuestion(id: "clear", text: "讲得清楚吗", answers: ["不清楚", "清楚"]),
      ])
    let survey = Survey(
      title: "需求调研", maxTopics: 2,
      topics: [
        SurveyTopic(id: "farming", title: "种植养殖", categoryID: "farming"),
        SurveyTopic(id: "law", title: "法律知识"),
      ],
      forms: [.onsite, .online], seasons: [.winter])
    for (evaluation, survey) in [(evaluation, survey), (nil, survey), (evaluation, nil)] {
      let loaded = plain.with(evaluation: evaluation, survey: survey)
      Self.expectSame(try Self.image(loaded).catalog(), loaded)
    }
  }

  @Test func searchFindsTheSameInTheImageAsInMemory() throws {
    let loaded = try ShippedRules.load()
    let read = try Self.image(loaded).catalog()
    let fromImage = SearchIndex(catalog: read)
    let inMemory = SearchIndex(catalog: loaded)
    #expect(fromImage.count == inMemory.count)
    let queries = [
      "lxxn", "wenshi", "温室sc", "党章", "dz", "xdzzcn", "法", "a", "2026", "ＡＰＰ", "zzzz", "d a n g",
      "online", "学时", "nongcun kuaiji", "chongyang", "jiandu", "党员 jy",
    ]
    for query in queries {
      #expect(fromImage.search(query) == inMemory.search(query), "query \(query)")
    }
    // Narrowing works on the image's results as on the others.
    var previous = SearchResults.empty(for: fromImage)
    for end in 1..."dangzhang".count {
      let query = String("dangzhang".prefix(end))
      previous = fromImage.search(query, narrowing: previous)
      #expect(Array(previous) == inMemory.search(query), "typed \(query)")
    }
  }

  @Test func coursesReadByPositionAreKeptAndAScanKeepsNone() throws {
    let read = try Self.image(try ShippedRules.load()).catalog()
    guard case .image(let courses) = read.courses.storage else {
      Issue.record("not read from an image")
      return
    }
    #expect(courses.decodedCount == 0)
    var hours = StudyHours.zero
    for course in read.courses { hours = hours + course.hours }
    #expect(hours > .zero)
    #expect(courses.decodedCount == 0)
    _ = read.courses[3]
    _ = read.course(id: read.courses[5].id)
    #expect(courses.decodedCount == 2)
  }

  // MARK: Damage

  /// The shipped catalog's image, and where its sections are.
  static func shippedImage() throws -> [UInt8] { ImageProbe.image(of: try ShippedRules.load()) }

  static func section(_ section: ImageSection, in bytes: [UInt8]) -> Range<Int> {
    let entry = ImageFormat.headerSize + section.rawValue * ImageFormat.directoryEntrySize
    let offset = bytes.withUnsafeBytes {
      Int($0.loadUnaligned(fromByteOffset: entry, as: UInt64.self))
    }
    let length = bytes.withUnsafeBytes {
      Int($0.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self))
    }
    return offset..<offset + length
  }

  static func defect(_ bytes: [UInt8]) -> CatalogImage.Defect? {
    do {
      _ = try CatalogImage(ImageRegion(copying: bytes), program: ProgramIdentity.current)
      return nil
    } catch {
      return error
    }
  }

  /// Sets a 64-bit slot and makes the checksum right again: damage only validation can see.
  static func patched(_ bytes: [UInt8], at offset: Int, _ value: UInt64) -> [UInt8] {
    var bytes = bytes
    ImageEncoder.put(value, at: offset, in: &bytes)
    ImageEncoder.seal(&bytes)
    return bytes
  }

  @Test func aDamagedImageIsRefusedWithItsReason() throws {
    let good = try Self.shippedImage()
    #expect(Self.defect(good) == nil)
    #expect(Self.defect(Array(good.dropLast())) == .truncated)
    #expect(Self.defect(Array(good.prefix(100))) == .truncated)
    #expect(Self.defect([]) == .truncated)
    var flipped = good
    flipped[good.count / 2] ^= 0x10
    #expect(Self.defect(flipped) == .checksum)
    var other = good
    other[0] = UInt8(ascii: "X")
    #expect(Self.defect(other) == .notAnImage)
    var version = good
    ImageEncoder.put(ImageFormat.version + 1, at: ImageFormat.versionOffset, in: &version)
    #expect(Self.defect(version) == .otherFormatVersion(ImageFormat.version + 1))
    var program = good
    program[ImageFormat.programOffset] ^= 1
    #expect(Self.defect(program) == .otherProgram)
    // Read by any program (the fuzzer's way), the checksum still holds it back.
    #expect(throws: CatalogImage.Defect.checksum) {
      try CatalogImage(ImageRegion(copying: flipped), program: nil)
    }
  }

  @Test func damageBehindAGoodChecksumIsFoundByValidation() throws {
    let good = try Self.shippedImage()
    let courses = Self.section(.courses, in: good)
    let fields = CourseField.allCases.count
    func slot(_ record: Int, _ field: CourseField) -> Int {
      courses.lowerBound + (record * fields + field.rawValue) * 8
    }
    // A course of no hours; a title past the end of the strings; a form that does not exist;
    // sessions beyond the sessions table.
    #expect(Self.defect(Self.patched(good, at: slot(2, .hours), 0)) == .record(.courses, 2))
    #expect(
      Self.defect(Self.patched(good, at: slot(0, .title), ImageSpan.pack(start: 1 << 30, count: 4)))
        == .record(.courses, 0))
    #expect(Self.defect(Self.patched(good, at: slot(1, .form), 7)) == .record(.courses, 1))
    #expect(
      Self.defect(
        Self.patched(good, at: slot(4, .sessions), ImageSpan.pack(start: 0, count: 1 << 20)))
        == .record(.courses, 4))
    // A category whose courses run past the last one.
    let categories = Self.section(.categories, in: good)
    let end = categories.lowerBound + CategoryField.endCourse.rawValue * 8
    #expect(Self.defect(Self.patched(good, at: end, 100_000)) == .record(.categories, 0))
    // A section that points outside the file, and one not aligned.
    let entry =
      ImageFormat.headerSize + ImageSection.lessons.rawValue * ImageFormat.directoryEntrySize
    #expect(Self.defect(Self.patched(good, at: entry, UInt64(good.count))) == .section(.lessons))
    #expect(
      Self.defect(Self.patched(good, at: entry, UInt64(ImageFormat.sectionsStart + 4)))
        == .section(.lessons))
    // The search index: a text's units out of order, a reading of no syllable.
    let starts = Self.section(.textUnitStart, in: good)
    var unordered = good
    unordered.replaceSubrange(
      starts.lowerBound + 4..<starts.lowerBound + 8, with: [0xFF, 0xFF, 0, 0])
    ImageEncoder.seal(&unordered)
    #expect(Self.defect(unordered) == .searchIndex(.textUnitStart))
    let readings = Self.section(.readings, in: good)
    var unknown = good
    unknown.replaceSubrange(
      readings.lowerBound..<readings.lowerBound + 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
    ImageEncoder.seal(&unknown)
    #expect(Self.defect(unknown) == .searchIndex(.readings))
  }

  @Test func everyTruncationAndEveryBitFlipOfASmallImageIsRefusedOrReadWhole() throws {
    let small = SearchFixture.catalog([
      SearchFixture.course("farm-a", "日光温室"), SearchFixture.course("ideals-b", "理想信念"),
    ])
    let good = ImageProbe.image(of: small)
    for length in 0..<good.count {
      #expect(Self.defect(Array(good.prefix(length))) != nil, "cut at \(length)")
    }
    // With the checksum made right after each flip, validation alone stands guard: whatever
    // it lets through must read whole.
    for offset in stride(
      from: ImageFormat.checksummedFrom + ImageFormat.programSize, to: good.count, by: 3)
    {
      for bit in [0, 5, 7] {
        var bytes = good
        bytes[offset] ^= 1 << bit
        if let catalog = ImageProbe.catalog(from: bytes, sealing: true) {
          for course in catalog.courses { _ = catalog.course(id: course.id) }
          for result in SearchIndex(catalog: catalog).search("wenshi") {
            #expect(result.courseIndex < catalog.courses.count)
          }
        }
      }
    }
  }
}
