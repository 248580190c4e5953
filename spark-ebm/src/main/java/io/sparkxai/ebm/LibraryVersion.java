package io.sparkxai.ebm;

/** The version of this library, from the jar's manifest ("dev" when run from classes). */
final class LibraryVersion {

  private LibraryVersion() {}

  /** The implementation version of the jar, or "dev". */
  static String get() {
    String v = LibraryVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
