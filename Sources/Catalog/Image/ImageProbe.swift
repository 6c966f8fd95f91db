/// The image reader as the fuzzer and its corpus replay drive it (`CatalogFuzzing`): bytes in,
/// a catalog out when they pass every check, with no file and no key. The program itself
/// reads images through `CatalogImageStore`.
public enum ImageProbe {
  /// `bytes` read as an image, nil when refused. With `sealing`, the program identity and the
  /// checksum are first set to what this build expects, so that a mutation reaches the
  /// structure behind them instead of stopping at the checksum.
  public static func catalog(from bytes: [UInt8], sealing: Bool) -> Catalog? {
    var bytes = bytes
    if sealing, bytes.count >= ImageFormat.headerSize {
      let program = ProgramIdentity.current
      bytes.replaceSubrange(
        ImageFormat.programOffset..<ImageFormat.programOffset + program.count, with: program)
      ImageEncoder.seal(&bytes)
    }
    return try? CatalogImage(ImageRegion(copying: bytes), program: ProgramIdentity.current)
      .catalog()
  }

  /// The image a start would write for `catalog`, keyed on no file.
  public static func image(of catalog: Catalog) -> [UInt8] {
    ImageEncoder.encode(
      catalog, search: SearchIndex(catalog: catalog).tables,
      key: ImageKey(identity: "", inputs: CatalogInputs()), program: ProgramIdentity.current)
  }
}
